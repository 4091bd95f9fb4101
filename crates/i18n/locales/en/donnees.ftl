# Data module: the observatory of key figures, maps, reference sheets.

donnees-annee-non-precisee = year not stated
donnees-rang = rank { $n }
donnees-valeur-absente = no value given by the source
donnees-lecture-pourcentage = Reading: share of { $population } surveyed who answered “{ $libelle }”: { $valeur } ({ $source }).
donnees-lecture-denombrement = Reading: { $libelle } ({ $source }).
donnees-lecture-rang = Reading: “{ $libelle }” comes at { $rang } among the fragilities perceived by { $population } ({ $source }).
donnees-lecture-rang-valeur = Reading: “{ $libelle }” comes at { $rang } among the fragilities perceived by { $population }, with { $valeur } ({ $source }).
donnees-lecture-fragilite = Reading: “{ $libelle }” is among the fragilities perceived by { $population }, with no rank or value given ({ $source }).
donnees-lecture-fragilite-valeur = Reading: “{ $libelle }” is among the fragilities perceived by { $population }, with { $valeur } ({ $source }).
donnees-lecture-reprise = Reading: this publication ({ $source }) quotes measurement { $id } ({ $valeur }) again; it is not a new measurement.
donnees-lecture-sans-valeur = Reading: the source gives no figure for this finding; see the note ({ $source }).

## Open data
donnees-ouvertes-jeu-chiffres = Key figures of the observatory, with their filters and facets
donnees-ouvertes-jeu-syntheses = Synthesis of a territory: alliances, goals, perceived fragilities, support places, catalysts
donnees-ouvertes-jeu-catalyseurs = Directory of territorial catalysts
donnees-ouvertes-chiffres-titre = The key figures
donnees-ouvertes-chiffres-intro = Every key figure of the observatory with its study, population, year, sample and source, under { $licence }. A row that quotes another row's measurement says so (column reprise_de); two different values for the same statement are both kept (column ecart_avec).
donnees-ouvertes-chiffres-csv = tidy CSV table (UTF-8), one row per value
donnees-ouvertes-champs-chiffres = The columns of the key figures CSV
donnees-ouvertes-catalyseurs-titre = Territorial catalysts
donnees-ouvertes-catalyseurs-intro = The directory of territorial catalysts, with their territory, their trades and their sources, under { $licence }. It is a documented sample, not a complete census.
donnees-ouvertes-catalyseurs-csv = CSV table (UTF-8), one row per catalyst, in the layout « alliances import catalyseurs » reads
donnees-ouvertes-champs-catalyseurs = The columns of the catalysts CSV

## The observatory (/donnees)
donnees-titre = Data: the observatory of alliances
donnees-description = The key figures of alliances in France, each with its study, population, year, sample and source; national maps, territories and catalysts.
donnees-intro = Who says what about alliances, from which study and among whom: every figure keeps its provenance, charts read at a glance and each territory has its synthesis.
donnees-nav-chiffres = Key figures
donnees-nav-chiffres-texte = By theme and population, filtered by programme, year and région, with their charts and tables.
donnees-nav-cartes = Maps of France
donnees-nav-cartes-texte = Alliances, support places and catalysts by département or by région, overseas included.
donnees-nav-catalyseurs = Territorial catalysts
donnees-nav-catalyseurs-texte = The directory of the organisations that bring a territory's actors together.
donnees-nav-territoires = Territorial syntheses
donnees-nav-territoires-texte = For every région, département, intercommunality and commune: its alliances, goals, places and catalysts.
donnees-nav-reperes = Reference sheets
donnees-nav-reperes-texte = One printable page per actor type, per domain and per territory.
donnees-nav-ouvertes = Open data
donnees-nav-ouvertes-texte = Key figures and catalysts as CSV, with their schema, and the API.
donnees-chiffres-titre = Key figures
donnees-lire = How to read these figures: each row is a published value, with its study and population. One measurement quoted by several publications counts once (re-quotes are marked); when two sources give two values for the same statement, both are shown side by side with the reason they differ. A figure without a year reads “year not stated” and enters no trend.
donnees-filtres = Filter the figures
donnees-filtre-theme = Theme
donnees-filtre-population = Population surveyed
donnees-filtre-programme = Study programme
donnees-filtre-annee = Year
donnees-filtre-region = Région
donnees-nb-chiffres = { $n ->
    [one] 1 figure
   *[other] { $nf } figures
}
donnees-nb-mesures = { $n ->
    [one] 1 measurement
   *[other] { $nf } measurements
}
donnees-nb-reprises = { $n ->
    [one] 1 re-quote of a measurement
   *[other] { $nf } re-quotes of measurements
}
donnees-aucun = No figure matches these filters. Remove one to widen the selection.
donnees-sommaire = Themes
donnees-theme-autres = Other figures
donnees-enonce = Statement:
donnees-graphique-titre = Share of respondents: “{ $libelle }”, by population
donnees-evolution-titre = Trend over time — { $population }
donnees-evolution-aide = only independent, dated measurements are shown.
donnees-tableau-enonce = The figures of this statement
donnees-col-population = Population
donnees-col-valeur = Value
donnees-col-etude = Study and year
donnees-col-echantillon = Sample
donnees-col-fiche = Page
donnees-col-region = Région
donnees-col-rang-1 = 1st fragility
donnees-col-rang-2 = 2nd
donnees-col-rang-3 = 3rd
donnees-col-sans-rang = No rank given
donnees-col-constat = Finding
donnees-non-precise = not stated
donnees-marque-reprise = re-quote of measurement { $id }
donnees-marque-ecart = other published value: { $valeur } ({ $id })
donnees-marque-non-corrobore = not corroborated
donnees-sources = Sources:
donnees-fragilites-caption = Fragilities perceived by residents, by région
donnees-fragilites-aide = Employment comes first in each of the thirteen régions studied by PHARE-Citoyens (2015); percentages are given for a few régions only.
donnees-denombrements-caption = Regional counts
donnees-denombrements-aide = These numbers count the winners of a call or the attendees of a meeting, not every project of the région: a région without a row does not necessarily have none.

## One figure
donnees-chez = among { $population }
donnees-non-corrobore-titre = Figure not corroborated.
donnees-non-corrobore-texte = We could not check it against a second source; read its note before quoting it.
donnees-reprise-titre = Re-quote of a measurement.
donnees-reprise-texte = This publication quotes a measurement published earlier: it is not a second figure.
donnees-reprise-editoriale = Same value, statement and population as a measurement published earlier, without naming the underlying study: we show it as a re-quote of that measurement (our editorial reading), not as a new measurement.
donnees-voir-mesure = See the original measurement ({ $id })
donnees-ecarts-titre = Two published values for the same statement
donnees-ecarts-intro = The sources do not give the same value for this statement and population. Both are kept, side by side, with what each says of its origin.
donnees-provenance-titre = Provenance
donnees-champ-valeur = Value
donnees-champ-population = Population surveyed
donnees-champ-etude = Study
donnees-champ-programme = Programme
donnees-champ-annee = Year
donnees-champ-terrain = Fieldwork dates
donnees-champ-echantillon = Sample
donnees-champ-methode = Method
donnees-champ-institut = Institute
donnees-champ-region = Région
donnees-champ-sources = Sources
donnees-champ-note = Good to know
donnees-jamais-zero = (the source gives no numeric value: it is not replaced by zero)
donnees-personnes = { $n ->
    [one] 1 person surveyed
   *[other] { $nf } people surveyed
}
donnees-note-source = Note of the fact table
donnees-citations-titre = Also quoted by
donnees-citations-intro = These publications quote this measurement again; they are not additional measurements.
donnees-comparables-titre = Comparable figures
donnees-comparables-aide = The same statement for other populations or other years.
donnees-repere-acteur = Reference sheet: { $acteur }
donnees-json = This figure as JSON

## National maps
cartes-titre = Maps of France
cartes-description = Alliances, France services support places and territorial catalysts by département and by région, overseas included, with their tables.
cartes-intro = Choose an indicator and a scale. Each map has its table, its method and the date of its data; overseas départements and régions are shown in insets.
cartes-choisir-indicateur = Indicator
cartes-choisir-echelle = Scale
cartes-echelle-departements = départements
cartes-echelle-regions = régions
cartes-par-departements = by département
cartes-par-regions = by région
cartes-afficher = Show the map
cartes-indicateur-alliances-habitants = Alliances per 100,000 inhabitants
cartes-indicateur-alliances-economique = Alliances in the economic domain
cartes-indicateur-alliances-social = Alliances in the social domain
cartes-indicateur-alliances-environnemental = Alliances in the environmental domain
cartes-indicateur-alliances-societal = Alliances in the societal domain
cartes-indicateur-france-services-habitants = France services structures per 100,000 inhabitants
cartes-indicateur-catalyseurs = Territorial catalysts located in the territory
cartes-alliances-habitants-titre = Alliances per 100,000 inhabitants, { $echelle }
cartes-alliances-domaine-titre = Alliances in the { $domaine } domain, { $echelle }
cartes-france-services-titre = France services structures per 100,000 inhabitants, { $echelle }
cartes-catalyseurs-titre = Territorial catalysts, { $echelle }
cartes-alliances-habitants-methode = An alliance counts in every territory where it is located: its communes and intercommunalities count in their département and région; an alliance placed by its région only counts in the région, not in its départements; a national alliance counts nowhere.
cartes-alliances-domaine-methode = Number of alliances of this domain located in the territory (an alliance of several domains counts in each). Same placement rules as for alliances per inhabitant.
cartes-france-services-methode = Each France services structure counts in the commune where it stands (a municipal arrondissement or a commune déléguée belongs to its commune), hence in its département and région.
cartes-catalyseurs-methode = Catalysts of the directory located in the territory: their commune, intercommunality or département lies in it, or it is the territory itself. A regional catalyst counts in its région, not in its départements; national bodies count nowhere.
cartes-alliances-habitants-date = Alliances: the platform's base on { $date }. Populations: INSEE municipal populations (Code officiel géographique 2026).
cartes-alliances-domaine-date = Alliances: the platform's base on { $date }.
cartes-france-services-date = France services structures: ANCT, list of 1 August 2024. Populations: INSEE municipal populations (Code officiel géographique 2026).
cartes-catalyseurs-date = Catalysts: the platform's directory on { $date }.
cartes-methode-titre = Method and date of the data
cartes-methode-population = Rates: the number divided by the territory's municipal population (the sum of its communes), times 100,000. The source of the populations does not state their reference year.
cartes-methode-classes = Colours: five classes of equal size among the territories with at least one item (quantiles); white means zero.
cartes-legende-taux = Per 100,000 inhabitants:
cartes-legende-nombre = Number:
cartes-encarts = Guadeloupe, Martinique, French Guiana, La Réunion and Mayotte are shown in insets, each at its own scale. Each territory of the map links to its page.
cartes-tableau-titre = The map's table
cartes-total = { $n ->
    [one] 1 in all on the map.
   *[other] { $nf } in all on the map (an item counts once per territory where it is located).
}
cartes-col-taux = Per 100,000 inhabitants
cartes-col-nombre = Number
cartes-unite-habitants = { " " }per 100,000 inhabitants

## Sources and licences
sources-chiffres-nom = Key figures and regional facts of the observatory
sources-chiffres-origine = Fact tables compiled for the project from public pages (Le RAMEAU and the Observatoire des partenariats, Carenews, Banque des Territoires, Villes au Carré, CRESS…): each row cites its sources.
sources-chiffres-licence = Licence Ouverte 2.0, with the addresses of the sources.
sources-chiffres-traitement = Both tables merged into one layout; populations coded; notes written in French by the Alliances team from the table's notes; themes, re-quotes of one measurement and conflicting values marked (editorial classification). No value is estimated.
sources-chiffres-mention = Key figures: sources cited on each page; compilation and notes by the Alliances project (Licence Ouverte 2.0).
sources-catalyseurs-nom = Directory of territorial catalysts
sources-catalyseurs-origine = Fact table compiled for the project from the public pages cited on each page, with the date they were read.
sources-catalyseurs-licence = Licence Ouverte 2.0, with the addresses of the sources.
sources-catalyseurs-traitement = Kinds and trades coded; a catalyst without an INSEE code is located by its région. It is a documented sample, not a census.
sources-catalyseurs-mention = Catalysts: sources cited on each page; compilation by the Alliances project (Licence Ouverte 2.0).
sources-franceservices-nom = France services structures
sources-franceservices-origine = ANCT (mapping service), list of France services structures of 1 August 2024 (repository anct-carto/france_services).
sources-franceservices-licence = Licence Ouverte 2.0.
sources-franceservices-traitement = Contact details, opening hours and comments removed; each structure is placed in its current commune (a municipal arrondissement or a commune déléguée in its commune).
sources-franceservices-mention = ANCT — List of France services structures, update of 1 August 2024.
donnees-fiche-du-chiffre = Page of figure
donnees-ouvertes-jeu-outils = Tools for building alliances
donnees-ouvertes-outils-titre = Tools
donnees-ouvertes-outils-intro = The tools that help build an alliance — frameworks, guides, kits, funds, networks, trainings —, with their publisher, their sources and our classification by phase, audience and maturity level, under { $licence }.
donnees-ouvertes-outils-csv = CSV table (UTF-8), one row per tool, in the layout « alliances import outils » reads
donnees-ouvertes-champs-outils = The columns of the tools CSV
