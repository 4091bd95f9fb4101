# Méthodes : le questionnaire, le rapport, le diagnostic partagé.
methodes-titre = Faire le point sur vos alliances
methodes-kicker = Méthodes · questionnement guidé
methodes-description = Un questionnaire en cinq étapes pour connaître votre profil, votre maturité partenariale par dimension et un parcours d'alliances, de territoires et de ressources choisi pour vous.
methodes-commencer = Commencer le questionnaire
methodes-continuer = Reprendre là où je m'étais arrêté
methodes-fait-questions = { $n ->
    [one] { $nf } question au plus, selon votre profil ; une dizaine de minutes
   *[other] { $nf } questions au plus, selon votre profil ; une dizaine de minutes
}
methodes-fait-compte = Sans compte ni adresse électronique.
methodes-fait-lien = Vos réponses sont gardées derrière un lien personnel que vous seul détenez : vous pouvez reprendre plus tard, et tout supprimer.
methodes-etapes-titre = Cinq étapes
methodes-dimensions-titre = Six dimensions de maturité
methodes-dimensions-intro = Vos réponses situent votre organisation sur chaque dimension, du niveau 1 au niveau 4.
methodes-niveaux-liste = Les quatre niveaux : 1 Découvrir, 2 Expérimenter, 3 Structurer, 4 Catalyser.
methodes-reprendre-titre = Reprendre un diagnostic
methodes-reprendre-label = Collez votre lien personnel (ou son code de 40 caractères)
methodes-reprendre-bouton = Reprendre
methodes-reprendre-invalide = Ce texte ne contient pas de lien de diagnostic : collez l'adresse complète reçue au début du questionnaire, qui se termine par un code de 40 caractères (chiffres et lettres de a à f).
methodes-collectif-titre = Diagnostic partagé
methodes-collectif-intro = Vous animez une alliance ? Créez un diagnostic partagé : vous recevez un lien d'animation et un lien par partenaire. Chacun répond seul ; la synthèse montre, dimension par dimension, où les partenaires se rejoignent et où ils divergent, avec des questions pour en parler. Les réponses détaillées restent privées tant que vous ne les ouvrez pas au groupe.
methodes-collectif-nom = Nom de l'alliance ou du projet
methodes-collectif-partenaires = Partenaires
methodes-collectif-partenaires-aide = Un partenaire par ligne, de 2 à 12 (nom de l'organisation ou simple repère, par exemple « Mairie », « Association A »).
methodes-collectif-creer = Créer le diagnostic partagé
methodes-collectif-erreur-nom = Donnez un nom à l'alliance (120 caractères au plus).
methodes-collectif-erreur-partenaires = Indiquez de 2 à 12 partenaires différents, un par ligne.
methodes-collectif-pour = Diagnostic partagé · { $nom }
methodes-vie-privee-titre = Vos données
methodes-vie-privee = Le questionnaire ne demande ni nom ni contact. Vos réponses ne sont jamais publiées ; les réponses en texte libre ne sont visibles que par qui détient le lien. Un brouillon sans visite pendant 90 jours est effacé, un rapport au bout de 12 mois sans visite. Le lien personnel n'est conservé que sous une forme chiffrée : ne le perdez pas, personne ne pourra le retrouver pour vous.
methodes-progression = Progression
methodes-etape-n = étape { $n }
methodes-etape-sur = Étape { $n } sur
methodes-erreur-prefixe = Erreur :
methodes-erreurs-titre = Certaines réponses sont à corriger
methodes-obligatoire = (obligatoire)
methodes-facultatif = (facultatif)
methodes-plusieurs = Plusieurs réponses possibles.
methodes-plusieurs-max = Plusieurs réponses possibles, { $n } au plus.
methodes-territoire-choisir = Plusieurs territoires portent ce nom : choisissez le vôtre
methodes-texte-prive = Ce texte n'est visible que par qui détient votre lien ; 2 000 caractères au plus.
methodes-precedent = Étape précédente
methodes-suivant = Étape suivante
methodes-voir-rapport = Voir mon diagnostic
methodes-lien-titre = Votre lien personnel.
methodes-lien-aide = Gardez-le (favori, courriel à vous-même) : c'est le seul moyen de revenir à cette page. Toute personne qui l'a peut la lire.
methodes-erreur-une-valeur = Une seule réponse est attendue pour cette question.
methodes-erreur-territoire-inconnu = Aucun territoire ne porte ce nom : tapez le nom d'une commune, d'une intercommunalité, d'un département ou d'une région, ou son code INSEE.
methodes-erreur-territoire-ambigu = Plusieurs territoires correspondent : choisissez le vôtre dans la liste sous le champ.
methodes-erreur-champ-inconnu = Le formulaire contient des champs qui n'appartiennent pas à cette étape ({ $champs }) : rechargez la page et répondez de nouveau. Rien n'a été enregistré.
methodes-erreur-incomplet = Il manque des réponses obligatoires (ou une réponse n'est pas valable) : complétez cette étape, puis reprenez jusqu'au bout. Le rapport n'a pas été créé.
methodes-erreur-obligatoire = Réponse obligatoire.
methodes-erreur-valeur = Cette réponse n'est pas une option de la question.
methodes-rapport-titre = Votre diagnostic de maturité partenariale
methodes-rapport-date = Établi le { $date }
methodes-profil-titre = Votre profil
methodes-niveau-global = Niveau global
methodes-maturite-titre = Votre maturité, dimension par dimension
methodes-maturite-intro = Chaque dimension reçoit le niveau moyen de vos réponses notées sur cette dimension, arrondi ; le niveau global est la moyenne des dimensions. Ce n'est pas une note : c'est un point de départ pour choisir la prochaine étape.
methodes-radar-titre = Radar de maturité : niveau de 1 à 4 sur chaque dimension
methodes-radar-legende = Le même contenu que le tableau : plus la forme est large, plus la pratique est installée.
methodes-table-legende = Niveau par dimension
methodes-dimension = Dimension
methodes-niveau = Niveau
methodes-prochaine-etape = Prochaine étape :
methodes-parcours-titre = Votre parcours
methodes-parcours-intro = Un parcours à travers les cinq modules de la plateforme — Méthodes, Exemples, Données, Outils, Compétences — choisi d'après vos souhaits d'abord, puis votre profil et votre niveau. Chaque proposition dit pourquoi elle vous est faite.
methodes-parcours-toutes = Voir toutes les alliances d'acteurs comme vous dans votre région
methodes-parcours-modules-tous = Voir tout le parcours « Alliances et Territoires »
methodes-raison-module = Pour renforcer la dimension « { $dimension } », où votre diagnostic vous situe au niveau { $niveau } sur 4.
methodes-raison-module-sommet = Pour approfondir la dimension « { $dimension } » : votre diagnostic atteint le niveau 4 sur chaque dimension.
methodes-raison-alliance = Points communs avec votre profil :
methodes-raison-territoire = La synthèse du territoire que vous avez indiqué : ses alliances, les objectifs qu'elles servent, les fragilités perçues dans la région, ses lieux d'accompagnement et ses catalyseurs.
methodes-raison-departement = Le département de votre territoire : les alliances recensées autour de vous.
methodes-groupe-titre = Le diagnostic du groupe
methodes-groupe-attente = La synthèse apparaîtra quand au moins deux partenaires auront terminé.
methodes-groupe-en-attente = { $n ->
    [one] { $nf } partenaire n'a pas encore terminé.
   *[other] { $nf } partenaires n'ont pas encore terminé.
}
methodes-reponses-titre = Vos réponses
methodes-ignorees = { $n ->
    [one] { $nf } réponse n'a pas été prise en compte, car la question ne concernait plus votre profil.
   *[other] { $nf } réponses n'ont pas été prises en compte, car les questions ne concernaient plus votre profil.
}
methodes-actions-titre = Garder, modifier, supprimer
methodes-json = Télécharger le rapport et vos réponses (JSON)
methodes-modifier = Modifier mes réponses
methodes-supprimer = Supprimer ce diagnostic
methodes-imprimer = Pour l'imprimer ou l'enregistrer en PDF, utilisez la commande d'impression de votre navigateur : la mise en page s'adapte.
methodes-brouillon-titre = Votre diagnostic en cours
methodes-brouillon-vide = Vous n'avez encore répondu à aucune question.
methodes-brouillon-reponses = { $n ->
    [one] Vous avez déjà donné { $nf } réponse.
   *[other] Vous avez déjà donné { $nf } réponses.
}
methodes-partenaire-intro = Vous répondez pour votre organisation, seul et sans voir les réponses des autres partenaires. Quand vous aurez terminé, vous verrez votre rapport et les niveaux du groupe.
methodes-supprimer-titre = Supprimer définitivement ?
methodes-supprimer-texte = Vos réponses et votre rapport seront effacés, et le lien ne mènera plus nulle part. Cette action ne peut pas être annulée.
methodes-supprimer-collectif = Le diagnostic partagé et les réponses de tous les partenaires seront effacés ; aucun lien ne fonctionnera plus. Cette action ne peut pas être annulée.
methodes-supprimer-confirmer = Supprimer définitivement
methodes-supprimer-collectif-lien = Supprimer ce diagnostic partagé
methodes-annuler = Annuler
methodes-supprime-titre = C'est supprimé
methodes-supprime-texte = Les réponses et le rapport ont été effacés de la plateforme.
methodes-retour = Revenir à la page Méthodes
methodes-animateur-intro = Cette page est la vôtre, en tant qu'animateur ou animatrice : gardez son lien pour vous. Transmettez à chaque partenaire son propre lien ; chacun répond de son côté.
methodes-partenaires-titre = Les partenaires
methodes-partenaires-aide = Envoyez à chacun son lien, et à lui seul : il donne accès à ses réponses.
methodes-partenaire = Partenaire
methodes-etat = État
methodes-etat-termine = Terminé
methodes-etat-en-cours = Pas encore terminé
methodes-lien-partenaire = Lien à transmettre
methodes-synthese-titre = Synthèse
methodes-synthese-avancement = { $n ->
    [0] Aucun partenaire n'a encore terminé.
    [one] { $nf } partenaire a terminé.
   *[other] { $nf } partenaires ont terminé.
}
methodes-synthese-legende = Niveau de chaque partenaire par dimension, et écart entre le plus haut et le plus bas
methodes-ecart = Écart
methodes-ecart-de = { $n ->
    [one] écart d'un niveau
   *[other] écart de { $nf } niveaux
}
methodes-convergence = Convergence
methodes-proche = Proches
methodes-divergence = Divergence
methodes-discussion-titre = Pour en parler ensemble
methodes-discussion-intro = Les dimensions où vos niveaux s'écartent le plus, avec des questions pour ouvrir la discussion.
methodes-tous-alignes = Les partenaires se situent au même niveau sur chaque dimension.
methodes-reponses-ouvertes-titre = Réponses des partenaires
methodes-ouverture-titre = Réponses détaillées
methodes-ouverture-fermees = Pour l'instant, chaque partenaire ne voit que ses propres réponses, et le groupe ne voit que les niveaux. Vous pouvez ouvrir les réponses détaillées à tout le groupe, par exemple pour préparer une réunion.
methodes-ouverture-ouvertes = Les réponses détaillées sont ouvertes : chaque partenaire ayant terminé les voit, comme vous, sous la synthèse.
methodes-ouverture-ouvrir = Ouvrir les réponses au groupe
methodes-ouverture-fermer = Refermer les réponses
methodes-lien-inconnu = Ce lien de diagnostic n'existe pas ou plus : vérifiez qu'il est complet (40 caractères après « /diagnostics/ »). Un diagnostic supprimé, ou resté sans visite trop longtemps, ne peut pas être retrouvé.
methodes-collectif-inconnu = Ce lien de diagnostic partagé n'existe pas ou plus : vérifiez qu'il est complet. Un diagnostic partagé supprimé ne peut pas être retrouvé.
methodes-raison-complement = Une des alliances les plus récentes de la base, proposée parce que peu d'alliances partagent encore vos caractéristiques.
methodes-edition-en-cours = Vous avez commencé à modifier vos réponses : ce rapport reste celui établi à la date ci-dessus jusqu'à ce que vous alliez au bout du questionnaire.
methodes-edition-continuer = Continuer la modification
methodes-version-absente = Ce diagnostic a été établi avec la version { $version } du questionnaire, que cette plateforme ne propose plus. Signalez-le à l'équipe qui l'exploite : il lui suffit de remettre ce fichier de questionnaire en place.

## Parcours : chiffres clés et catalyseurs (module Données)
methodes-parcours-observatoire = Voir tous les chiffres clés
methodes-raison-chiffre = Mesuré auprès des { $population }
methodes-raison-catalyseur-ici = Il agit dans votre territoire.
methodes-raison-catalyseur-autour = Son territoire d'action couvre le vôtre.
methodes-raison-catalyseur-region = Il agit ailleurs dans votre région.

## Outils du parcours personnel

methodes-parcours-outils-carte = Voir la cartographie des outils, votre phase, votre profil et votre niveau mis en évidence
methodes-raison-outil-phase-dimension = Pour la phase « { $phase } », où se travaille la dimension de votre diagnostic qui laisse le plus de marge ({ $dimension })
methodes-raison-outil-phase-faible = Pour la phase « { $phase } », où se travaille la dimension de votre diagnostic qui laisse le plus de marge
methodes-raison-outil-phase-sommet = Pour la phase « { $phase } » : votre diagnostic atteint le plus haut niveau sur chaque dimension
methodes-raison-outil-phase = Pour la phase « { $phase } », la plus proche de la vôtre où des outils conviennent à votre profil
methodes-raison-outil-public = conçu pour votre type d'acteur ({ $public })
methodes-raison-outil-tous = destiné à tous les types d'acteurs
methodes-raison-outil-niveau = indiqué pour votre niveau, « { $niveau } »

# Personal path across the five modules (questionnaire version 2 onwards).
methodes-parcours-dates = Parcours établi le { $aujourdhui } à partir de vos réponses du { $date } : il suit la base du jour, qui s'enrichit de nouvelles alliances, de nouveaux outils et de nouveaux catalyseurs.
methodes-parcours-horizon-maintenant = Vous voulez agir maintenant : le parcours commence par les outils et les catalyseurs qui peuvent vous aider dès cette semaine.
methodes-parcours-horizon-prochains-mois = Votre projet se prépare pour les prochains mois : le parcours commence par des alliances dont vous pouvez vous inspirer.
methodes-parcours-horizon-plus-tard = Votre projet viendra plus tard : le parcours commence par les modules de formation, pour vous y préparer à votre rythme.
methodes-parcours-horizon-exploration = Vous explorez : le parcours commence par les chiffres et les pages de votre territoire, pour situer les enjeux.
methodes-parcours-groupe-methodes = Méthodes : faire le point à plusieurs.
methodes-parcours-groupe-exemples = Des alliances réelles qui partagent vos souhaits et votre profil.
methodes-parcours-groupe-donnees = Des chiffres clés, votre territoire et les fiches repères à imprimer.
methodes-parcours-groupe-outils = Des outils pour la phase où vous en êtes et des catalyseurs qui peuvent vous accompagner.
methodes-parcours-groupe-competences = Des modules du parcours « Alliances et Territoires » pour les dimensions qui laissent le plus de marge.
methodes-parcours-rien = Rien à proposer ici pour l'instant à partir de vos réponses.
methodes-parcours-territoires-titre = Les pages des territoires
methodes-parcours-repere-titre = Fiche repère : { $sujet }
methodes-parcours-collectif-titre = Faire ce diagnostic avec vos partenaires
methodes-raison-sans-lieu = Vous agissez à une échelle large : ouvrez les pages des régions et des départements où vous êtes présents pour y trouver alliances, chiffres et catalyseurs.
methodes-raison-chiffre-region = Mesuré dans votre région, { $region }
methodes-raison-chiffre-general = Un chiffre national de l'observatoire
methodes-raison-repere-acteur = Une page imprimable sur votre type d'acteur : chiffres, alliances, catalyseurs, outils et modules.
methodes-raison-repere-territoire = Une page imprimable sur votre territoire, à partager avec vos partenaires.
methodes-raison-catalyseur-national = Il agit à l'échelle nationale.
methodes-raison-catalyseur-metiers = Il propose ce que vous souhaitez : { $metiers }.
methodes-raison-collectif = Votre alliance en est à la phase « { $phase } » : comparez vos niveaux avec ceux de vos partenaires, sans que personne ne lise les réponses des autres.
methodes-raison-outil-phase-declaree = Pour la phase « { $phase } », celle où en est votre alliance principale
methodes-raison-module-obstacle = Pour l'obstacle que vous avez cité : « { $obstacle } ».
methodes-confiance = Confiance { $confiance } : vous avez répondu « je ne sais pas » à { $inconnues } question(s) sur { $total } ; ces réponses ne comptent pas dans le niveau.
methodes-confiance-elevee = élevée
methodes-confiance-moyenne = moyenne
methodes-confiance-faible = faible
methodes-niveau-cible = Le bon niveau à viser dépend de votre type d'acteur et de votre projet : une petite association ou une commune rurale peut très bien agir au niveau « Expérimenter » ; le niveau 4 n'est pas un but en soi.
