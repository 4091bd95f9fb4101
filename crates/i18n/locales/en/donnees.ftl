# Data module: the observatory of key figures, maps, reference sheets.

donnees-annee-non-precisee = year not stated
donnees-rang = rank { $n }
donnees-valeur-absente = no value given by the source
donnees-lecture-pourcentage = Reading: share of { $population } surveyed who answered “{ $libelle }”: { $valeur } ({ $source }).
donnees-lecture-denombrement = Reading: { $libelle } ({ $source }).
donnees-lecture-rang = Reading: “{ $libelle }” comes at { $valeur } among the fragilities perceived by { $population } ({ $source }).
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
