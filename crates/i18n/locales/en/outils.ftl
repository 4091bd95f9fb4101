## Tools: the list, the map and a tool's page

outils-titre = Tools for building alliances
outils-description = Guides, frameworks, kits, funds, networks and training courses that help build an alliance, sorted by phase, audience and maturity level, with their sources.
outils-intro = Existing resources for every moment of an alliance: understanding, finding partners, building, formalising, steering, evaluating, spreading. Each page says who publishes the tool, who it is for, how to access it and where this information comes from.
outils-voir-cartographie = See the map of tools
outils-cartographie-resume = A table of the phases of an alliance crossed with audiences or maturity levels.
outils-recherche-label = Search for a tool
outils-recherche-aide = A name, a publisher or a word of the description; accents, capitals and plurals make no difference.
outils-source = Sources: the pages cited on each tool's page, read in November 2026. The descriptions are written by the project team from these facts; the classification by phase, audience and maturity level is an editorial choice.
outils-nb = { $n ->
    [one] { $nf } tool
   *[other] { $nf } tools
}
outils-aucun = No tool matches these criteria. Remove a filter or try another word.
outils-phases = Phases
outils-publics = Audiences
outils-acces = Access
outils-filtre-phase = Phase of an alliance
outils-filtre-public = Audience
outils-filtre-type = Type of tool
outils-filtre-maturite = Maturity level
outils-filtre-acces = Access
outils-filtre-langue = Language
outils-filtre-editeur = Publisher
outils-public-tous = All actors

## Short audience names, heading the columns of the map

outils-public-court-collectivite = Local authorities
outils-public-court-etat = State
outils-public-court-entreprise = Companies
outils-public-court-association = Associations
outils-public-court-fondation = Foundations
outils-public-court-academique = Academics
outils-public-court-financeur = Funders
outils-public-court-reseau = Networks
outils-public-court-citoyens = Citizens
outils-public-court-accompagnateur = Facilitators
outils-public-court-media = Media
outils-public-court-autre = Others

## Map

outils-carte-titre = Map of tools
outils-carte-description = How many tools serve each phase of an alliance, for each audience and each maturity level; each cell leads to the matching list.
outils-carte-intro = { $n ->
    [one] { $nf } tool sorted by phase of an alliance. Each cell gives the number of tools that fit its row and its column and leads to their list.
   *[other] { $nf } tools sorted by phase of an alliance. Each cell gives the number of tools that fit its row and its column and leads to their list.
}
outils-carte-votre-profil = From your diagnostic, your row and your column are highlighted: { $profil }.
outils-carte-vos-outils = See the tools for your phase, your profile and your level
outils-carte-vue = Table columns
outils-carte-vue-publics = By audience
outils-carte-vue-maturite = By maturity level
outils-carte-aide-publics = A tool meant for all actors counts in every column, as in the list's filters.
outils-carte-aide-maturite = A tool with no stated level fits every level: it counts in every column, as in the list's filters.
outils-carte-legende-publics = Number of tools by phase of an alliance and by audience
outils-carte-legende-maturite = Number of tools by phase of an alliance and by maturity level
outils-carte-phase = Phase
outils-carte-cellule = { $nombre ->
    [0] No tool for the phase “{ $phase }” and “{ $colonne }”
    [one] { $nombre } tool for the phase “{ $phase }” and “{ $colonne }”
   *[other] { $nombre } tools for the phase “{ $phase }” and “{ $colonne }”
}
outils-carte-note = One tool can serve several phases and several audiences: cells do not add up. The number in brackets counts the tools of the whole row or column.
outils-carte-liste = Browse all tools

## A tool's page

outils-acceder = Go to the tool
outils-editeur = Publisher
outils-annee = Year
outils-type = Type
outils-maturite = Maturity level
outils-maturite-tous = Every level (no level stated)
outils-langues = Languages
outils-licence = Licence
outils-lien = Official page
outils-lien-aucun = No official page found; see the sources below.
outils-non-precise = Not stated by the sources
outils-sources = Sources
outils-fiche-aide = The description is written by the project team from the facts in the sources; the classification by phase, audience and maturity level is an editorial choice. A page whose most recent source is more than two years old is marked “to be updated”.
outils-alliances-titre = Alliances related to this tool
outils-alliances-aucune = No alliance in the base cites this tool or counts its publisher among its partners.
outils-lien-cite = This alliance's presentation cites “{ $outil }”.
outils-lien-editeur = { $editeur }, which publishes this tool, is a partner of this alliance.
outils-json = This page as JSON
