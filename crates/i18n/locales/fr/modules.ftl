# Les cinq modules M.E.D.O.C. : nom et résumé (page d'accueil).
# Rappel : pas d'accolades dans les textes (placeables Fluent), pas de HTML.

## M — Méthodes

module-methodes-nom = Méthodes
module-methodes-resume = Un questionnement guidé pour savoir où vous en êtes et par où commencer.

## E — Exemples

module-exemples-nom = Exemples
module-exemples-resume = Des alliances réelles, documentées et sourcées, pour s'inspirer.

## D — Données

module-donnees-nom = Données
module-donnees-resume = Les chiffres clés des alliances, toujours accompagnés de leur source.

## O — Outils

module-outils-nom = Outils
module-outils-resume = Guides, kits, modèles et autres ressources, classés pour trouver le bon outil au bon moment.

## C — Compétences

module-competences-nom = Compétences
module-competences-resume = Un parcours d'apprentissage pour se former à faire alliance, à son rythme.
