## Outils : la liste, la cartographie et la fiche d'un outil

outils-titre = Outils pour faire alliance
outils-description = Guides, référentiels, kits, fonds, réseaux et formations qui aident à construire une alliance, classés par phase, par public et par niveau de maturité, avec leurs sources.
outils-intro = Des ressources existantes pour chaque moment d'une alliance : comprendre, trouver des partenaires, construire, formaliser, piloter, évaluer, essaimer. Chaque fiche dit qui publie l'outil, à qui il s'adresse, comment y accéder et d'où viennent ces informations.
outils-voir-cartographie = Voir la cartographie des outils
outils-cartographie-resume = Un tableau des phases d'une alliance croisées avec les publics ou les niveaux de maturité.
outils-recherche-label = Rechercher un outil
outils-recherche-aide = Un nom, un éditeur ou un mot de la description ; les accents, les majuscules et les pluriels n'y changent rien.
outils-source = Sources : les pages citées sur chaque fiche, consultées en novembre 2026. Les descriptions sont rédigées par l'équipe du projet à partir de ces faits ; le classement par phase, public et niveau de maturité est un choix éditorial.
outils-nb = { $n ->
    [one] { $nf } outil
   *[other] { $nf } outils
}
outils-aucun = Aucun outil ne correspond à ces critères. Retirez un filtre ou essayez un autre mot.
outils-phases = Phases
outils-publics = Publics
outils-acces = Accès
outils-filtre-phase = Phase d'une alliance
outils-filtre-public = Public
outils-filtre-type = Type d'outil
outils-filtre-maturite = Niveau de maturité
outils-filtre-acces = Accès
outils-filtre-langue = Langue
outils-filtre-editeur = Éditeur
outils-public-tous = Tous les acteurs

## Intitulés courts des publics, en tête des colonnes de la cartographie

outils-public-court-collectivite = Collectivités
outils-public-court-etat = État
outils-public-court-entreprise = Entreprises
outils-public-court-association = Associations
outils-public-court-fondation = Fondations
outils-public-court-academique = Académiques
outils-public-court-financeur = Financeurs
outils-public-court-reseau = Réseaux
outils-public-court-citoyens = Citoyens
outils-public-court-accompagnateur = Accompagnateurs
outils-public-court-media = Médias
outils-public-court-autre = Autres

## Cartographie

outils-carte-titre = Cartographie des outils
outils-carte-description = Combien d'outils servent chaque phase d'une alliance, pour chaque public et chaque niveau de maturité ; chaque case mène à la liste correspondante.
outils-carte-intro = { $n ->
    [one] { $nf } outil classé par phase d'une alliance. Chaque case donne le nombre d'outils qui conviennent à sa ligne et à sa colonne et mène à leur liste.
   *[other] { $nf } outils classés par phase d'une alliance. Chaque case donne le nombre d'outils qui conviennent à sa ligne et à sa colonne et mène à leur liste.
}
outils-carte-votre-profil = D'après votre diagnostic, votre ligne et votre colonne sont mises en évidence : { $profil }.
outils-carte-vos-outils = Voir les outils de votre phase, de votre profil et de votre niveau
outils-carte-vue = Colonnes du tableau
outils-carte-vue-publics = Par public
outils-carte-vue-maturite = Par niveau de maturité
outils-carte-aide-publics = Un outil destiné à tous les acteurs compte dans chaque colonne, comme dans les filtres de la liste.
outils-carte-aide-maturite = Un outil pour lequel aucun niveau n'est indiqué convient à tous les niveaux : il compte dans chaque colonne, comme dans les filtres de la liste.
outils-carte-legende-publics = Nombre d'outils par phase d'une alliance et par public
outils-carte-legende-maturite = Nombre d'outils par phase d'une alliance et par niveau de maturité
outils-carte-phase = Phase
outils-carte-cellule = { $nombre ->
    [0] Aucun outil pour la phase « { $phase } » et « { $colonne } »
    [one] { $nombre } outil pour la phase « { $phase } » et « { $colonne } »
   *[other] { $nombre } outils pour la phase « { $phase } » et « { $colonne } »
}
outils-carte-note = Un même outil peut servir plusieurs phases et plusieurs publics : les cases ne s'additionnent pas. Le nombre entre parenthèses compte les outils de toute la ligne ou de toute la colonne.
outils-carte-liste = Parcourir tous les outils

## Fiche d'un outil

outils-acceder = Accéder à l'outil
outils-editeur = Éditeur
outils-annee = Année
outils-type = Type
outils-maturite = Niveau de maturité
outils-maturite-tous = Tous les niveaux (aucun niveau indiqué)
outils-langues = Langues
outils-licence = Licence
outils-lien = Page officielle
outils-lien-aucun = Aucune page officielle trouvée ; voir les sources ci-dessous.
outils-non-precise = Non précisé par les sources
outils-sources = Sources
outils-fiche-aide = La description est rédigée par l'équipe du projet à partir des faits des sources ; le classement par phase, public et niveau de maturité est un choix éditorial. Une fiche dont la source la plus récente a plus de deux ans est signalée « à actualiser ».
outils-alliances-titre = Alliances liées à cet outil
outils-alliances-aucune = Aucune alliance de la base ne cite cet outil ni ne compte son éditeur parmi ses partenaires.
outils-lien-cite = La présentation de cette alliance cite « { $outil } ».
outils-lien-editeur = { $editeur }, qui publie cet outil, est partenaire de cette alliance.
outils-json = Cette fiche en JSON
