# Territories: map, search, one page per level.

terr-titre = Territories
terr-description = The régions, départements, inter-municipal bodies and municipalities of France, with their populations, a map and a name search.
terr-intro = Every région, département, inter-municipal body and municipality of France, mainland and overseas, from the official geographic code. Each page will soon show the alliances, key figures and catalysts of its territory.
terr-recherche-titre = Find a territory
terr-recherche-label = Name, INSEE code or postcode
terr-recherche-aide = For example: saint etienne, marcq en baroeul, 2A004 or 42000. Accents and hyphens are optional.
terr-recherche-bouton = Search
terr-recherche-resultats = Results for “{ $q }”
terr-recherche-aucun = No territory matches “{ $q }”. Check the spelling or try a postcode.
terr-recherche-vide = Type at least one letter or digit.
terr-carte-titre = The régions on the map
terr-carte-aide = Each région on the map links to its page. Overseas régions are drawn in insets, each at its own scale. The table below gives the same information.
terr-carte-nom = Map of the régions of France, mainland and overseas
terr-tableau-regions = The 18 régions
terr-com-titre = Overseas collectivities
terr-com-intro = These collectivities, which are not régions, have their own municipalities or none (French Southern and Antarctic Lands, Clipperton Island).
terr-chiffres = { $regions } régions, { $departements } départements, { $epci } inter-municipal bodies and { $communes } municipalities.
terr-col-nom = Name
terr-col-code = Code
terr-col-population = Population
terr-col-departements = Départements
terr-col-communes = Municipalities
terr-col-type = Legal form
terr-col-niveau = Level
terr-col-rattachement = Part of
terr-niveau-region = Région
terr-niveau-departement = Département
terr-niveau-collectivite_outre_mer = Overseas collectivity
terr-niveau-epci = Inter-municipal body
terr-niveau-commune = Municipality
terr-code = Code { $code }
terr-code-insee = INSEE code
terr-siren = SIREN
terr-codes-postaux = Postcodes
terr-population = Population
terr-population-source = Population source
terr-population-annee = Reference year
terr-chef-lieu = Seat
terr-region = Région
terr-departement = Département
terr-departements = Départements
terr-epci = Inter-municipal body
terr-ept = Territorial public establishment (EPT)
terr-com = Overseas collectivity
terr-zone-drom = Overseas (département and région)
terr-zone-metro = Metropolitan France
terr-zone-com = Overseas (collectivity)
terr-zone = Location
terr-mode-financement = Tax regime
terr-fiscalite-FPU = Single business tax
terr-fiscalite-FA = Additional taxation
terr-sans-epci = This municipality belongs to no inter-municipal body with its own taxation (the case of some islands).
terr-type-CC = Community of municipalities
terr-type-CA = Agglomeration community
terr-type-CU = Urban community
terr-type-METRO = Metropolis
terr-type-MET69 = Lyon Metropolis
terr-type-EPT = Territorial public establishment
terr-source-insee = Municipal population, INSEE (legal populations in force in 2026)
terr-source-insee-mayotte-2017 = Municipal population, INSEE (Mayotte census, 2017)
terr-source-dgcl = Municipal population, DGCL (2026 list of inter-municipal bodies)
terr-source-somme = Sum of the municipal populations of its municipalities (INSEE)
terr-annee-non-precisee = not stated by the source
terr-carte-region = Map of the région and its départements
terr-carte-departement = The département within its région
terr-carte-commune = The municipality's département within its région
terr-carte-situation = Location in France
terr-liste-departements = Départements
terr-liste-epci = Inter-municipal bodies
terr-liste-communes = Municipalities
terr-liste-communes-aide = In alphabetical order.
terr-epci-communes-dans = { $n } of them in this département
terr-bientot = The key figures and catalysts of this territory will appear here with the Data module.
terr-api = This information as JSON

## Territorial synthesis
synth-titre = Synthesis of the territory
synth-intro = What the platform knows about this territory: the alliances located here or in the territories it contains, the goals they serve, the fragilities perceived in the région, the support places and the catalysts.
synth-nb-alliances = { $n ->
    [one] alliance recorded
   *[other] alliances recorded
}
synth-nb-lieux = { $n ->
    [one] France services support place
   *[other] France services support places
}
synth-nb-catalyseurs = { $n ->
    [one] catalyst active in the territory
   *[other] catalysts active in the territory
}
synth-par-domaine = Alliances by domain
synth-par-mode = Alliances by relational mode
synth-par-acteur = Alliances by type of actor involved
synth-col-valeur = Value
synth-col-alliances = Alliances
synth-col-barre = Proportion
synth-comptes-aide = An alliance counts in every domain, mode and actor type it brings together: the rows of a table do not add up.
synth-odd-titre = The Sustainable Development Goals served
synth-odd-aide = For each goal: the number of alliances serving it, telling apart those for which a source states it from those we link to it (editorial classification, derived from the fragilities addressed; target 17.17 holds for every alliance).
synth-odd-nb = { $n ->
    [one] 1 alliance
   *[other] { $nf } alliances
}
synth-odd-declares = { $n ->
    [one] 1 stated
   *[other] { $nf } stated
}
synth-odd-editoriaux = { $n ->
    [one] 1 editorial
   *[other] { $nf } editorial
}
synth-odd-aucune = None
synth-fragilites-titre = What studies say about the région { $region }
synth-fragilites-caption = Perceived fragilities, by rank when the source gives one
synth-fragilites-aucune = The studies gathered here give no regional fact for this région yet.
synth-fragilites-aide = Perceived fragilities come from regional opinion surveys; each row links to its page, with its source and limits.
synth-col-fragilite = Fragility
synth-col-rang-valeur = Rank or value
synth-col-population = Population surveyed
synth-col-source = Study and year
synth-lieux-titre = Support places
synth-lieux-aide = The France services structures: the State, a local host (commune, intercommunality, La Poste, association…) and national operators help residents with their procedures there.
synth-lieux-aucun = No France services structure is recorded in this territory.
synth-lieux-caption = { $n ->
    [one] 1 France services structure in this territory:
   *[other] { $nf } France services structures in this territory:
}
synth-lieux-caption-region = { $n ->
    [one] 1 France services structure in the région, by département
   *[other] { $nf } France services structures in the région, by département
}
synth-col-lieux = Structures
synth-lieu-antenne = branch
synth-lieux-tronque = Only the first { $nf } are listed here.
synth-lieux-source = Source: ANCT — List of France services structures, update of 1 August 2024 (Licence Ouverte 2.0).
synth-catalyseurs-titre = Territorial catalysts
synth-catalyseurs-aide = Organisations whose job is to bring the actors of a territory together so that they make alliances. The directory is a documented sample, not a complete census.
synth-catalyseurs-aucun = No catalyst of the directory is located in this territory or covers it.
synth-catalyseurs-dans = Located in this territory
synth-catalyseurs-autour = Whose area of action covers this one
synth-catalyseurs-nationaux = { $n ->
    [one] 1 national body comes on top.
   *[other] { $nf } national bodies come on top.
}
synth-catalyseurs-annuaire = See the directory of catalysts
synth-repere = Printable reference sheet
synth-api = This synthesis as JSON
