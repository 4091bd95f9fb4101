# Examples: the base of real alliances.

exemples-titre = Alliance examples
exemples-titre-recherche = “{ $q }”
exemples-description = Real alliances between local authorities, companies, associations, foundations, academics and citizens, described and sourced, searchable by place, actor, issue or way of working together.
exemples-intro = Alliances that exist in France between actors who did not look alike. Each record says who does what, where, since when, with what results, and where the information comes from. Search for a place, an actor, an issue or a way of working together. Records are written in French.
exemples-flux-titre = Latest alliances added
exemples-recherche-label = Search for an alliance
exemples-recherche-aide = A name, a commune, a département, an actor, an issue (“emploi”, “énergie”…). Accents, capitals and plurals do not matter.
exemples-recherche-bouton = Search
exemples-filtres = Refine
exemples-filtres-actifs = Filters applied
exemples-tri = Sort by
exemples-tri-pertinence = Relevance
exemples-tri-date = Most recent first
exemples-tri-nom = Name
exemples-facette-type_acteur = Types of actors
exemples-facette-domaine = Domains
exemples-facette-niveau_territorial = Scale
exemples-facette-region = Regions
exemples-facette-departement = Départements
exemples-facette-odd = Sustainable Development Goals
exemples-facette-cible = SDG targets
exemples-facette-mode = Relational modes
exemples-facette-impact = Impacts
exemples-facette-fragilite = Fragilities addressed
exemples-facette-statut = Status
exemples-facette-epci = Intercommunality
exemples-facette-commune = Commune
exemples-facette-plus = { $n ->
    [one] Show { $nf } more value
   *[other] Show { $nf } more values
}
exemples-appliquer = Apply filters
exemples-nb-alliances = { $n ->
    [0] No alliance
    [one] { $nf } alliance
   *[other] { $nf } alliances
}
exemples-sur-total = out of { $nf }
exemples-vue = Display
exemples-vue-liste = List
exemples-vue-carte = Map
exemples-retirer = Remove the filter { $filtre }
exemples-tout-effacer = Clear all
exemples-aucun = No alliance matches this search. Try a broader word or remove a filter.
exemples-classement = Classification
exemples-depuis = since { $date }
exemples-nb-partenaires = { $n ->
    [0] partners not stated
    [one] { $nf } partner
   *[other] { $nf } partners
}
exemples-carte-titre = Where these alliances are
exemples-carte-aide = The darker the colour, the more alliances. Choose a territory on the map or in the tables to show only its alliances. Nationwide alliances are not on the map.
exemples-carte-regions = Number of alliances per region
exemples-carte-departements = Number of alliances per département
exemples-carte-legende-departements = Alliances per département:
exemples-carte-legende-regions = Alliances per region:
exemples-carte-national = An alliance counted in a region is also counted in each of its départements concerned; an alliance may cover several territories.
exemples-tableau-regions = Alliances per region
exemples-tableau-departements = Alliances per département
exemples-tableau-vide = No located alliance for this search.
exemples-col-region = Region
exemples-col-departement = Département
exemples-col-alliances = Alliances
exemples-odd-abrege = SDG
exemples-similaire-raison = In common: { $points }.
exemples-a-actualiser = To be updated: information checked more than two years ago
exemples-territoire = Territory
exemples-niveau = Scale
exemples-debut = Start
exemples-statut = Status
exemples-phase = Phase
exemples-domaines = Domains
exemples-description-titre = What this alliance does
exemples-texte-redige = Text written by the Alliances team from the information in the sources listed below, and nothing else.
exemples-partenaires-titre = { $n ->
    [0] Partners
    [one] The partner
   *[other] The { $nf } partners
}
exemples-col-organisation = Organisation
exemples-col-type = Type of actor
exemples-col-role = Role in the alliance
exemples-apports = Contributions
exemples-resultats-titre = Results
exemples-resultats-aucun = The sources consulted give no figure.
exemples-resultats-aide = As the sources report them.
exemples-leviers = What helped
exemples-obstacles = Difficulties met
exemples-sources-titre = Sources
exemples-consultee = read on { $date }
exemples-verifiee = Information checked on { $date }
exemples-licence = licence { $licence }
exemples-editorial = editorial
exemples-editorial-aide = marks a classification made by the Alliances team that the source does not state.
exemples-odd = Sustainable Development Goals
exemples-odd-non-precise = The sources name no SDG: these are derived from the fragilities addressed, and every alliance falls under target 17.17 (multi-stakeholder partnerships).
exemples-cibles = Targets
exemples-modes = Relational modes
exemples-fragilites = Fragilities addressed
exemples-impacts = Impacts observed
exemples-json = Download this record as JSON
exemples-similaires = Related alliances
exemples-liste-territoire = Alliances recorded in this territory
exemples-liste-territoire-aide = Including those of the territories it contains (intercommunalities, communes).
exemples-liste-cible = Alliances linked to target { $code }
exemples-liste-cible-aide = The link is most often editorial: every alliance falls under target 17.17; each record says whether the source states it.
exemples-liste-aucune = No alliance in the base concerns this territory or target yet.
exemples-liste-toutes = Browse all alliances
exemples-liste-voir = { $n ->
    [one] See this alliance in the search
   *[other] See the { $nf } alliances in the search
}
donnees-ouvertes-jeu-alliances = Search in the alliances, with facets
donnees-ouvertes-alliances-titre = The base of alliances
donnees-ouvertes-alliances-intro = Each file holds every alliance of the base as published on this site, under { $licence }. Facts come from the sources cited on each record; summaries and descriptions are written by the Alliances team. Classifications marked “editorial” are ours.
donnees-ouvertes-csv = CSV table (UTF-8), one row per alliance, in the layout the import reads
donnees-ouvertes-xlsx = the same table as a spreadsheet
donnees-ouvertes-json = every record in the API's JSON format
donnees-ouvertes-geojson = one point per territory concerned (centroid of the region or département; communes and intercommunalities are placed at the centroid of their département)
donnees-ouvertes-jsonld = schema.org description (JSON-LD)
donnees-ouvertes-schema = Table Schema (JSON) describing the CSV columns
donnees-ouvertes-flux = Atom feed of the latest alliances added
donnees-ouvertes-import = The CSV, XLSX and JSON files can be imported as they are with “alliances import alliances FILE”: one instance can take over another's base.
donnees-ouvertes-champs-titre = The CSV fields
donnees-ouvertes-col-champ = Column
donnees-ouvertes-col-type = Type
donnees-ouvertes-col-contenu = Content
exemples-echelle = Map scale
exemples-echelle-regions = By region
exemples-echelle-departements = By département
exemples-provenance-amorce = the base shipped with Alliances
exemples-provenance = Record imported from { $origine }, last changed on { $date }.
exemples-provenance-par = Record imported from { $origine } by { $par }, last changed on { $date }.
