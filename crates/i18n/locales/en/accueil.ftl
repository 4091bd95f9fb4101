# Home page.
# Reminder: no curly braces in texts (they are Fluent placeables), no HTML.
# No statistics here: key figures will come with their sources in the Data module.

accueil-titre-page = Learning to build alliances
accueil-description = An open-source platform to learn how local authorities, businesses, associations and citizens can build alliances, in the spirit of SDG 17.
accueil-surtitre = SDG 17 in practice
accueil-titre = Learning to build alliances where you live and work
accueil-chapo =
    This platform helps organisations and territories build alliances: cooperation between
    very different actors who come together around issues they share. It is meant for elected
    officials and local government staff, businesses, associations and foundations, academic
    bodies, State services and citizens, as well as for the people who bring a territory's
    actors together.

accueil-cta-territoires = Explore the territories
accueil-cta-odd = Discover SDG 17

## Why build alliances

accueil-pourquoi-titre = Why build alliances?
accueil-pourquoi-p1 =
    The fragilities of a territory, whether unemployment, ageing, isolation or climate, do not
    stop at the edge of any one organisation. A town council, a company, an association or a
    university each sees part of the picture, and each has different levers to pull. Building
    an alliance means pooling those views and those means instead of acting alone.
accueil-pourquoi-p2 =
    The United Nations made this a Sustainable Development Goal in its own right: SDG 17.
    Its targets 17.16 and 17.17 call for partnerships that bring together public actors,
    private actors and civil society. Once the wish to act together is there, the question
    becomes a practical one: how do we go about it?
accueil-pourquoi-p3 =
    Building alliances is something you learn, and not everyone starts from the same place. Some are
    just discovering it, others have already run projects with partners, others again foster
    cooperation across a whole territory. This platform offers landmarks to move forward step
    by step, starting from where you are.

accueil-partenariat-titre = A partnership: face to face
accueil-partenariat-texte =
    Two organisations agree to carry out a joint action. Each comes with its own stakes and
    looks for what will move it forward.
accueil-alliance-titre = An alliance: side by side
accueil-alliance-texte =
    Several actors stand side by side to face issues they share in the same territory. This
    collective dynamic becomes fertile ground where new partnerships can grow.

## The three impacts

accueil-impacts-titre = What alliances bring
accueil-impacts-intro =
    Research on alliances in France, notably by Le RAMEAU, identifies three impacts. Each
    follows its own path, at its own pace.
accueil-impact-performance-texte =
    Public and private organisations that join forces strengthen their own work: they draw on
    skills and resources they could not have gathered alone.
accueil-impact-innovation-texte =
    By combining different kinds of know-how, allies come up with new answers to local needs.
    This is social and territorial innovation.
accueil-impact-confiance-texte =
    Acting together builds ties between people and between organisations. That trust makes
    people want to get involved, and makes the territory better able to act as a whole.

## The triple articulation

accueil-articulation-titre = Connecting domains, territories and actors
accueil-articulation-intro =
    A territorial alliance has to hold three dimensions together: the domains it touches, the
    territory where it acts and the actors it brings together. The platform uses these three
    axes to organise its resources, so that everyone can find what fits their situation.
accueil-articulation-domaines = Domains
accueil-articulation-territoires = Territories
accueil-articulation-acteurs = Actors

## M.E.D.O.C.

accueil-medoc-titre = M.E.D.O.C.: five kinds of resources
accueil-medoc-intro =
    The platform gathers methods, examples, data, tools and skills. It offers them to each
    visitor according to their profile, their maturity and what they want to do, to help them
    move from intention to action.

## Already available

accueil-disponible-titre = Already available
accueil-odd-carte-titre = The SDG reference
accueil-odd-carte-texte =
    The 17 Sustainable Development Goals, their 169 targets and their indicators, in French and
    English. The 19 targets of SDG 17 are grouped by theme.
accueil-territoires-carte-titre = The territories
accueil-territoires-carte-texte =
    Every région, département, intercommunalité and commune in France, from official data, with
    a map and a search by name.

## SDG 17

accueil-odd17-titre = SDG 17, the goal of means and partnerships
accueil-odd17-texte =
    SDG 17 is not about one particular field: it gathers the means to reach all the other goals,
    from finance and technology to trade and policy coherence. Target 17.16 calls for
    multi-stakeholder partnerships that share knowledge, expertise, technology and financial
    resources; target 17.17 encourages public, public-private and civil-society partnerships.
