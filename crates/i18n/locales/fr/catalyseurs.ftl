# Annuaire des catalyseurs territoriaux et fiches repères.

catalyseurs-titre = Catalyseurs territoriaux
catalyseurs-description = L'annuaire des organisations qui réunissent les acteurs d'un territoire pour qu'ils fassent alliance : CRESS, réseaux de tiers-lieux, fondations territoriales, centres de ressources, clubs d'entreprises…
catalyseurs-intro = Ils réunissent collectivités, entreprises, associations, services de l'État et habitants d'un territoire pour qu'ils agissent ensemble. Cet annuaire en documente un échantillon, avec leur territoire, leurs métiers et leurs sources ; il ne prétend pas les recenser tous.
catalyseurs-metiers-titre = Les quatre métiers d'un catalyseur
catalyseurs-metier-aide-dialogue-territorial = réunir et animer les échanges entre les acteurs d'un territoire (rencontres, réseaux, co-construction avec les collectivités).
catalyseurs-metier-aide-experimentations-collectives = conduire avec d'autres une expérimentation ou un laboratoire commun.
catalyseurs-metier-aide-accompagnements = appuyer des porteurs de projets ou des organisations (conseil, formation, qualification).
catalyseurs-metier-aide-gestion-lieu = faire vivre un lieu partagé (tiers-lieu, maison des associations, pôle de coopération).
catalyseurs-recherche-label = Chercher un catalyseur (nom, genre, territoire)
catalyseurs-source = Faits relevés dans les pages publiques citées sur chaque fiche, avec leur date de consultation ; métiers attribués seulement quand une source les montre. Données sous Licence Ouverte 2.0.
catalyseurs-nb = { $n ->
    [one] { $nf } catalyseur
   *[other] { $nf } catalyseurs
}
catalyseurs-carte-titre = Catalyseurs par région
catalyseurs-carte-legende = Catalyseurs qui agissent dans la région :
catalyseurs-carte-aide = { $n ->
    [0] Chaque région de la carte mène aux catalyseurs qui y agissent.
    [one] Chaque région de la carte mène aux catalyseurs qui y agissent ; { $nf } organisme national n'est pas sur la carte.
   *[other] Chaque région de la carte mène aux catalyseurs qui y agissent ; { $nf } organismes nationaux ne sont pas sur la carte.
}
catalyseurs-carte-tableau = Le tableau de la carte
catalyseurs-col-nombre = Catalyseurs
catalyseurs-liste-titre = L'annuaire
catalyseurs-aucun = Aucun catalyseur ne répond à cette recherche. Retirez un filtre pour élargir.
catalyseurs-col-nom = Organisation
catalyseurs-col-genre = Genre
catalyseurs-col-territoire = Territoire
catalyseurs-col-metiers = Métiers
catalyseurs-col-fondation = Création
catalyseurs-metiers-non-documentes = non documentés par les sources
catalyseurs-filtre-genre = Genre
catalyseurs-filtre-metier = Métier
catalyseurs-filtre-region = Région
catalyseurs-filtre-niveau = Échelle
catalyseurs-niveau = Échelle
catalyseurs-fondation-inconnue = inconnue ou discutée selon les sources
catalyseurs-site = Site
catalyseurs-site-aucun = aucun site officiel relevé
catalyseurs-sources = Sources
catalyseurs-consulte = consultée le { $date }
catalyseurs-fiche-aide = Les noms et les territoires sont ceux des sources ; certaines organisations ont pu changer de nom ou fusionner depuis. Être dans cet annuaire ne dit rien d'une adhésion à un réseau.
catalyseurs-alliances-territoire = Les alliances recensées dans son territoire
catalyseurs-json = Ce catalyseur en JSON

## Fiches repères
reperes-kicker = Fiche repère
reperes-genere = Fiche générée le { $date } à partir des données de la plateforme Alliances.
reperes-toutes = Toutes les fiches repères
reperes-acteur-description = Ce que l'on sait des alliances pour les { $acteur } : chiffres clés, alliances réelles, catalyseurs.
reperes-acteur-titre = { $acteur }
reperes-chiffres = Les chiffres clés
reperes-acteur-sans-chiffre = Les études réunies par l'observatoire n'ont pas interrogé ce type d'acteur.
reperes-acteur-populations = Populations interrogées : { $populations }.
reperes-autre-valeur = autre valeur publiée : { $valeur }
reperes-chiffres-aide = Chaque ligne renvoie à sa fiche, avec son étude, son échantillon et ses limites.
reperes-alliances = Les alliances
reperes-acteur-nb-alliances = { $n ->
    [0] Aucune alliance de la base n'engage ce type d'acteur.
    [one] { $nf } alliance de la base engage ce type d'acteur.
   *[other] { $nf } alliances de la base engagent ce type d'acteur.
}
reperes-exemples = Quelques exemples
reperes-catalyseurs-texte = Les catalyseurs territoriaux aident tous les acteurs d'un territoire à faire alliance.
reperes-source = Sources : les chiffres clés de l'observatoire, la base des alliances et l'annuaire des catalyseurs de la plateforme, chacun avec ses propres sources (voir les fiches).
reperes-domaine-description = Ce que l'on sait des alliances du domaine { $domaine } : alliances réelles, modes, acteurs, régions.
reperes-domaine-titre = Domaine { $domaine }
reperes-domaine-nb-alliances = { $n ->
    [0] Aucune alliance de la base ne relève de ce domaine.
    [one] { $nf } alliance de la base relève de ce domaine.
   *[other] { $nf } alliances de la base relèvent de ce domaine (une alliance peut en avoir plusieurs).
}
reperes-domaine-chiffres = Les études réunies par l'observatoire ne ventilent pas leurs chiffres par domaine : ils sont présentés par thème et par population.
reperes-voir-observatoire = Voir l'observatoire
reperes-territoire-description = Fiche repère de { $nom } : alliances, objectifs servis, fragilités perçues, lieux d'accompagnement, catalyseurs.
reperes-page-territoire = Page du territoire
reperes-index-titre = Fiches repères
reperes-index-intro = Une page imprimable par type d'acteur, par domaine et par territoire, qui rassemble les chiffres clés, les alliances, les catalyseurs, les outils — et bientôt les modules de formation.
reperes-par-type-acteur = Par type d'acteur
reperes-par-domaine-titre = Par domaine
reperes-par-territoire = Par territoire
reperes-par-territoire-aide = Les régions ci-dessous ; chaque département, intercommunalité et commune a aussi la sienne, depuis sa page.
reperes-par-domaine = Par domaine
reperes-par-mode = Par mode relationnel
reperes-par-region = Par région
reperes-par-acteur = Par type d'acteur
reperes-par-fragilite = Par fragilité traitée
reperes-col-enonce = Énoncé

## Outils et modules sur les fiches repères

reperes-outils-titre = Outils
reperes-outils-nb = { $n ->
    [one] { $nf } outil est classé pour ce type d'acteur en particulier, de la première phase d'une alliance à la dernière.
   *[other] { $nf } outils sont classés pour ce type d'acteur en particulier, de la première phase d'une alliance à la dernière.
}
reperes-outils-aucun = Aucun outil n'est classé pour ce type d'acteur en particulier.
reperes-outils-col-outil = Outil
reperes-outils-tous = { $n ->
    [one] S'y ajoute { $nf } outil destiné à tous les acteurs.
   *[other] S'y ajoutent { $nf } outils destinés à tous les acteurs.
}
reperes-outils-liste = Voir tous les outils pour ce public
reperes-outils-non-classes = Les outils ne sont pas classés par domaine ni par territoire dans nos données : ils le sont par phase d'une alliance, par public et par niveau de maturité.
reperes-modules = Parcours de formation
reperes-modules-aucun = Aucun module du parcours « Alliances et Territoires » ne s'appuie encore sur cette fiche.
reperes-module-cite = Le module renvoie à cette fiche.
reperes-module-outil = Le module fait utiliser l'outil « { $outil } », conçu pour ce type d'acteur.
reperes-module-domaines = Le module apprend à lire une alliance par ses domaines d'action.
reperes-module-territoire = Le module s'appuie sur ce territoire.
reperes-module-territoires = Le module apprend à lire la page d'un territoire.
