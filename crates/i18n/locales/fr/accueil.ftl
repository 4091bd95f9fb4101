# Page d'accueil.
# Rappel : pas d'accolades dans les textes (ce sont des placeables Fluent), pas de HTML.
# Aucun chiffre statistique ici : les chiffres clés viendront avec leurs sources dans le module Données.

accueil-titre-page = Apprendre à faire alliance
accueil-description = Une plateforme libre pour apprendre à faire alliance entre collectivités, entreprises, associations et citoyens, dans l'esprit de l'ODD 17.
accueil-surtitre = L'ODD 17 en pratique
accueil-titre = Apprendre à faire alliance sur son territoire
accueil-chapo =
    Cette plateforme aide les organisations et les territoires à construire des alliances :
    des coopérations entre acteurs de nature différente, réunis autour d'enjeux qu'ils partagent.
    Elle s'adresse aux élus et aux agents des collectivités, aux entreprises, aux associations
    et fondations, aux acteurs académiques, aux services de l'État et aux citoyens, ainsi qu'à
    celles et ceux qui animent la coopération sur un territoire.

accueil-cta-territoires = Explorer les territoires
accueil-cta-odd = Découvrir l'ODD 17

## Pourquoi faire alliance

accueil-pourquoi-titre = Pourquoi faire alliance ?
accueil-pourquoi-p1 =
    Les fragilités d'un territoire, qu'il s'agisse d'emploi, de vieillissement, d'isolement
    ou de climat, ne s'arrêtent pas aux limites d'une organisation. Une commune, une entreprise,
    une association ou une université en perçoivent chacune une part, et disposent chacune
    de leviers différents. Faire alliance, c'est mettre ces regards et ces moyens en commun
    plutôt que d'agir chacun de son côté.
accueil-pourquoi-p2 =
    Les Nations unies en ont fait un objectif de développement durable à part entière : l'ODD 17.
    Ses cibles 17.16 et 17.17 appellent des partenariats qui associent acteurs publics,
    acteurs privés et société civile. Une fois l'envie d'agir ensemble installée, la question
    devient très concrète : comment s'y prendre ?
accueil-pourquoi-p3 =
    Faire alliance s'apprend, et l'on ne part pas tous du même endroit. Certains découvrent,
    d'autres ont déjà mené des projets à plusieurs, d'autres encore animent la coopération de
    tout un territoire. Cette plateforme propose des repères pour avancer pas à pas, à partir
    de votre situation.

accueil-partenariat-titre = Un partenariat : face à face
accueil-partenariat-texte =
    Deux organisations s'entendent pour mener une action commune. Chacune y vient avec ses
    propres enjeux et y cherche ce qui la fait avancer.
accueil-alliance-titre = Une alliance : côte à côte
accueil-alliance-texte =
    Plusieurs acteurs se placent côte à côte face à des enjeux qu'ils partagent sur un même
    territoire. Cette dynamique collective devient un terreau où de nouveaux partenariats
    peuvent naître.

## Les trois impacts

accueil-impacts-titre = Ce que les alliances apportent
accueil-impacts-intro =
    Les recherches menées en France sur les alliances, notamment par Le RAMEAU, distinguent
    trois impacts. Chacun suit sa propre trajectoire, à son propre rythme.
accueil-impact-performance-texte =
    Les organisations, publiques comme privées, qui s'allient renforcent leur propre action :
    elles mobilisent des compétences et des ressources qu'elles n'auraient pas réunies seules.
accueil-impact-innovation-texte =
    En croisant des savoir-faire différents, les alliés inventent des réponses nouvelles aux
    besoins du territoire. C'est l'innovation sociétale et territoriale.
accueil-impact-confiance-texte =
    Agir ensemble tisse des liens entre les personnes et entre les organisations. Cette
    confiance donne envie de s'engager, et rend le territoire plus capable d'agir collectivement.

## La triple articulation

accueil-articulation-titre = Relier domaines, territoires et acteurs
accueil-articulation-intro =
    Une alliance territoriale doit tenir ensemble trois dimensions : les domaines qu'elle touche,
    le territoire où elle agit et les acteurs qu'elle réunit. La plateforme s'appuie sur ces trois
    axes pour classer ses ressources, afin que chacun retrouve ce qui concerne sa situation.
accueil-articulation-domaines = Des domaines
accueil-articulation-territoires = Des territoires
accueil-articulation-acteurs = Des acteurs

## M.E.D.O.C.

accueil-medoc-titre = M.E.D.O.C. : cinq familles de ressources
accueil-medoc-intro =
    La plateforme réunit des méthodes, des exemples, des données, des outils et des compétences.
    Elle les propose à chacun selon son profil, sa maturité et ses envies, pour passer de
    l'intention à l'action.

## Déjà disponible

accueil-disponible-titre = Déjà disponible
accueil-odd-carte-titre = Le référentiel des ODD
accueil-odd-carte-texte =
    Les 17 objectifs de développement durable, leurs 169 cibles et leurs indicateurs, en français
    et en anglais. Les 19 cibles de l'ODD 17 y sont regroupées par thème.
accueil-territoires-carte-titre = Les territoires
accueil-territoires-carte-texte =
    Toutes les régions, tous les départements, toutes les intercommunalités et toutes les communes,
    d'après les données officielles, avec une carte et une recherche par nom.

## L'ODD 17

accueil-odd17-titre = L'ODD 17, l'objectif des moyens et des partenariats
accueil-odd17-texte =
    L'ODD 17 ne porte pas sur un domaine particulier : il rassemble les moyens d'atteindre tous
    les autres objectifs, du financement à la technologie en passant par le commerce et la
    cohérence des politiques. Sa cible 17.16 appelle des partenariats multipartites qui mettent
    en commun savoirs, expertise, technologie et financements ; sa cible 17.17 encourage les
    partenariats entre acteurs publics, entre public et privé, et avec la société civile.
