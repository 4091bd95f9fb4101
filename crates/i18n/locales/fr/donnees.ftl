# Module Données : l'observatoire des chiffres clés, les cartes, les fiches repères.

donnees-annee-non-precisee = année non précisée
donnees-rang = { $n ->
    [one] 1er rang
   *[other] { $n }e rang
}
donnees-valeur-absente = valeur non donnée par la source
donnees-lecture-pourcentage = Lecture : la part des { $population } qui « { $libelle } » est de { $valeur } ({ $source }).
donnees-lecture-denombrement = Lecture : { $libelle } ({ $source }).
donnees-lecture-rang = Lecture : « { $libelle } » arrive au { $rang } des fragilités perçues par les { $population } ({ $source }).
donnees-lecture-rang-valeur = Lecture : « { $libelle } » arrive au { $rang } des fragilités perçues par les { $population }, avec { $valeur } ({ $source }).
donnees-lecture-fragilite = Lecture : « { $libelle } » figure parmi les fragilités perçues par les { $population }, sans rang ni valeur donnés ({ $source }).
donnees-lecture-fragilite-valeur = Lecture : « { $libelle } » figure parmi les fragilités perçues par les { $population }, avec { $valeur } ({ $source }).
donnees-lecture-reprise = Lecture : cette publication ({ $source }) reprend la mesure { $id } ({ $valeur }) ; ce n'est pas une nouvelle mesure.
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

## L'observatoire (/donnees)
donnees-titre = Données : l'observatoire des alliances
donnees-description = Les chiffres clés des alliances en France, chacun avec son étude, sa population, son année, son échantillon et sa source ; les cartes nationales, les territoires et les catalyseurs.
donnees-intro = Qui dit quoi sur les alliances, d'après quelle étude et auprès de qui : chaque chiffre garde sa provenance, les graphiques se lisent d'un coup d'œil et chaque territoire a sa synthèse.
donnees-nav-chiffres = Les chiffres clés
donnees-nav-chiffres-texte = Par thème et par population, filtrables par programme, année et région, avec leurs graphiques et leurs tableaux.
donnees-nav-cartes = Les cartes de France
donnees-nav-cartes-texte = Alliances, lieux d'accompagnement et catalyseurs par département ou par région, outre-mer compris.
donnees-nav-catalyseurs = Les catalyseurs territoriaux
donnees-nav-catalyseurs-texte = L'annuaire des organisations qui réunissent les acteurs d'un territoire.
donnees-nav-territoires = Les synthèses territoriales
donnees-nav-territoires-texte = Pour chaque région, département, intercommunalité et commune : ses alliances, ses objectifs, ses lieux, ses catalyseurs.
donnees-nav-reperes = Les fiches repères
donnees-nav-reperes-texte = Une page imprimable par type d'acteur, par domaine et par territoire.
donnees-nav-ouvertes = Les données ouvertes
donnees-nav-ouvertes-texte = Les chiffres clés et les catalyseurs en CSV, avec leur schéma, et l'API.
donnees-chiffres-titre = Les chiffres clés
donnees-lire = Comment lire ces chiffres : chaque ligne est une valeur publiée, avec son étude et sa population. Une même mesure citée par plusieurs publications n'est comptée qu'une fois (les reprises sont signalées) ; quand deux sources donnent deux valeurs pour le même énoncé, les deux sont montrées côte à côte avec la raison de l'écart. Un chiffre sans année se lit « année non précisée » et n'entre dans aucune évolution.
donnees-filtres = Filtrer les chiffres
donnees-filtre-theme = Thème
donnees-filtre-population = Population interrogée
donnees-filtre-programme = Programme d'études
donnees-filtre-annee = Année
donnees-filtre-region = Région
donnees-nb-chiffres = { $n ->
    [one] { $nf } chiffre
   *[other] { $nf } chiffres
}
donnees-nb-mesures = { $n ->
    [one] { $nf } mesure
   *[other] { $nf } mesures
}
donnees-nb-reprises = { $n ->
    [one] { $nf } reprise d'une mesure
   *[other] { $nf } reprises de mesures
}
donnees-aucun = Aucun chiffre ne répond à ces filtres. Retirez-en un pour élargir.
donnees-sommaire = Thèmes
donnees-theme-autres = Autres chiffres
donnees-enonce = Énoncé :
donnees-graphique-titre = Part des répondants : « { $libelle } », par population
donnees-evolution-titre = Évolution dans le temps — { $population }
donnees-evolution-aide = seules les mesures indépendantes datées y figurent.
donnees-tableau-enonce = Les chiffres de cet énoncé
donnees-col-population = Population
donnees-col-valeur = Valeur
donnees-col-etude = Étude et année
donnees-col-echantillon = Échantillon
donnees-col-fiche = Fiche
donnees-col-region = Région
donnees-col-rang-1 = 1re fragilité
donnees-col-rang-2 = 2e
donnees-col-rang-3 = 3e
donnees-col-sans-rang = Sans rang donné
donnees-col-constat = Constat
donnees-non-precise = non précisé
donnees-marque-reprise = reprise de la mesure { $id }
donnees-marque-ecart = autre valeur publiée : { $valeur } ({ $id })
donnees-marque-non-corrobore = non corroboré
donnees-sources = Sources :
donnees-fragilites-caption = Les fragilités perçues par les habitants, par région
donnees-fragilites-aide = L'emploi arrive en tête dans chacune des treize régions étudiées par PHARE-Citoyens (2015) ; les pourcentages ne sont donnés que pour quelques régions.
donnees-denombrements-caption = Les dénombrements régionaux
donnees-denombrements-aide = Ces nombres comptent des lauréats d'un appel ou des présents à une rencontre, pas tous les projets de la région : une région absente n'en a pas forcément zéro.

## Une fiche chiffre
donnees-chez = chez les { $population }
donnees-non-corrobore-titre = Chiffre non corroboré.
donnees-non-corrobore-texte = Nous n'avons pas pu le vérifier dans une seconde source ; lisez sa note avant de le citer.
donnees-reprise-titre = Reprise d'une mesure.
donnees-reprise-texte = Cette publication cite à nouveau une mesure publiée auparavant : ce n'est pas un second chiffre.
donnees-reprise-editoriale = Même valeur, même énoncé et même population qu'une mesure publiée auparavant, sans que l'étude d'origine soit nommée : nous la présentons comme une reprise de cette mesure (rapprochement éditorial), pas comme une nouvelle mesure.
donnees-voir-mesure = Voir la mesure d'origine ({ $id })
donnees-ecarts-titre = Deux valeurs publiées pour le même énoncé
donnees-ecarts-intro = Les sources ne donnent pas la même valeur pour ce même énoncé et cette même population. Les deux sont gardées, côte à côte, avec ce que chacune dit de son origine.
donnees-provenance-titre = Provenance
donnees-champ-valeur = Valeur
donnees-champ-population = Population interrogée
donnees-champ-etude = Étude
donnees-champ-programme = Programme
donnees-champ-annee = Année
donnees-champ-terrain = Dates du terrain
donnees-champ-echantillon = Échantillon
donnees-champ-methode = Méthode
donnees-champ-institut = Institut
donnees-champ-region = Région
donnees-champ-sources = Sources
donnees-champ-note = À savoir
donnees-jamais-zero = (la source ne donne pas de valeur chiffrée : elle n'est pas remplacée par zéro)
donnees-personnes = { $n ->
    [one] { $nf } personne interrogée
   *[other] { $nf } personnes interrogées
}
donnees-note-source = Note de la table de faits (en anglais)
donnees-citations-titre = Citée aussi par
donnees-citations-intro = Ces publications reprennent cette mesure ; elles ne sont pas des mesures de plus.
donnees-comparables-titre = Les chiffres comparables
donnees-comparables-aide = Le même énoncé pour d'autres populations ou d'autres années.
donnees-repere-acteur = Fiche repère : { $acteur }
donnees-json = Ce chiffre en JSON

## Les cartes nationales
cartes-titre = Cartes de France
cartes-description = Les alliances, les lieux d'accompagnement France services et les catalyseurs territoriaux par département et par région, outre-mer compris, avec leurs tableaux.
cartes-intro = Choisissez un indicateur et une échelle. Chaque carte a son tableau, sa méthode et la date de ses données ; les départements et régions d'outre-mer sont en encarts.
cartes-choisir-indicateur = Indicateur
cartes-choisir-echelle = Échelle
cartes-echelle-departements = départements
cartes-echelle-regions = régions
cartes-par-departements = par département
cartes-par-regions = par région
cartes-afficher = Afficher la carte
cartes-indicateur-alliances-habitants = Alliances pour 100 000 habitants
cartes-indicateur-alliances-economique = Alliances du domaine économique
cartes-indicateur-alliances-social = Alliances du domaine social
cartes-indicateur-alliances-environnemental = Alliances du domaine environnemental
cartes-indicateur-alliances-societal = Alliances du domaine sociétal
cartes-indicateur-france-services-habitants = Structures France services pour 100 000 habitants
cartes-indicateur-catalyseurs = Catalyseurs territoriaux situés dans le territoire
cartes-alliances-habitants-titre = Alliances pour 100 000 habitants, { $echelle }
cartes-alliances-domaine-titre = Alliances du domaine { $domaine }, { $echelle }
cartes-france-services-titre = Structures France services pour 100 000 habitants, { $echelle }
cartes-catalyseurs-titre = Catalyseurs territoriaux, { $echelle }
cartes-alliances-habitants-methode = Une alliance compte dans chaque territoire où elle est située : ses communes et intercommunalités comptent dans leur département et leur région ; une alliance placée par sa seule région compte dans la région, pas dans ses départements ; une alliance nationale ne compte nulle part.
cartes-alliances-domaine-methode = Nombre d'alliances de ce domaine situées dans le territoire (une alliance de plusieurs domaines compte dans chacun). Mêmes règles de placement que pour les alliances par habitant.
cartes-france-services-methode = Chaque structure France services est comptée dans la commune où elle se trouve (un arrondissement municipal ou une commune déléguée est rattaché à sa commune), donc dans son département et sa région.
cartes-catalyseurs-methode = Catalyseurs de l'annuaire situés dans le territoire : leur commune, leur intercommunalité ou leur département s'y trouve, ou c'est le territoire lui-même. Un catalyseur régional compte dans sa région, pas dans ses départements ; les organismes nationaux ne comptent nulle part.
cartes-alliances-habitants-date = Alliances : la base de la plateforme au { $date }. Populations : populations municipales INSEE (Code officiel géographique 2026).
cartes-alliances-domaine-date = Alliances : la base de la plateforme au { $date }.
cartes-france-services-date = Structures France services : ANCT, liste du 1er août 2024. Populations : populations municipales INSEE (Code officiel géographique 2026).
cartes-catalyseurs-date = Catalyseurs : l'annuaire de la plateforme au { $date }.
cartes-methode-titre = Méthode et date des données
cartes-methode-population = Taux : nombre rapporté à la population municipale du territoire (somme de ses communes), multiplié par 100 000. La source des populations ne précise pas leur année de référence.
cartes-methode-classes = Couleurs : cinq classes d'effectifs égaux parmi les territoires qui ont au moins un élément (quantiles) ; le blanc signifie zéro.
cartes-legende-taux = Pour 100 000 habitants :
cartes-legende-nombre = Nombre :
cartes-encarts = Guadeloupe, Martinique, Guyane, La Réunion et Mayotte figurent en encarts, chacune à sa propre échelle. Chaque territoire de la carte est un lien vers sa page.
cartes-tableau-titre = Le tableau de la carte
cartes-total = { $n ->
    [one] { $nf } au total sur la carte.
   *[other] { $nf } au total sur la carte (un élément compte une fois par territoire où il est situé).
}
cartes-col-taux = Pour 100 000 habitants
cartes-col-nombre = Nombre
cartes-unite-habitants = { " " }pour 100 000 habitants

## Sources et licences
sources-chiffres-nom = Chiffres clés et faits régionaux de l'observatoire
sources-chiffres-origine = Tables de faits compilées pour le projet à partir de pages publiques (Le RAMEAU et l'Observatoire des partenariats, Carenews, Banque des Territoires, Villes au Carré, CRESS…) : chaque ligne cite ses sources.
sources-chiffres-licence = Licence Ouverte 2.0, avec les adresses des sources.
sources-chiffres-traitement = Les deux tables réunies dans une même disposition ; populations codées ; notes rédigées en français par l'équipe Alliances à partir des notes de la table ; classement par thème, reprises d'une même mesure et valeurs discordantes signalés (classement éditorial). Aucune valeur n'est estimée.
sources-chiffres-mention = Chiffres clés : sources citées sur chaque fiche ; compilation et notes du projet Alliances (Licence Ouverte 2.0).
sources-catalyseurs-nom = Annuaire des catalyseurs territoriaux
sources-catalyseurs-origine = Table de faits compilée pour le projet à partir des pages publiques citées sur chaque fiche, avec leur date de consultation.
sources-catalyseurs-licence = Licence Ouverte 2.0, avec les adresses des sources.
sources-catalyseurs-traitement = Genres et métiers codés ; un catalyseur sans code INSEE est situé par sa région. C'est un échantillon documenté, pas un recensement.
sources-catalyseurs-mention = Catalyseurs : sources citées sur chaque fiche ; compilation du projet Alliances (Licence Ouverte 2.0).
sources-franceservices-nom = Structures France services
sources-franceservices-origine = ANCT (service cartographie), liste des structures France services du 1er août 2024 (dépôt anct-carto/france_services).
sources-franceservices-licence = Licence Ouverte 2.0.
sources-franceservices-traitement = Coordonnées de contact, horaires et commentaires retirés ; chaque structure est rattachée à sa commune actuelle (un arrondissement municipal ou une commune déléguée l'est à sa commune).
sources-franceservices-mention = ANCT — Liste des structures France services, mise à jour du 1er août 2024.
donnees-fiche-du-chiffre = Fiche du chiffre
donnees-ouvertes-jeu-outils = Outils pour faire alliance
donnees-ouvertes-outils-titre = Les outils
donnees-ouvertes-outils-intro = Les outils qui aident à construire une alliance — référentiels, guides, kits, fonds, réseaux, formations —, avec leur éditeur, leurs sources et notre classement par phase, public et niveau de maturité, sous { $licence }.
donnees-ouvertes-outils-csv = tableau CSV (UTF-8), une ligne par outil, dans la disposition que lit « alliances import outils »
donnees-ouvertes-champs-outils = Les champs du CSV des outils
