# Directory of territorial catalysts and reference sheets.

catalyseurs-titre = Territorial catalysts
catalyseurs-description = The directory of the organisations that bring a territory's actors together so that they make alliances: regional social-economy chambers, networks of third places, territorial foundations, resource centres, business clubs…
catalyseurs-intro = They bring local authorities, companies, associations, State services and residents of a territory together so that they act jointly. This directory documents a sample of them, with their territory, their trades and their sources; it does not claim to list them all.
catalyseurs-metiers-titre = The four trades of a catalyst
catalyseurs-metier-aide-dialogue-territorial = convening and leading exchanges between a territory's actors (meetings, networks, co-construction with local authorities).
catalyseurs-metier-aide-experimentations-collectives = running a joint experiment or lab with others.
catalyseurs-metier-aide-accompagnements = supporting project holders or organisations (advice, training, qualification).
catalyseurs-metier-aide-gestion-lieu = running a shared place (third place, house of associations, cooperation hub).
catalyseurs-recherche-label = Find a catalyst (name, kind, territory)
catalyseurs-source = Facts read on the public pages cited on each page, with the date they were read; trades assigned only when a source shows them. Data under Licence Ouverte 2.0.
catalyseurs-nb = { $n ->
    [one] 1 catalyst
   *[other] { $nf } catalysts
}
catalyseurs-carte-titre = Catalysts by région
catalyseurs-carte-legende = Catalysts active in the région:
catalyseurs-carte-aide = { $n ->
    [0] Each région of the map leads to the catalysts active there.
    [one] Each région of the map leads to the catalysts active there; 1 national body is not on the map.
   *[other] Each région of the map leads to the catalysts active there; { $nf } national bodies are not on the map.
}
catalyseurs-carte-tableau = The map's table
catalyseurs-col-nombre = Catalysts
catalyseurs-liste-titre = The directory
catalyseurs-aucun = No catalyst matches this search. Remove a filter to widen it.
catalyseurs-col-nom = Organisation
catalyseurs-col-genre = Kind
catalyseurs-col-territoire = Territory
catalyseurs-col-metiers = Trades
catalyseurs-col-fondation = Founded
catalyseurs-metiers-non-documentes = not documented by the sources
catalyseurs-filtre-genre = Kind
catalyseurs-filtre-metier = Trade
catalyseurs-filtre-region = Région
catalyseurs-filtre-niveau = Scale
catalyseurs-niveau = Scale
catalyseurs-fondation-inconnue = unknown, or disputed between sources
catalyseurs-site = Website
catalyseurs-site-aucun = no official website found
catalyseurs-sources = Sources
catalyseurs-consulte = read on { $date }
catalyseurs-fiche-aide = Names and territories are those of the sources; some organisations may have been renamed or merged since. Being in this directory says nothing about membership of a network.
catalyseurs-alliances-territoire = Alliances recorded in its territory
catalyseurs-json = This catalyst as JSON

## Reference sheets
reperes-kicker = Reference sheet
reperes-genere = Sheet generated on { $date } from the data of the Alliances platform.
reperes-toutes = All reference sheets
reperes-acteur-description = What is known about alliances for { $acteur }: key figures, real alliances, catalysts.
reperes-acteur-titre = { $acteur }
reperes-chiffres = Key figures
reperes-acteur-sans-chiffre = The studies gathered by the observatory did not survey this type of actor.
reperes-acteur-populations = Populations surveyed: { $populations }.
reperes-autre-valeur = other published value: { $valeur }
reperes-chiffres-aide = Each row links to its page, with its study, sample and limits.
reperes-alliances = Alliances
reperes-acteur-nb-alliances = { $n ->
    [0] No alliance of the base involves this type of actor.
    [one] 1 alliance of the base involves this type of actor.
   *[other] { $nf } alliances of the base involve this type of actor.
}
reperes-exemples = A few examples
reperes-catalyseurs-texte = Territorial catalysts help every actor of a territory make alliances.
reperes-source = Sources: the observatory's key figures, the base of alliances and the directory of catalysts of the platform, each with its own sources (see their pages).
reperes-domaine-description = What is known about alliances of the { $domaine } domain: real alliances, modes, actors, régions.
reperes-domaine-titre = { $domaine } domain
reperes-domaine-nb-alliances = { $n ->
    [0] No alliance of the base belongs to this domain.
    [one] 1 alliance of the base belongs to this domain.
   *[other] { $nf } alliances of the base belong to this domain (an alliance may have several).
}
reperes-domaine-chiffres = The studies gathered by the observatory do not break their figures down by domain: they are shown by theme and population.
reperes-voir-observatoire = See the observatory
reperes-territoire-description = Reference sheet of { $nom }: alliances, goals served, perceived fragilities, support places, catalysts.
reperes-page-territoire = Page of the territory
reperes-index-titre = Reference sheets
reperes-index-intro = One printable page per actor type, per domain and per territory, gathering key figures, alliances, catalysts, tools — and soon learning modules.
reperes-par-type-acteur = By actor type
reperes-par-domaine-titre = By domain
reperes-par-territoire = By territory
reperes-par-territoire-aide = The régions below; every département, intercommunality and commune has its own too, from its page.
reperes-par-domaine = By domain
reperes-par-mode = By relational mode
reperes-par-region = By région
reperes-par-acteur = By actor type
reperes-par-fragilite = By fragility addressed
reperes-col-enonce = Statement

## Tools and modules on reference sheets

reperes-outils-titre = Tools
reperes-outils-nb = { $n ->
    [one] { $nf } tool is classified for this type of actor in particular, from the first phase of an alliance to the last.
   *[other] { $nf } tools are classified for this type of actor in particular, from the first phase of an alliance to the last.
}
reperes-outils-aucun = No tool is classified for this type of actor in particular.
reperes-outils-col-outil = Tool
reperes-outils-tous = { $n ->
    [one] Add { $nf } tool meant for all actors.
   *[other] Add { $nf } tools meant for all actors.
}
reperes-outils-liste = See all tools for this audience
reperes-outils-non-classes = Tools are not classified by domain or territory in our data: they are classified by phase of an alliance, audience and maturity level.
reperes-modules = Learning path
reperes-modules-aucun = No module of the path “Alliances and Territories” relies on this sheet yet.
reperes-module-cite = The module refers to this sheet.
reperes-module-outil = The module has you use the tool “{ $outil }”, designed for this actor type.
reperes-module-domaines = The module teaches how to read an alliance through its fields of action.
reperes-module-territoire = The module relies on this territory.
reperes-module-territoires = The module teaches how to read a territory's page.
