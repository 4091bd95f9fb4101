# Territoires : carte, recherche, fiches par niveau.

terr-titre = Territoires
terr-description = Les régions, départements, intercommunalités et communes de France, avec leurs populations, une carte et une recherche par nom.
terr-intro = Toutes les régions, tous les départements, intercommunalités et communes de France, métropole et outre-mer, d'après le Code officiel géographique. Chaque fiche accueillera bientôt les alliances, les chiffres clés et les catalyseurs de son territoire.
terr-recherche-titre = Rechercher un territoire
terr-recherche-label = Nom, code INSEE ou code postal
terr-recherche-aide = Par exemple : saint etienne, marcq en baroeul, 2A004 ou 42000. Les accents et les tirets sont facultatifs.
terr-recherche-bouton = Rechercher
terr-recherche-resultats = Résultats pour « { $q } »
terr-recherche-aucun = Aucun territoire ne correspond à « { $q } ». Vérifiez l'orthographe ou essayez un code postal.
terr-recherche-vide = Saisissez au moins une lettre ou un chiffre.
terr-carte-titre = Les régions sur la carte
terr-carte-aide = Chaque région de la carte est un lien vers sa fiche. Les régions d'outre-mer sont dessinées dans des encarts, chacune à sa propre échelle. Le tableau qui suit donne les mêmes informations.
terr-carte-nom = Carte des régions de France, métropole et outre-mer
terr-tableau-regions = Les 18 régions
terr-com-titre = Collectivités d'outre-mer
terr-com-intro = Ces collectivités, qui ne sont pas des régions, ont leurs propres communes ou n'en ont pas (Terres australes et antarctiques françaises, île de Clipperton).
terr-chiffres = { $regions } régions, { $departements } départements, { $epci } intercommunalités et { $communes } communes.
terr-col-nom = Nom
terr-col-code = Code
terr-col-population = Population
terr-col-departements = Départements
terr-col-communes = Communes
terr-col-type = Forme
terr-col-niveau = Niveau
terr-col-rattachement = Rattachement
terr-niveau-region = Région
terr-niveau-departement = Département
terr-niveau-collectivite_outre_mer = Collectivité d'outre-mer
terr-niveau-epci = Intercommunalité
terr-niveau-commune = Commune
terr-code = Code { $code }
terr-code-insee = Code INSEE
terr-siren = SIREN
terr-codes-postaux = Codes postaux
terr-population = Population
terr-population-source = Source de la population
terr-population-annee = Année de référence
terr-chef-lieu = Chef-lieu
terr-region = Région
terr-departement = Département
terr-departements = Départements
terr-epci = Intercommunalité
terr-ept = Établissement public territorial
terr-com = Collectivité d'outre-mer
terr-zone-drom = Outre-mer (département et région)
terr-zone-metro = Métropole
terr-zone-com = Outre-mer (collectivité)
terr-zone = Situation
terr-mode-financement = Régime fiscal
terr-fiscalite-FPU = Fiscalité professionnelle unique
terr-fiscalite-FA = Fiscalité additionnelle
terr-sans-epci = Cette commune n'appartient à aucune intercommunalité à fiscalité propre (cas de certaines îles).
terr-type-CC = Communauté de communes
terr-type-CA = Communauté d'agglomération
terr-type-CU = Communauté urbaine
terr-type-METRO = Métropole
terr-type-MET69 = Métropole de Lyon
terr-type-EPT = Établissement public territorial
terr-source-insee = Population municipale, INSEE (populations légales en vigueur en 2026)
terr-source-insee-mayotte-2017 = Population municipale, INSEE (recensement de Mayotte, 2017)
terr-source-dgcl = Population municipale, DGCL (liste des intercommunalités 2026)
terr-source-somme = Somme des populations municipales de ses communes (INSEE)
terr-annee-non-precisee = non précisée par la source
terr-carte-region = Carte de la région et de ses départements
terr-carte-departement = Situation du département dans sa région
terr-carte-commune = Département de la commune dans sa région
terr-carte-situation = Situation en France
terr-liste-departements = Les départements
terr-liste-epci = Les intercommunalités
terr-liste-communes = Les communes
terr-liste-communes-aide = Classées par ordre alphabétique.
terr-epci-communes-dans = dont { $n } dans ce département
terr-bientot = Les chiffres clés et les catalyseurs de ce territoire s'afficheront ici avec le module Données.
terr-api = Ces informations en JSON

## Synthèse territoriale
synth-titre = Synthèse du territoire
synth-intro = Ce que la plateforme sait de ce territoire : les alliances situées ici ou dans les territoires qu'il contient, les objectifs qu'elles servent, les fragilités perçues dans la région, les lieux d'accompagnement et les catalyseurs.
synth-nb-alliances = { $n ->
    [one] alliance recensée
   *[other] alliances recensées
}
synth-nb-lieux = { $n ->
    [one] lieu d'accompagnement France services
   *[other] lieux d'accompagnement France services
}
synth-nb-catalyseurs = { $n ->
    [one] catalyseur actif sur le territoire
   *[other] catalyseurs actifs sur le territoire
}
synth-par-domaine = Alliances par domaine
synth-par-mode = Alliances par mode relationnel
synth-par-acteur = Alliances par type d'acteur engagé
synth-col-valeur = Valeur
synth-col-alliances = Alliances
synth-col-barre = Proportion
synth-comptes-aide = Une alliance compte dans chaque domaine, mode et type d'acteur qu'elle réunit : les lignes d'un tableau ne s'additionnent pas.
synth-odd-titre = Les objectifs de développement durable servis
synth-odd-aide = Pour chaque objectif : le nombre d'alliances qui le servent, en distinguant celles dont une source le déclare de celles que nous y rattachons (classement éditorial, déduit des fragilités traitées ; la cible 17.17 vaut pour toute alliance).
synth-odd-nb = { $n ->
    [one] { $nf } alliance
   *[other] { $nf } alliances
}
synth-odd-declares = { $n ->
    [one] { $nf } déclarée
   *[other] { $nf } déclarées
}
synth-odd-editoriaux = { $n ->
    [one] { $nf } éditoriale
   *[other] { $nf } éditoriales
}
synth-odd-aucune = Aucune
synth-fragilites-titre = Ce que disent les études de la région { $region }
synth-fragilites-caption = Fragilités perçues, par rang quand la source le donne
synth-fragilites-aucune = Les études réunies ici ne donnent pas encore de fait régional pour cette région.
synth-fragilites-aide = Les fragilités perçues viennent d'enquêtes d'opinion régionales ; chaque ligne renvoie à sa fiche, avec sa source et ses limites.
synth-col-fragilite = Fragilité
synth-col-rang-valeur = Rang ou valeur
synth-col-population = Population interrogée
synth-col-source = Étude et année
synth-lieux-titre = Lieux d'accompagnement
synth-lieux-aide = Les structures France services : l'État, un porteur local (commune, intercommunalité, La Poste, association…) et des opérateurs nationaux y accompagnent les habitants dans leurs démarches.
synth-lieux-aucun = Aucune structure France services n'est recensée dans ce territoire.
synth-lieux-caption = { $n ->
    [one] { $nf } structure France services dans ce territoire :
   *[other] { $nf } structures France services dans ce territoire :
}
synth-lieux-caption-region = { $n ->
    [one] { $nf } structure France services dans la région, par département
   *[other] { $nf } structures France services dans la région, par département
}
synth-col-lieux = Structures
synth-lieu-antenne = antenne
synth-lieux-tronque = Seules les { $nf } premières sont listées ici.
synth-lieux-source = Source : ANCT — Liste des structures France services, mise à jour du 1er août 2024 (Licence Ouverte 2.0).
synth-catalyseurs-titre = Catalyseurs territoriaux
synth-catalyseurs-aide = Les organisations dont le métier est de réunir les acteurs d'un territoire pour qu'ils fassent alliance. L'annuaire est un échantillon documenté, pas un recensement complet.
synth-catalyseurs-aucun = Aucun catalyseur de l'annuaire n'est situé dans ce territoire ou ne le couvre.
synth-catalyseurs-dans = Situés dans ce territoire
synth-catalyseurs-autour = Dont le territoire d'action couvre celui-ci
synth-catalyseurs-nationaux = { $n ->
    [one] S'y ajoute { $nf } organisme national.
   *[other] S'y ajoutent { $nf } organismes nationaux.
}
synth-catalyseurs-annuaire = Voir l'annuaire des catalyseurs
synth-repere = Fiche repère imprimable
synth-api = Cette synthèse en JSON
