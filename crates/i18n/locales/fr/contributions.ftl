## Contributions, modération et historique

proposition-statut-en_attente = En attente de modération
proposition-statut-changements_demandes = Modifications demandées
proposition-statut-acceptee = Acceptée et publiée
proposition-statut-refusee = Refusée

contributions-titre = Mes contributions
contributions-intro = Vos propositions d'alliances, d'outils, de catalyseurs et de modifications, la plus récente d'abord, avec la réponse des modérateurs.
contributions-aucune = Vous n'avez encore rien proposé.
contributions-message = Message des modérateurs :
espace-contributions-titre = Contributions
espace-contributions-texte = Proposez des alliances et des corrections ; suivez leur modération.
espace-contributions-lien = Mes contributions

moderation-titre = Modération
moderation-intro = Les propositions en attente, la plus ancienne d'abord. Chacune montre, champ par champ, ce qu'elle change dans la fiche publiée.
moderation-filtres = Filtrer les propositions
moderation-genre = Nature de la fiche
moderation-tous = Toutes
moderation-genre-alliance = Alliances
moderation-territoire = Territoire (nom ou code INSEE)
moderation-age = Ancienneté
moderation-age-tous = Toutes
moderation-age-7 = Plus de 7 jours
moderation-age-30 = Plus de 30 jours
moderation-filtrer = Filtrer
moderation-vide = Aucune proposition n'attend de décision avec ces filtres.
moderation-nombre =
    { $n ->
        [one] { $nf } proposition en attente
       *[other] { $nf } propositions en attente
    }
moderation-jours =
    { $n ->
        [0] aujourd'hui
        [one] il y a { $nf } jour
       *[other] il y a { $nf } jours
    }
moderation-fiche = Fiche
moderation-nature = Nature
moderation-nouvelle = Nouvelle fiche
moderation-modification = Modification
moderation-ok-acceptee = Proposition acceptée : la nouvelle révision est publiée et sera trouvée par la recherche dans quelques secondes.
moderation-ok-refusee = Proposition refusée ; le contributeur voit votre motif dans « mes contributions ».
moderation-ok-changements_demandes = Proposition renvoyée ; le contributeur voit votre message dans « mes contributions ».
moderation-proposition-titre = Proposition : { $nom }
moderation-voir-fiche = voir la fiche publiée
moderation-par = par { $nom }
moderation-perime = La fiche a changé depuis cette proposition : vérifiez que celle-ci n'efface pas une correction publiée entre-temps.
moderation-note = Note du contributeur
moderation-diff-titre = Ce qui change
moderation-diff-vide = Cette proposition ne change aucun champ de la fiche publiée.
moderation-diff-nombre =
    { $n ->
        [one] { $nf } champ modifié
       *[other] { $nf } champs modifiés
    }
moderation-champ = Champ
moderation-avant = Publié
moderation-apres = Proposé
moderation-vide-valeur = (vide)
moderation-decision = Décision
moderation-accepter-titre = Accepter
moderation-accepter-texte = La proposition est vérifiée à nouveau, puis publiée comme nouvelle révision de la fiche.
moderation-accepter = Accepter et publier
moderation-demander-titre = Demander des modifications
moderation-message-demander = Ce que le contributeur doit changer
moderation-demander = Renvoyer au contributeur
moderation-refuser-titre = Refuser
moderation-message-refuser = Motif du refus, montré au contributeur
moderation-refuser = Refuser la proposition

historique-titre = Historique : { $nom }
historique-intro = Chaque révision publiée de la fiche, la plus récente d'abord : quand, par qui, et quels champs ont changé.
historique-revision = Révision { $n }
historique-courante = version en ligne
historique-champs = Champs modifiés :
historique-restaurer = Restaurer la révision { $n }
historique-import = données importées
historique-source-import = import
historique-source-proposition = proposition
historique-source-restauration = restauration
historique-lien = Historique de la fiche

admin-action-accepter = proposition acceptée
admin-action-refuser = proposition refusée
admin-action-demander = modifications demandées
admin-action-restaurer = révision restaurée

proposer-titre-alliance = Proposer une alliance
proposer-intro-alliance = Décrivez une alliance réelle à partir de sources publiques : un modérateur vérifie la proposition avant de la publier. Les champs suivent ceux de la base ; ce que les sources ne disent pas reste vide.
proposer-modifier-titre = Proposer une modification : { $nom }
proposer-modifier-intro = Corrigez ou complétez la fiche à partir de sources publiques. Un modérateur verra, champ par champ, ce que vous changez.
proposer-reviser-titre = Réviser la proposition : { $nom }
proposer-reviser-intro = Un modérateur vous a demandé des modifications. Corrigez la proposition, puis envoyez-la de nouveau.
proposer-message-moderateur = Message du modérateur
proposer-identite = L'alliance
proposer-nom-alliance = Nom de l'alliance
proposer-slug = Identifiant
proposer-slug-aide = Minuscules, chiffres et tirets, par exemple « ptce-vivre-les-mureaux » ; il forme l'adresse de la fiche et ne change plus.
proposer-resume = Résumé
proposer-resume-aide = Une ou deux phrases, 400 caractères au plus, dans vos propres mots.
proposer-description = Description
proposer-partenaires = Partenaires
proposer-partenaires-aide = Une ligne par organisation : son nom, son type et son rôle dans l'alliance. Les lignes vides sont ignorées.
proposer-partenaire-nom = Partenaire { $n } : nom
proposer-partenaire-type = Partenaire { $n } : type d'acteur
proposer-partenaire-role = Partenaire { $n } : rôle
proposer-territoires = Territoires
proposer-territoires-aide = Écrivez chaque territoire par son nom (« Les Mureaux ») ou son code INSEE (« 78440 ») ; un nom porté par plusieurs territoires demande le code.
proposer-niveau = Échelle de l'alliance
proposer-territoire-libelle = Territoire tel que les sources le nomment
proposer-territoire-n = Territoire { $n } (nom ou code)
proposer-choisir = — choisir —
proposer-classements = Domaines, modes de relation et fragilités
proposer-domaines = Domaines
proposer-modes = Modes de relation (déclarés par les sources)
proposer-fragilites = Fragilités territoriales traitées
proposer-odd = Objectifs de développement durable
proposer-odd-aide = Cochez seulement les objectifs que les sources déclarent ; sans objectif coché, la fiche indique « non précisé ». Les cibles s'écrivent comme « 17.17 ».
proposer-objectifs = Objectifs déclarés
proposer-cible-n = Cible { $n }
proposer-resultats-titre = Résultats, leviers et obstacles
proposer-lignes-aide = Un élément par ligne, tel que les sources le rapportent.
proposer-resultats = Résultats
proposer-leviers = Leviers
proposer-obstacles = Obstacles
proposer-reproductibilite = Reproductibilité
proposer-calendrier = Calendrier
proposer-debut = Début
proposer-debut-aide = Année (« 2017 ») ou mois (« 2017-09 »).
proposer-sources = Sources
proposer-sources-aide = L'adresse de chaque source publique et la date où vous l'avez consultée (AAAA-MM-JJ). Au moins une source est demandée.
proposer-source-url = Source { $n } : adresse
proposer-source-date = Source { $n } : consultée le
proposer-note = Note aux modérateurs (facultative)
proposer-note-aide = Ce qui aide à vérifier votre proposition ; elle n'est pas publiée.
proposer-doublons-titre = Ces fiches existent peut-être déjà
proposer-doublons-texte = Des fiches au nom proche existent déjà (sur le même territoire, pour une alliance ou un catalyseur). Si l'une d'elles décrit la même chose, proposez plutôt une modification depuis sa page ; sinon, cochez la case en bas du formulaire et envoyez de nouveau.
proposer-pas-doublon = J'ai vérifié : ce n'est aucune de ces fiches.
proposer-envoyer = Envoyer la proposition
proposer-lignes = Ajouter des lignes
contributions-ok-envoyee = Proposition envoyée : elle attend la décision d'un modérateur.
contributions-ok-revisee = Proposition révisée : elle attend de nouveau la décision d'un modérateur.
contributions-nouvelle = Proposer une alliance
contributions-reviser = Réviser cette proposition
exemples-proposer-modification = Proposer une modification
signaler-lien = Signaler une erreur
signaler-titre = Signaler une erreur : { $nom }
signaler-intro = Une information inexacte, datée ou manquante ? Dites-le en quelques mots, avec si possible la source qui le montre. Un modérateur examinera votre signalement ; il n'est pas publié.
signaler-membre = Vous pouvez aussi corriger la fiche vous-même :
signaler-texte = Ce qui est inexact, et ce qu'il faudrait écrire
signaler-texte-aide = 2 000 caractères au plus. N'y mettez pas de coordonnées personnelles.
signaler-envoyer = Envoyer le signalement
signaler-merci = Merci : votre signalement est transmis aux modérateurs.
signaler-retour = Revenir à la fiche
moderation-genre-signalement = Signalements d'erreur
moderation-signalement = Signalement d'erreur
moderation-visiteur = visiteur sans compte
moderation-traiter-titre = Marquer comme traité
moderation-traiter-texte = Corrigez la fiche (par une proposition de modification), puis fermez ce signalement.
moderation-traiter = Marquer comme traité
admin-action-traiter = signalement traité
historique-champs-initiaux = Champs renseignés :

# Tools and catalyseurs (issue 14)
proposer-titre-outil = Proposer un outil
proposer-intro-outil = Décrivez un outil qui aide à faire alliance — guide, référentiel, kit, formation, fonds, réseau… — à partir de sa page officielle et de sources publiques. Un modérateur vérifie la proposition avant de la publier.
proposer-titre-catalyseur = Proposer un catalyseur
proposer-intro-catalyseur = Décrivez une organisation dont le métier inclut de réunir les acteurs d'un territoire (CRESS, fondation territoriale, PTCE, réseau de tiers-lieux…), à partir de sources publiques. Un modérateur vérifie la proposition avant de la publier.
proposer-identite-outil = L'outil
proposer-identite-catalyseur = Le catalyseur
proposer-nom-outil = Nom de l'outil
proposer-nom-catalyseur = Nom de l'organisation
proposer-editeur-aide = L'organisation qui publie l'outil, telle que les sources la nomment ; plusieurs séparées par « ; ».
proposer-outil-description-aide = Ce que l'outil permet de faire, en deux ou trois phrases, dans vos propres mots.
proposer-outil-classements = Type, phases, publics et maturité
proposer-public-tous = Tous les acteurs
proposer-maturite-aide = Ne cochez rien si l'outil convient à tous les niveaux.
proposer-acces-titre = Page officielle, accès et langues
proposer-langues-aide = Codes ISO 639 séparés par des virgules, par exemple « fr, en ».
proposer-catalyseur-genre = Genre d'organisation
proposer-catalyseur-precision = Précision sur le genre (facultative)
proposer-catalyseur-precision-aide = Ce que les sources ajoutent, par exemple « fondation tête de réseau ».
proposer-catalyseur-metiers = Métiers de catalyse
proposer-catalyseur-niveau = Échelle du territoire servi
proposer-catalyseur-fondation = Année de création
proposer-catalyseur-site = Site officiel
proposer-catalyseur-territoires-aide = L'échelle, puis le territoire servi par son nom ou son code INSEE. Si aucun territoire actuel ne correspond, cochez seulement la ou les régions où l'organisation agit. Un catalyseur national n'a ni territoire ni région.
proposer-catalyseur-regions = Régions où il agit (seulement sans territoire ci-dessus)
contributions-nouvel-outil = Proposer un outil
contributions-nouveau-catalyseur = Proposer un catalyseur
moderation-genre-outil = Outils
moderation-genre-catalyseur = Catalyseurs
moderation-sujet-alliance = Alliance
moderation-sujet-outil = Outil
moderation-sujet-catalyseur = Catalyseur
