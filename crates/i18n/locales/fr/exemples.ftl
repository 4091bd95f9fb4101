# Exemples : la base des alliances réelles.

exemples-titre = Exemples d'alliances
exemples-titre-recherche = « { $q } »
exemples-description = Des alliances réelles entre collectivités, entreprises, associations, fondations, acteurs académiques et citoyens, décrites et sourcées, à chercher par lieu, acteur, enjeu ou manière de coopérer.
exemples-intro = Des alliances qui existent, en France, entre des acteurs qui ne se ressemblaient pas. Chaque fiche dit qui fait quoi, où, depuis quand, avec quels résultats, et d'où viennent ces informations. Cherchez un lieu, un acteur, un enjeu ou une façon de travailler ensemble.
exemples-flux-titre = Dernières alliances ajoutées
exemples-recherche-label = Rechercher une alliance
exemples-recherche-aide = Un nom, une commune, un département, un acteur, un enjeu (« emploi », « énergie »…). Les accents, majuscules et pluriels ne comptent pas.
exemples-recherche-bouton = Rechercher
exemples-filtres = Affiner
exemples-filtres-actifs = Filtres appliqués
exemples-tri = Trier par
exemples-tri-pertinence = Pertinence
exemples-tri-date = Plus récentes d'abord
exemples-tri-nom = Nom
exemples-facette-type_acteur = Types d'acteurs
exemples-facette-domaine = Domaines
exemples-facette-niveau_territorial = Échelle
exemples-facette-region = Régions
exemples-facette-departement = Départements
exemples-facette-odd = Objectifs de développement durable
exemples-facette-cible = Cibles ODD
exemples-facette-mode = Modes relationnels
exemples-facette-impact = Impacts
exemples-facette-fragilite = Fragilités traitées
exemples-facette-statut = Statut
exemples-facette-epci = Intercommunalité
exemples-facette-commune = Commune
exemples-facette-plus = { $n ->
    [one] Voir { $nf } autre valeur
   *[other] Voir les { $nf } autres valeurs
}
exemples-appliquer = Appliquer les filtres
exemples-nb-alliances = { $n ->
    [0] Aucune alliance
    [one] { $nf } alliance
   *[other] { $nf } alliances
}
exemples-sur-total = sur { $nf }
exemples-vue = Affichage
exemples-vue-liste = Liste
exemples-vue-carte = Carte
exemples-retirer = Retirer le filtre { $filtre }
exemples-tout-effacer = Tout effacer
exemples-aucun = Aucune alliance ne correspond à cette recherche. Essayez un mot plus général ou retirez un filtre.
exemples-classement = Classement
exemples-depuis = depuis { $date }
exemples-nb-partenaires = { $n ->
    [0] partenaires non renseignés
    [one] { $nf } partenaire
   *[other] { $nf } partenaires
}
exemples-carte-titre = Où sont ces alliances
exemples-carte-aide = Plus la couleur est foncée, plus il y a d'alliances. Choisissez un territoire sur la carte ou dans les tableaux pour n'afficher que ses alliances. Les alliances d'échelle nationale n'y figurent pas.
exemples-carte-regions = Nombre d'alliances par région
exemples-carte-departements = Nombre d'alliances par département
exemples-carte-legende-departements = Alliances par département :
exemples-carte-legende-regions = Alliances par région :
exemples-carte-national = Une alliance comptée dans une région l'est aussi dans chacun de ses départements concernés ; une alliance peut couvrir plusieurs territoires.
exemples-tableau-regions = Alliances par région
exemples-tableau-departements = Alliances par département
exemples-tableau-vide = Aucune alliance localisée pour cette recherche.
exemples-col-region = Région
exemples-col-departement = Département
exemples-col-alliances = Alliances
exemples-odd-abrege = ODD
exemples-similaire-raison = Points communs : { $points }.
exemples-a-actualiser = À actualiser : informations vérifiées il y a plus de deux ans
exemples-territoire = Territoire
exemples-niveau = Échelle
exemples-debut = Début
exemples-statut = Statut
exemples-phase = Phase
exemples-domaines = Domaines
exemples-description-titre = Ce que fait cette alliance
exemples-texte-redige = Texte rédigé par l'équipe Alliances à partir des seules informations des sources citées plus bas.
exemples-partenaires-titre = { $n ->
    [0] Partenaires
    [one] Le partenaire
   *[other] Les { $nf } partenaires
}
exemples-col-organisation = Organisation
exemples-col-type = Type d'acteur
exemples-col-role = Rôle dans l'alliance
exemples-apports = Apports
exemples-resultats-titre = Résultats
exemples-resultats-aucun = Les sources consultées ne donnent pas de résultat chiffré.
exemples-resultats-aide = Tels que les sources les rapportent.
exemples-leviers = Ce qui a aidé
exemples-obstacles = Difficultés rencontrées
exemples-sources-titre = Sources
exemples-consultee = consultée le { $date }
exemples-verifiee = Informations vérifiées le { $date }
exemples-licence = licence { $licence }
exemples-editorial = éditorial
exemples-editorial-aide = signale un classement fait par l'équipe Alliances, que la source n'énonce pas.
exemples-odd = Objectifs de développement durable
exemples-odd-non-precise = Les sources ne citent aucun ODD : ceux-ci sont déduits des fragilités traitées, et toute alliance relève de la cible 17.17 (partenariats multi-acteurs).
exemples-cibles = Cibles
exemples-modes = Modes relationnels
exemples-fragilites = Fragilités traitées
exemples-impacts = Impacts observés
exemples-json = Télécharger cette fiche en JSON
exemples-similaires = Alliances proches
exemples-liste-territoire = Les alliances recensées dans ce territoire
exemples-liste-territoire-aide = Y compris celles des territoires qu'il contient (intercommunalités, communes).
exemples-liste-cible = Alliances rattachées à la cible { $code }
exemples-liste-cible-aide = Le rattachement est le plus souvent éditorial : toute alliance relève de la cible 17.17 ; chaque fiche dit si la source l'énonce.
exemples-liste-aucune = Aucune alliance de la base ne concerne encore ce territoire ou cette cible.
exemples-liste-toutes = Parcourir toutes les alliances
exemples-liste-voir = { $n ->
    [one] Voir cette alliance dans la recherche
   *[other] Voir les { $nf } alliances dans la recherche
}
donnees-ouvertes-jeu-alliances = Recherche dans les alliances, avec facettes
donnees-ouvertes-alliances-titre = La base des alliances
donnees-ouvertes-alliances-intro = Chaque fichier contient toutes les alliances de la base, telles qu'elles sont publiées sur ce site, sous { $licence }. Les faits viennent des sources citées sur chaque fiche ; les résumés et descriptions sont rédigés par l'équipe Alliances. Les classements marqués « editorial » sont les nôtres.
donnees-ouvertes-csv = tableau CSV (UTF-8), une ligne par alliance, dans la disposition que lit l'import
donnees-ouvertes-xlsx = le même tableau au format tableur
donnees-ouvertes-json = toutes les fiches au format JSON de l'API
donnees-ouvertes-geojson = un point par territoire concerné (centroïde de la région ou du département ; les communes et intercommunalités sont placées au centroïde de leur département)
donnees-ouvertes-jsonld = description schema.org (JSON-LD)
donnees-ouvertes-schema = Table Schema (JSON) décrivant les colonnes du CSV
donnees-ouvertes-flux = flux Atom des dernières alliances ajoutées
donnees-ouvertes-import = Le CSV, le XLSX et le JSON se réimportent tels quels avec « alliances import alliances FICHIER » : une instance peut ainsi reprendre la base d'une autre.
donnees-ouvertes-champs-titre = Les champs du CSV
donnees-ouvertes-col-champ = Colonne
donnees-ouvertes-col-type = Type
donnees-ouvertes-col-contenu = Contenu
exemples-echelle = Échelle de la carte
exemples-echelle-regions = Par région
exemples-echelle-departements = Par département
exemples-provenance-amorce = la base livrée avec Alliances
exemples-provenance = Fiche importée de { $origine }, dernière modification le { $date }.
exemples-provenance-par = Fiche importée de { $origine } par { $par }, dernière modification le { $date }.
