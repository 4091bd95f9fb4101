# Les cinq modules M.E.D.O.C. et leurs pages « bientôt ».
# Rappel : pas d'accolades dans les textes (placeables Fluent), pas de HTML.

## Textes communs aux modules en construction

module-bientot-badge = Bientôt
module-bientot-titre = Ce module est en construction
module-bientot-texte =
    Il n'est pas encore disponible. Plutôt que d'afficher des contenus fictifs, nous décrivons
    ici ce qu'il proposera.
module-prevu-titre = Ce qui est prévu
module-en-attendant-titre = En attendant

## M — Méthodes

module-methodes-nom = Méthodes
module-methodes-resume = Un questionnement guidé pour savoir où vous en êtes et par où commencer.
module-methodes-intro =
    Ce module proposera une démarche de questionnement guidée : qui suis-je, pourquoi faire
    alliance, où en suis-je, avec qui, et comment. Vous en retirerez votre profil, votre niveau
    de maturité pour chaque dimension (Découvrir, Expérimenter, Structurer ou Catalyser) et un
    parcours personnel à travers les exemples, les données, les outils et les compétences.
    Une personne qui anime une alliance pourra aussi mener la démarche avec plusieurs partenaires,
    pour voir où leurs regards se rejoignent et où ils divergent.
module-methodes-prevu-1 = Un questionnaire guidé, qui tient compte de vos réponses précédentes
module-methodes-prevu-2 = Votre profil, votre maturité par dimension et un parcours sur mesure
module-methodes-prevu-3 = Un diagnostic partagé : chaque partenaire répond de son côté, puis les réponses sont mises en regard

## E — Exemples

module-exemples-nom = Exemples
module-exemples-resume = Des alliances réelles, documentées et sourcées, pour s'inspirer.
module-exemples-intro =
    Ce module réunira des alliances qui existent vraiment, chacune décrite avec ses sources et la
    date de sa dernière vérification. Chaque fiche dira qui fait quoi, où, depuis quand et avec
    quels résultats. Vous pourrez les rechercher selon les acteurs en présence, les domaines, le
    territoire, l'objectif et la cible ODD, le mode de relation ou la fragilité traitée.
module-exemples-prevu-1 = Une recherche par types d'acteurs, domaines, territoire, ODD et cible, modes de relation et fragilités
module-exemples-prevu-2 = Une carte des alliances, et pour chacune des exemples proches
module-exemples-prevu-3 = Sur chaque fiche, ses sources et la date de sa dernière vérification

## D — Données

module-donnees-nom = Données
module-donnees-resume = Les chiffres clés des alliances, toujours accompagnés de leur source.
module-donnees-intro =
    Ce module présentera les chiffres clés sur les partenariats et les alliances. Chaque chiffre
    dira d'où il vient : l'étude, la population interrogée, l'année et la source. Des pages par
    territoire rassembleront, carte à l'appui, les alliances, les chiffres et les catalyseurs
    d'une région, d'un département ou d'une intercommunalité.
module-donnees-prevu-1 = Des chiffres clés avec leur étude, leur population, leur année et leur source
module-donnees-prevu-2 = Des graphiques pour comparer les réponses des différentes populations interrogées
module-donnees-prevu-3 = Des pages territoriales avec une carte de la France, outre-mer compris

## O — Outils

module-outils-nom = Outils
module-outils-resume = Guides, kits, modèles et autres ressources, classés pour trouver le bon outil au bon moment.
module-outils-intro =
    Ce module cartographiera les outils qui aident à faire alliance : guides, référentiels, kits,
    modèles, autodiagnostics, jeux, fonds, réseaux et formations. Chacun sera situé selon la phase
    du projet à laquelle il sert, le public auquel il s'adresse et le niveau de maturité qu'il
    suppose. Vous trouverez ainsi ce qui convient à l'étape où vous en êtes.
module-outils-prevu-1 = Un catalogue d'outils décrits et sourcés, avec leur éditeur et leurs conditions d'accès
module-outils-prevu-2 = Un classement par phase, de « comprendre » à « essaimer »
module-outils-prevu-3 = Des filtres par public et par niveau de maturité

## C — Compétences

module-competences-nom = Compétences
module-competences-resume = Un parcours d'apprentissage pour se former à faire alliance, à son rythme.
module-competences-intro =
    Ce module proposera le parcours « Alliances et Territoires » : des leçons et des quiz pour
    apprendre à faire alliance, en version de 2 h, 4 h ou 12 h selon le temps dont vous disposez.
    Votre progression sera conservée, et un certificat vérifiable attestera du parcours accompli.
module-competences-prevu-1 = Des leçons et des quiz, avec l'explication de chaque réponse
module-competences-prevu-2 = Trois formats au choix : 2 h, 4 h ou 12 h
module-competences-prevu-3 = Un suivi de progression et un certificat vérifiable
