## Contributions, modération et historique

proposition-statut-en_attente = En attente de modération
proposition-statut-changements_demandes = Modifications demandées
proposition-statut-acceptee = Acceptée et publiée
proposition-statut-refusee = Refusée

contributions-titre = Mes contributions
contributions-intro = Vos propositions d'alliances et de modifications, la plus récente d'abord, avec la réponse des modérateurs.
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
moderation-nouvelle = Nouvelle alliance
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
historique-courante = publiée aujourd'hui
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
