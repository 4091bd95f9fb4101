# Module Données : l'observatoire des chiffres clés, les cartes, les fiches repères.

donnees-annee-non-precisee = année non précisée
donnees-rang = { $n ->
    [one] 1er rang
   *[other] { $n }e rang
}
donnees-valeur-absente = valeur non donnée par la source
donnees-lecture-pourcentage = Lecture : la part des { $population } qui « { $libelle } » est de { $valeur } ({ $source }).
donnees-lecture-denombrement = Lecture : { $libelle } ({ $source }).
donnees-lecture-rang = Lecture : « { $libelle } » arrive au { $valeur } des fragilités perçues par les { $population } ({ $source }).
donnees-lecture-sans-valeur = Lecture : la source ne chiffre pas ce constat ; voir la note ({ $source }).

## Données ouvertes
donnees-ouvertes-jeu-chiffres = Chiffres clés de l'observatoire, avec leurs filtres et leurs facettes
donnees-ouvertes-jeu-syntheses = Synthèse d'un territoire : alliances, objectifs, fragilités perçues, lieux d'accompagnement, catalyseurs
donnees-ouvertes-jeu-catalyseurs = Annuaire des catalyseurs territoriaux
donnees-ouvertes-chiffres-titre = Les chiffres clés
donnees-ouvertes-chiffres-intro = Chaque chiffre clé de l'observatoire avec son étude, sa population, son année, son échantillon et sa source, sous { $licence }. Une ligne qui reprend la mesure d'une autre le dit (colonne reprise_de) ; deux valeurs différentes pour un même énoncé sont gardées toutes les deux (colonne ecart_avec).
donnees-ouvertes-chiffres-csv = tableau CSV « tidy » (UTF-8), une ligne par valeur
donnees-ouvertes-champs-chiffres = Les champs du CSV des chiffres clés
donnees-ouvertes-catalyseurs-titre = Les catalyseurs territoriaux
donnees-ouvertes-catalyseurs-intro = L'annuaire des catalyseurs territoriaux, avec leur territoire, leurs métiers et leurs sources, sous { $licence }. C'est un échantillon documenté, pas un recensement complet.
donnees-ouvertes-catalyseurs-csv = tableau CSV (UTF-8), une ligne par catalyseur, dans la disposition que lit « alliances import catalyseurs »
donnees-ouvertes-champs-catalyseurs = Les champs du CSV des catalyseurs
