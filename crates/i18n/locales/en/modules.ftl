# The five M.E.D.O.C. modules and their "coming soon" pages.
# Reminder: no curly braces in texts (Fluent placeables), no HTML.

## Shared texts for modules under construction

module-bientot-badge = Coming soon
module-bientot-titre = This module is under construction
module-bientot-texte =
    It is not available yet. Rather than show made-up content, we describe here what it will
    offer.
module-prevu-titre = What is planned
module-en-attendant-titre = In the meantime

## M — Methods

module-methodes-nom = Methods
module-methodes-resume = A guided set of questions to see where you stand and where to begin.
module-methodes-intro =
    This module will offer a guided line of questioning: who am I, why build alliances, where do
    I stand, with whom, and how. You will come away with your profile, your maturity level for
    each dimension (Discover, Experiment, Structure or Catalyse) and a personal path through the
    examples, data, tools and skills. Someone who facilitates an alliance will also be able to
    run it with several partners, to see where their views meet and where they differ.
module-methodes-prevu-1 = A guided questionnaire that takes your earlier answers into account
module-methodes-prevu-2 = Your profile, your maturity per dimension and a path tailored to you
module-methodes-prevu-3 = A shared diagnostic: each partner answers separately, then the answers are compared

## E — Examples

module-exemples-nom = Examples
module-exemples-resume = Real alliances, documented and sourced, to draw inspiration from.
module-exemples-intro =
    This module will bring together alliances that actually exist, each described with its
    sources and the date it was last checked. Each record will say who does what, where, since
    when and with what results. You will be able to search them by the actors involved, domains,
    territory, SDG goal and target, relational mode or the fragility they address.
module-exemples-prevu-1 = Search by actor types, domains, territory, SDG and target, relational modes and fragilities
module-exemples-prevu-2 = A map of alliances, with similar examples for each one
module-exemples-prevu-3 = On every record, its sources and the date it was last checked

## D — Data

module-donnees-nom = Data
module-donnees-resume = Key figures on alliances, always shown with their source.
module-donnees-intro =
    This module will present key figures on partnerships and alliances. Each figure will say
    where it comes from: the study, the population surveyed, the year and the source. Pages for
    each territory will bring together, with a map, the alliances, figures and catalysts of a
    région, a département or an intercommunalité.
module-donnees-prevu-1 = Key figures with their study, population, year and source
module-donnees-prevu-2 = Charts comparing the answers of the different populations surveyed
module-donnees-prevu-3 = Territorial pages with a map of France, overseas territories included

## O — Tools

module-outils-nom = Tools
module-outils-resume = Guides, kits, templates and more, organised so you find the right tool at the right time.
module-outils-intro =
    This module will map the tools that help build alliances: guides, reference frameworks, kits,
    templates, self-assessments, games, funds, networks and training courses. Each will be placed
    according to the project phase it serves, the audience it is meant for and the maturity it
    assumes. That way you can find what suits the stage you have reached.
module-outils-prevu-1 = A catalogue of described and sourced tools, with their publisher and terms of access
module-outils-prevu-2 = Tools sorted by phase, from "understand" to "spread"
module-outils-prevu-3 = Filters by audience and by maturity level

## C — Skills

module-competences-nom = Skills
module-competences-resume = A learning path to build your alliance skills at your own pace.
module-competences-intro =
    This module will offer the "Alliances et Territoires" learning path: lessons and quizzes to
    learn how to build alliances, in a 2-hour, 4-hour or 12-hour version depending on the time
    you have. Your progress will be saved, and a verifiable certificate will attest that you
    completed the path.
module-competences-prevu-1 = Lessons and quizzes, with an explanation for every answer
module-competences-prevu-2 = Three formats to choose from: 2, 4 or 12 hours
module-competences-prevu-3 = Progress tracking and a verifiable certificate
