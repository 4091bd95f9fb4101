# Méthodes: the questionnaire, the report, the shared diagnostic.
methodes-titre = Take stock of your alliances
methodes-kicker = Methods · guided questioning
methodes-description = A five-step questionnaire that gives your profile, your partnership maturity on each dimension and a path of alliances, territories and resources chosen for you.
methodes-commencer = Start the questionnaire
methodes-continuer = Resume where I left off
methodes-fait-questions = { $n ->
    [one] At most { $nf } question, depending on your profile; about ten minutes
   *[other] At most { $nf } questions, depending on your profile; about ten minutes
}
methodes-fait-compte = No account, no email address.
methodes-fait-lien = Your answers are kept behind a personal link that only you hold: you can resume later and delete everything.
methodes-etapes-titre = Five steps
methodes-dimensions-titre = Six maturity dimensions
methodes-dimensions-intro = Your answers place your organisation on each dimension, from level 1 to level 4.
methodes-niveaux-liste = The four levels: 1 Discover, 2 Experiment, 3 Structure, 4 Catalyse.
methodes-reprendre-titre = Resume a diagnostic
methodes-reprendre-label = Paste your personal link (or its 40-character code)
methodes-reprendre-bouton = Resume
methodes-reprendre-invalide = This text holds no diagnostic link: paste the full address you received at the start of the questionnaire, which ends with a 40-character code (digits and letters a to f).
methodes-collectif-titre = Shared diagnostic
methodes-collectif-intro = Do you facilitate an alliance? Create a shared diagnostic: you get a facilitator link and one link per partner. Each answers alone; the synthesis shows, dimension by dimension, where the partners meet and where they differ, with questions to discuss it. Detailed answers stay private until you open them to the group.
methodes-collectif-nom = Name of the alliance or project
methodes-collectif-partenaires = Partners
methodes-collectif-partenaires-aide = One partner per line, 2 to 12 (name of the organisation or a simple tag, e.g. “Town hall”, “Association A”).
methodes-collectif-creer = Create the shared diagnostic
methodes-collectif-erreur-nom = Give the alliance a name (120 characters at most).
methodes-collectif-erreur-partenaires = List 2 to 12 different partners, one per line.
methodes-collectif-pour = Shared diagnostic · { $nom }
methodes-vie-privee-titre = Your data
methodes-vie-privee = The questionnaire asks for no name and no contact. Your answers are never published; free-text answers are visible only to whoever holds the link. A draft not visited for 90 days is erased, a report after 12 months without a visit. The personal link is only kept in hashed form: do not lose it, nobody can find it for you.
methodes-progression = Progress
methodes-etape-n = step { $n }
methodes-etape-sur = Step { $n } of
methodes-erreur-prefixe = Error:
methodes-erreurs-titre = Some answers need fixing
methodes-obligatoire = (required)
methodes-facultatif = (optional)
methodes-plusieurs = Several answers possible.
methodes-plusieurs-max = Several answers possible, { $n } at most.
methodes-territoire-choisir = Several territories have this name: choose yours
methodes-texte-prive = This text is visible only to whoever holds your link; 2,000 characters at most.
methodes-precedent = Previous step
methodes-suivant = Next step
methodes-voir-rapport = See my diagnostic
methodes-lien-titre = Your personal link.
methodes-lien-aide = Keep it (bookmark, email to yourself): it is the only way back to this page. Anyone who has it can read the page.
methodes-erreur-une-valeur = Only one answer is expected for this question.
methodes-erreur-territoire-inconnu = No territory has this name: type the name of a commune, an intercommunality, a département or a région, or its INSEE code.
methodes-erreur-territoire-ambigu = Several territories match: choose yours in the list below the field.
methodes-erreur-champ-inconnu = The form holds fields that do not belong to this step ({ $champs }): reload the page and answer again. Nothing was saved.
methodes-erreur-incomplet = Required answers are missing (or an answer is not valid): complete this step, then go on to the end. The report was not created.
methodes-erreur-obligatoire = Answer required.
methodes-erreur-valeur = This answer is not an option of the question.
methodes-rapport-titre = Your partnership maturity diagnostic
methodes-rapport-date = Made on { $date }
methodes-profil-titre = Your profile
methodes-niveau-global = Overall level
methodes-maturite-titre = Your maturity, dimension by dimension
methodes-maturite-intro = Each dimension gets the rounded mean level of your scored answers on it; the overall level is the mean of the dimensions. It is not a grade: it is a starting point to choose the next step.
methodes-radar-titre = Maturity radar: level 1 to 4 on each dimension
methodes-radar-legende = Same content as the table: the wider the shape, the more established the practice.
methodes-table-legende = Level per dimension
methodes-dimension = Dimension
methodes-niveau = Level
methodes-prochaine-etape = Next step:
methodes-parcours-titre = Your path
methodes-parcours-intro = A path through the platform's five modules — Methods, Examples, Data, Tools, Skills — chosen from your wishes first, then your profile and your level. Each suggestion says why it is made.
methodes-parcours-toutes = See all alliances of actors like you in your région
methodes-parcours-modules-tous = See the whole path “Alliances and Territories”
methodes-raison-module = To strengthen the dimension “{ $dimension }”, where your diagnostic places you at level { $niveau } out of 4.
methodes-raison-module-sommet = To deepen the dimension “{ $dimension }”: your diagnostic reaches level 4 on every dimension.
methodes-raison-alliance = In common with your profile:
methodes-raison-territoire = The synthesis of the territory you gave: its alliances, the goals they serve, the fragilities perceived in the région, its support places and its catalysts.
methodes-raison-departement = The département of your territory: the alliances recorded around you.
methodes-groupe-titre = The group's diagnostic
methodes-groupe-attente = The synthesis appears once at least two partners have finished.
methodes-groupe-en-attente = { $n ->
    [one] { $nf } partner has not finished yet.
   *[other] { $nf } partners have not finished yet.
}
methodes-reponses-titre = Your answers
methodes-ignorees = { $n ->
    [one] { $nf } answer was not counted, as its question no longer applied to your profile.
   *[other] { $nf } answers were not counted, as their questions no longer applied to your profile.
}
methodes-actions-titre = Keep, change, delete
methodes-json = Download the report and your answers (JSON)
methodes-modifier = Change my answers
methodes-supprimer = Delete this diagnostic
methodes-imprimer = To print it or save it as PDF, use your browser's print command: the layout adapts.
methodes-brouillon-titre = Your diagnostic in progress
methodes-brouillon-vide = You have not answered any question yet.
methodes-brouillon-reponses = { $n ->
    [one] You have already given { $nf } answer.
   *[other] You have already given { $nf } answers.
}
methodes-partenaire-intro = You answer for your organisation, alone and without seeing the other partners' answers. Once done, you will see your report and the group's levels.
methodes-supprimer-titre = Delete for good?
methodes-supprimer-texte = Your answers and report will be erased, and the link will lead nowhere. This cannot be undone.
methodes-supprimer-collectif = The shared diagnostic and every partner's answers will be erased; no link will work any more. This cannot be undone.
methodes-supprimer-confirmer = Delete for good
methodes-supprimer-collectif-lien = Delete this shared diagnostic
methodes-annuler = Cancel
methodes-supprime-titre = Deleted
methodes-supprime-texte = The answers and the report were erased from the platform.
methodes-retour = Back to the Methods page
methodes-animateur-intro = This page is yours as the facilitator: keep its link to yourself. Give each partner their own link; each answers on their own.
methodes-partenaires-titre = The partners
methodes-partenaires-aide = Send each partner their link, and only theirs: it opens their answers.
methodes-partenaire = Partner
methodes-etat = Status
methodes-etat-termine = Finished
methodes-etat-en-cours = Not finished yet
methodes-lien-partenaire = Link to pass on
methodes-synthese-titre = Synthesis
methodes-synthese-avancement = { $n ->
    [0] No partner has finished yet.
    [one] { $nf } partner has finished.
   *[other] { $nf } partners have finished.
}
methodes-synthese-legende = Each partner's level per dimension, and the gap between the highest and the lowest
methodes-ecart = Gap
methodes-ecart-de = { $n ->
    [one] gap of one level
   *[other] gap of { $nf } levels
}
methodes-convergence = Aligned
methodes-proche = Close
methodes-divergence = Diverging
methodes-discussion-titre = To discuss together
methodes-discussion-intro = The dimensions where your levels differ most, with questions to open the discussion.
methodes-tous-alignes = The partners stand at the same level on every dimension.
methodes-reponses-ouvertes-titre = The partners' answers
methodes-ouverture-titre = Detailed answers
methodes-ouverture-fermees = For now, each partner sees only their own answers, and the group sees only the levels. You can open the detailed answers to the whole group, for instance to prepare a meeting.
methodes-ouverture-ouvertes = Detailed answers are open: every partner who has finished sees them, as you do, below the synthesis.
methodes-ouverture-ouvrir = Open the answers to the group
methodes-ouverture-fermer = Close the answers again
methodes-lien-inconnu = This diagnostic link does not exist (any more): check that it is complete (40 characters after “/diagnostics/”). A deleted diagnostic, or one left unvisited too long, cannot be found again.
methodes-collectif-inconnu = This shared diagnostic link does not exist (any more): check that it is complete. A deleted shared diagnostic cannot be found again.
methodes-raison-complement = One of the most recent alliances in the base, offered because few alliances share your characteristics yet.
methodes-edition-en-cours = You have started changing your answers: this report stays the one made on the date above until you reach the end of the questionnaire.
methodes-edition-continuer = Go on changing them
methodes-version-absente = This diagnostic was made with version { $version } of the questionnaire, which this platform no longer offers. Tell the team that runs it: putting that questionnaire file back is enough.

## Path: key figures and catalysts (Data module)
methodes-parcours-observatoire = See every key figure
methodes-raison-chiffre = Measured among { $population }
methodes-raison-catalyseur-ici = It works in your territory.
methodes-raison-catalyseur-autour = Its area of action covers yours.
methodes-raison-catalyseur-region = It works elsewhere in your région.

## Tools on the personal path

methodes-parcours-outils-carte = See the map of tools with your phase, your profile and your level highlighted
methodes-raison-outil-phase-dimension = For the “{ $phase }” phase, where the dimension of your diagnostic with the most room to grow is worked on ({ $dimension })
methodes-raison-outil-phase-faible = For the “{ $phase }” phase, where the dimension of your diagnostic with the most room to grow is worked on
methodes-raison-outil-phase-sommet = For the “{ $phase }” phase: your diagnostic reaches the top level on every dimension
methodes-raison-outil-phase = For the “{ $phase }” phase, the nearest to yours with tools that fit your profile
methodes-raison-outil-public = designed for your type of actor ({ $public })
methodes-raison-outil-tous = meant for every type of actor
methodes-raison-outil-niveau = suited to your level, “{ $niveau }”

# Personal path across the five modules (questionnaire version 2 onwards).
methodes-parcours-dates = Path drawn up on { $aujourdhui } from your answers of { $date }: it follows today's base, which grows with new alliances, tools and catalysts.
methodes-parcours-horizon-maintenant = You want to act now: the path starts with the tools and catalysts that can help you this week.
methodes-parcours-horizon-prochains-mois = Your project is taking shape for the coming months: the path starts with alliances you can learn from.
methodes-parcours-horizon-plus-tard = Your project will come later: the path starts with the learning modules, to prepare at your own pace.
methodes-parcours-horizon-exploration = You are exploring: the path starts with the figures and your territory's pages, to get a sense of the issues.
methodes-parcours-groupe-methodes = Methods: taking stock together.
methodes-parcours-groupe-exemples = Real alliances that share your wishes and your profile.
methodes-parcours-groupe-donnees = Key figures, your territory and printable reference sheets.
methodes-parcours-groupe-outils = Tools for the phase you are at and catalysts who can support you.
methodes-parcours-groupe-competences = Modules of the “Alliances and Territories” learning path for the dimensions with the most room to grow.
methodes-parcours-rien = Nothing to suggest here yet from your answers.
methodes-parcours-territoires-titre = The territories' pages
methodes-parcours-repere-titre = Reference sheet: { $sujet }
methodes-parcours-collectif-titre = Take this diagnostic with your partners
methodes-raison-sans-lieu = You act at a wide scale: open the pages of the regions and départements where you are present to find alliances, figures and catalysts there.
methodes-raison-chiffre-region = Measured in your region, { $region }
methodes-raison-chiffre-general = A national figure from the observatory
methodes-raison-repere-acteur = A printable page on your type of actor: figures, alliances, catalysts, tools and modules.
methodes-raison-repere-territoire = A printable page on your territory, to share with your partners.
methodes-raison-catalyseur-national = It works at national level.
methodes-raison-catalyseur-metiers = It offers what you are looking for: { $metiers }.
methodes-raison-collectif = Your alliance is at the “{ $phase }” phase: compare your levels with your partners', without anyone reading the others' answers.
methodes-raison-outil-phase-declaree = For the “{ $phase }” phase, where your main alliance stands
methodes-raison-module-obstacle = For the obstacle you mentioned: “{ $obstacle }”.
methodes-confiance = { $confiance } confidence: you answered “I don't know” to { $inconnues } question(s) out of { $total }; those answers do not count towards the level.
methodes-confiance-elevee = High
methodes-confiance-moyenne = Medium
methodes-confiance-faible = Low
methodes-niveau-cible = The right level to aim for depends on your type of actor and your project: a small association or a rural municipality can act very well at the “Experiment” level; level 4 is not a goal in itself.
