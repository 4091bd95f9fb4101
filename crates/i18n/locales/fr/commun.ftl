# Enveloppe du site : en-tête, navigation, pied de page, messages partagés, erreurs.

site-nom = Alliances
site-signature = l'ODD 17 en pratique
site-description = Apprendre à faire alliance : méthodes, exemples, données, outils et compétences pour les partenariats entre acteurs d'un territoire.
lien-evitement = Aller au contenu
nav-principale = Navigation principale
nav-accueil = Accueil
nav-methodes = Méthodes
nav-exemples = Exemples
nav-donnees = Données
nav-outils = Outils
nav-competences = Compétences
nav-territoires = Territoires
nav-odd = ODD
langue-autre = English
langue-autre-titre = Read this page in English
fil-ariane = Vous êtes ici
pied-nav = Informations sur le site
pied-accessibilite = Accessibilité
pied-donnees-ouvertes = Données ouvertes
pied-sources = Sources et licences
pied-mentions = Mentions légales
pied-confidentialite = Confidentialité
pied-api = API
pied-logiciel = Logiciel libre publié sous licence AGPL-3.0-or-later.
pied-donnees = Données de référence : Nations Unies (ODD), INSEE, DGCL, IGN, ANCT — voir « Sources et licences ».
badge-disponible = Disponible
badge-bientot = Bientôt
lire-aussi = Voir aussi
retour-haut = Haut de page
imprimer = Imprimer cette page
non-renseigne = non renseigné
population-non-renseignee = population non renseignée
habitants = { $n ->
    [one] { $nf } habitant
   *[other] { $nf } habitants
}
nombre-communes = { $n ->
    [one] { $nf } commune
   *[other] { $nf } communes
}
nombre-departements = { $n ->
    [one] { $nf } département
   *[other] { $nf } départements
}
nombre-intercommunalites = { $n ->
    [one] { $nf } intercommunalité
   *[other] { $nf } intercommunalités
}
nombre-resultats = { $n ->
    [0] Aucun résultat
    [one] { $nf } résultat
   *[other] { $nf } résultats
}

## Pagination

pagination-titre = Pagination
pagination-precedente = Page précédente
pagination-suivante = Page suivante
pagination-position = Page { $page } sur { $pages }

## Erreurs (les textes disent quoi faire)

erreur-retour-accueil = Revenir à l'accueil
erreur-code = Erreur { $code }
erreur-champs-titre = À corriger
erreur-400-titre = Requête incorrecte
erreur-400-texte = La requête est mal formée. Vérifiez l'adresse ou les valeurs saisies, puis réessayez.
erreur-403-titre = Accès refusé
erreur-403-texte = Requête refusée : elle vient d'un autre site que celui-ci. Recommencez depuis une page de ce site.
erreur-404-titre = Page introuvable
erreur-404-texte = Aucune page ne correspond à cette adresse. Vérifiez le code ou le lien, ou repartez de l'accueil.
erreur-405-titre = Méthode non acceptée
erreur-405-texte = Cette adresse ne répond pas à ce type de requête. Utilisez un lien ou un formulaire de ce site.
erreur-408-titre = Délai dépassé
erreur-408-texte = La réponse a pris trop de temps. Réessayez dans un instant.
erreur-409-titre = Conflit
erreur-409-texte = La demande arrive trop tard : la ressource a changé entre-temps. Rechargez la page puis recommencez.
erreur-413-titre = Envoi trop volumineux
erreur-413-texte = Les données envoyées dépassent la taille acceptée. Réduisez-les puis réessayez.
erreur-415-titre = Format non pris en charge
erreur-415-texte = Le format des données envoyées n'est pas accepté. Envoyez du JSON (application/json) ou un formulaire.
erreur-422-titre = Valeurs invalides
erreur-422-texte = Certaines valeurs ne conviennent pas. Corrigez les champs indiqués puis réessayez.
erreur-429-titre = Trop de requêtes
erreur-429-texte = Vous avez envoyé beaucoup de requêtes en peu de temps. Patientez quelques secondes puis réessayez.
erreur-500-titre = Erreur interne
erreur-500-texte = Une erreur s'est produite de notre côté. Elle a été consignée ; réessayez dans un instant.
erreur-503-titre = Le service démarre
erreur-503-texte = La plateforme termine son démarrage (préparation de la base de données). Réessayez dans quelques secondes.
erreur-charge-titre = Service très sollicité
erreur-charge-texte = Trop de demandes arrivent en même temps : celle-ci n'a pas été traitée. Réessayez dans une seconde.

## Pages « Sources et licences », « Données ouvertes », « Mentions légales », API

sources-titre = Sources et licences
sources-intro = Chaque donnée affichée ici vient d'une source publique. Voici, pour chaque jeu de données embarqué dans la plateforme, son origine, sa licence et ce que nous en avons fait.
sources-jeu = Jeu de données
sources-origine = Origine
sources-licence = Licence
sources-traitement = Ce que nous en faisons
sources-mention = Mention à faire
sources-logiciel-titre = Le logiciel
sources-logiciel-texte = Le code de la plateforme est un logiciel libre, publié sous licence GNU Affero General Public License, version 3 ou ultérieure (AGPL-3.0-or-later). Les bibliothèques qu'il embarque gardent leurs propres licences.
sources-odd-nom = Objectifs, cibles et indicateurs des ODD
sources-odd-origine = Nations Unies (résolutions A/RES/70/1 et A/RES/71/313) ; traductions du projet Open SDG (dépôt open-sdg/sdg-translations).
sources-odd-licence = Fichiers : licence MIT (Open SDG) ; textes : documents officiels des Nations Unies.
sources-odd-traitement = Codes normalisés (17.16.1), ordre officiel, quatre indicateurs retirés en 2020 signalés comme tels, indicateurs répétés sous plusieurs cibles reliés entre eux. Couleurs : palette des lignes directrices de communication des Nations Unies.
sources-odd-mention = Objectifs, cibles et indicateurs : Nations Unies ; traductions : projet Open SDG (licence MIT).
sources-territoires-nom = Découpage administratif (COG 2026)
sources-territoires-origine = INSEE (Code officiel géographique, populations légales), DGCL (liste des EPCI à fiscalité propre 2026), INSEE (liste des EPT), La Poste (codes postaux), via le paquet @etalab/decoupage-administratif 6.0.0.
sources-territoires-licence = Licence Ouverte 2.0 (Etalab).
sources-territoires-traitement = Régions, départements, collectivités d'outre-mer, EPCI et EPT, communes actuelles. Populations des régions et départements calculées en additionnant celles de leurs communes ; populations des intercommunalités reprises de la DGCL. L'année de référence n'est donnée que lorsque la source l'indique (recensement 2017 pour Mayotte).
sources-territoires-mention = Découpage administratif : INSEE, DGCL, La Poste — via @etalab/decoupage-administratif 6.0.0 (Licence Ouverte).
sources-contours-nom = Contours des régions et des départements
sources-contours-origine = IGN, ADMIN EXPRESS COG édition 2018, via le dépôt gregoiredavid/france-geojson ; tracés simplifiés.
sources-contours-licence = Licence Ouverte 2.0.
sources-contours-traitement = Projection conique conforme de Lambert pour la métropole ; chaque département et région d'outre-mer est dessiné dans son propre encart, à une échelle qui lui est propre. Aucune limite n'a changé depuis 2018.
sources-contours-mention = Contours : IGN — ADMIN EXPRESS COG 2018, via gregoiredavid/france-geojson (Licence Ouverte).
sources-textes-licences = Textes des licences
sources-texte-lo = Licence Ouverte 2.0
sources-texte-mit-sdg = Licence MIT d'Open SDG
sources-texte-mit-etalab = Licence MIT du code de @etalab/decoupage-administratif (non embarqué, pour information)

donnees-ouvertes-titre = Données ouvertes et API
donnees-ouvertes-intro = Tout ce que la plateforme publie est réutilisable : la base des alliances, les chiffres clés, les catalyseurs et les outils en téléchargement complet, et les données de référence par une API JSON documentée.
donnees-ouvertes-api-titre = L'API JSON
donnees-ouvertes-api-texte = L'API répond sous /api/v1 en JSON, avec des clés en français. Une collection renvoie un total et une liste de résultats paginée (paramètres page et par_page, 1 000 au plus) ; une erreur renvoie un document problem+json qui explique quoi corriger.
donnees-ouvertes-doc = Documentation interactive de l'API
donnees-ouvertes-openapi = Description OpenAPI (JSON)
donnees-ouvertes-exemples-titre = Quelques requêtes
donnees-ouvertes-jeux-titre = Jeux de données disponibles
donnees-ouvertes-jeu-odd = Objectifs, cibles et indicateurs des ODD (français et anglais)
donnees-ouvertes-jeu-territoires = Régions, départements, intercommunalités et communes, avec leurs populations
donnees-ouvertes-jeu-recherche = Recherche de territoires par nom, code ou code postal
donnees-ouvertes-licences = Les conditions de réutilisation de chaque jeu sont détaillées dans « Sources et licences ».

mentions-titre = Mentions légales
mentions-intro = Cette plateforme est un logiciel libre que chacun peut installer. Les informations ci-dessous concernent cette instance ; elles sont fournies par son opérateur.
mentions-editeur = Éditeur
mentions-adresse = Adresse
mentions-contact = Contact
mentions-directeur = Directeur ou directrice de la publication
mentions-hebergeur = Hébergement
mentions-a-renseigner = à renseigner par l'opérateur de l'instance (clé de configuration { $cle })
mentions-logiciel-titre = Logiciel
mentions-logiciel-texte = Alliances est publié sous licence AGPL-3.0-or-later : vous pouvez l'utiliser, l'étudier, le modifier et le redistribuer dans les conditions de cette licence.
mentions-donnees-titre = Données
mentions-donnees-texte = Les données de référence proviennent de sources publiques détaillées dans « Sources et licences ».

api-docs-titre = Documentation de l'API
api-docs-intro = Cette page charge une interface de documentation interactive (Swagger UI, servie par cette instance). Sans JavaScript, la description complète reste lisible au format OpenAPI.
api-docs-openapi = Ouvrir la description OpenAPI (JSON)
