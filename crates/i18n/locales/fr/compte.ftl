## Comptes, « mon espace » et administration

nav-espace = Mon espace
compte-kicker = Compte
compte-facultatif = (facultatif)
compte-erreur-prefixe = Erreur :
compte-erreurs-titre = Le formulaire contient des erreurs
compte-courriel = Adresse électronique
compte-courriel-aide = Elle sert à vous connecter et à recevoir les liens de confirmation ; elle n'est jamais affichée.
compte-mot-de-passe = Mot de passe
compte-mot-de-passe-aide = { $nf } caractères au moins. Une phrase de plusieurs mots est plus sûre et plus facile à retenir.
compte-confirmation = Confirmation du mot de passe
compte-nouveau-mot-de-passe = Nouveau mot de passe
compte-pseudonyme = Pseudonyme
compte-pseudonyme-aide = Le nom sous lequel vos contributions apparaissent, si vous ne signez pas au nom d'une organisation.
compte-organisation = Organisation
compte-organisation-aide = La collectivité, l'entreprise, l'association ou le réseau au nom duquel vous contribuez.
compte-signature = Vos contributions sont signées par
compte-signature-pseudonyme = mon pseudonyme
compte-signature-organisation = mon organisation
compte-consentement = J'ai lu la notice de confidentialité et j'accepte que mes données soient conservées comme elle le décrit.
compte-consentement-court = Consentement
compte-notice = Notice de confidentialité
compte-pot-de-miel = Ne remplissez pas ce champ
compte-inscription-titre = Créer un compte
compte-inscription-intro = Un compte permet de proposer des alliances, des outils et des corrections, et de retrouver vos diagnostics, votre progression et vos certificats au même endroit. Il n'est pas nécessaire pour consulter la plateforme.
compte-inscription-bouton = Créer mon compte
compte-deja-inscrit = J'ai déjà un compte
compte-inscrit-titre = Vérifiez votre boîte de réception
compte-inscrit-texte = Si l'adresse indiquée peut recevoir un compte, un message vient d'y être envoyé. Ouvrez le lien qu'il contient pour confirmer votre adresse (il reste valable 24 heures).
compte-verification-titre = Confirmer votre adresse
compte-verification-texte = Un dernier geste : confirmez que cette adresse électronique est bien la vôtre.
compte-verification-bouton = Confirmer mon adresse
compte-verifie-titre = Adresse confirmée
compte-verifie-texte = Merci : votre adresse électronique est confirmée. Vous pouvez maintenant proposer des contributions.
compte-aller-espace = Aller à mon espace
compte-aller-connexion = Se connecter
compte-connexion-titre = Se connecter
compte-connexion-bouton = Se connecter
compte-connexion-echec = Adresse électronique ou mot de passe incorrect. Vérifiez les deux puis réessayez ; après plusieurs échecs, il faudra patienter quelques minutes.
compte-oubli-lien = Mot de passe oublié ?
compte-creer-lien = Créer un compte
compte-oubli-titre = Mot de passe oublié
compte-oubli-intro = Indiquez l'adresse de votre compte : nous y enverrons un lien pour choisir un nouveau mot de passe, valable une heure.
compte-oubli-bouton = Recevoir le lien
compte-oubli-envoye-titre = Vérifiez votre boîte de réception
compte-oubli-envoye-texte = Si un compte utilise cette adresse, un lien pour choisir un nouveau mot de passe vient d'y être envoyé. Il sert une fois et reste valable une heure.
compte-reinitialisation-titre = Choisir un nouveau mot de passe
compte-reinitialisation-bouton = Enregistrer le mot de passe

courriel-verification-sujet = Confirmez votre adresse sur Alliances
courriel-verification-corps =
    Bonjour,

    Pour confirmer l'adresse de votre compte sur Alliances — l'ODD 17 en pratique, ouvrez ce lien (valable 24 heures) :

    { $lien }

    Si vous n'avez pas créé de compte, ignorez ce message : sans confirmation, le compte est supprimé au bout de 7 jours.
courriel-reinitialisation-sujet = Nouveau mot de passe sur Alliances
courriel-reinitialisation-corps =
    Bonjour,

    Une demande de nouveau mot de passe a été faite pour votre compte. Pour en choisir un, ouvrez ce lien (valable une heure, utilisable une fois) :

    { $lien }

    Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe actuel reste valable.
courriel-deja-inscrit-sujet = Votre compte Alliances existe déjà
courriel-deja-inscrit-corps =
    Bonjour,

    Quelqu'un — vous peut-être — a voulu créer un compte avec cette adresse, qui en a déjà un. Aucun nouveau compte n'a été créé.

    Si vous avez oublié votre mot de passe, vous pouvez en choisir un nouveau ici :

    { $lien }

role-membre = membre
role-moderateur = modérateur
role-administrateur = administrateur

espace-titre = Mon espace
espace-deconnexion = Se déconnecter
espace-bonjour = Bonjour { $nom }.
espace-role = Votre rôle : { $role }.
espace-ok-profil = Votre profil est enregistré.
espace-ok-verification = Un nouveau lien de confirmation vient d'être envoyé à votre adresse.
espace-ok-lien = Le lien est rattaché à votre espace.
espace-ok-lien-retire = Le lien est retiré de votre espace ; ce qu'il ouvre reste accessible à qui le détient.
espace-ok-jeton-retire = Le jeton est révoqué : il ne donne plus accès à l'API.
espace-ok-mot-de-passe = Votre nouveau mot de passe est enregistré ; vos autres sessions ont été fermées.
espace-verifier-titre = Adresse à confirmer
espace-verifier-texte = Confirmez l'adresse { $courriel } avec le lien reçu par courriel pour pouvoir contribuer. Sans confirmation, le compte est supprimé 7 jours après sa création.
espace-verifier-bouton = Renvoyer le lien de confirmation
espace-outils-titre = Modération et administration
espace-liens-titre = Mes diagnostics et parcours
espace-liens-intro = Rattachez ici les liens personnels de vos diagnostics, diagnostics partagés, parcours d'apprentissage et groupes pour les retrouver depuis n'importe quel appareil. Les certificats apparaissent sous le parcours qui les a délivrés.
espace-liens-aucun = Aucun lien rattaché pour l'instant.
espace-genre-diagnostic = Diagnostic
espace-genre-collectif = Diagnostic partagé
espace-genre-suivi = Parcours d'apprentissage
espace-genre-groupe = Groupe d'apprenants
espace-lien-disparu = ce lien n'ouvre plus rien (supprimé ou purgé)
espace-ajoute-le = Rattaché le { $date }
espace-certificats = Certificats :
espace-lien-retirer = Retirer
espace-lien-champ = Lien personnel à rattacher
espace-lien-aide = Collez l'adresse complète, par exemple celle d'un rapport de diagnostic ou de votre suivi de parcours.
espace-lien-bouton = Rattacher le lien
espace-lien-illisible = Ce texte ne contient pas de lien personnel : collez l'adresse complète d'un diagnostic, d'un diagnostic partagé, d'un parcours ou d'un groupe.
espace-lien-inconnu = Ce lien n'ouvre rien : il a peut-être été supprimé, ou il est incomplet. Vérifiez-le en l'ouvrant dans votre navigateur.
espace-profil-titre = Mon profil public
espace-profil-intro = Ces noms apparaissent dans l'historique public des fiches que vous faites évoluer. Votre adresse électronique n'y apparaît jamais.
espace-profil-bouton = Enregistrer le profil
espace-courriel = Adresse du compte : { $courriel }
espace-jetons-titre = Jetons d'accès à l'API
espace-jetons-intro = Un jeton personnel permet à un programme d'envoyer des propositions en votre nom (en-tête « Authorization: Bearer … »). Révoquez-le dès qu'il ne sert plus.
espace-cree-le = créé le { $date }
espace-utilise-le = utilisé le { $date }
espace-jeton-retirer = Révoquer
espace-jeton-libelle = Nom du jeton (à quoi il sert)
espace-jeton-bouton = Créer un jeton
espace-jeton-libelle-vide = Donnez un nom au jeton, par exemple celui du programme qui l'utilisera.
espace-jeton-libelle-long = Le nom du jeton compte { $nf } caractères au plus.
espace-jeton-nouveau-titre = Votre nouveau jeton
espace-jeton-nouveau-texte = Copiez-le maintenant : il ne sera plus jamais affiché. Seule son empreinte est conservée.
espace-donnees-titre = Mes données
espace-sessions =
    { $n ->
        [one] { $nf } session ouverte (navigateur connecté).
       *[other] { $nf } sessions ouvertes (navigateurs connectés).
    }
espace-donnees-lien = Télécharger toutes mes données (JSON)
espace-supprimer-lien = Supprimer mon compte
espace-supprimer-titre = Supprimer mon compte
espace-supprimer-texte = La suppression est immédiate et définitive.
espace-supprimer-efface = Sont effacés : votre adresse, votre mot de passe, vos pseudonyme et organisation, vos sessions, vos jetons et la liste de vos liens rattachés.
espace-supprimer-garde = Vos contributions acceptées restent publiées, attribuées à « contributeur supprimé ».
espace-supprimer-liens = Les diagnostics et parcours eux-mêmes restent accessibles à qui détient leur lien ; supprimez-les depuis leur page si vous le souhaitez.
espace-supprimer-confirmer-mot-de-passe = Votre mot de passe, pour confirmer
espace-supprimer-bouton = Supprimer définitivement mon compte
espace-supprimer-mot-de-passe = Mot de passe incorrect : le compte n'a pas été supprimé.
espace-supprime-titre = Compte supprimé
espace-supprime-texte = Votre compte et les données personnelles qui lui étaient liées ont été effacés.

admin-comptes-titre = Comptes et rôles
admin-comptes-intro = Les membres proposent ; les modérateurs examinent les propositions ; les administrateurs gèrent aussi les rôles. Chaque changement est inscrit au journal.
admin-comptes-nombre =
    { $n ->
        [one] { $nf } compte
       *[other] { $nf } comptes
    }
admin-cree = Créé le
admin-connecte = Dernière connexion
admin-role = Rôle
admin-non-verifie = adresse non confirmée
admin-vous = vous
admin-role-de = Rôle de { $nom }
admin-role-bouton = Changer
admin-role-change = Le rôle est changé et inscrit au journal.
admin-role-soi = Vous ne pouvez pas changer votre propre rôle : demandez-le à un autre administrateur.
admin-role-inconnu = Choisissez un rôle de la liste : membre, modérateur ou administrateur.
admin-journal-titre = Journal des actions
admin-journal-intro = Chaque action de modération et d'administration, la plus récente d'abord (500 au plus).
admin-journal-vide = Aucune action pour l'instant.
admin-journal-nombre =
    { $n ->
        [one] { $nf } action
       *[other] { $nf } actions
    }
admin-date = Date
admin-acteur = Par
admin-action = Action
admin-cible = Sur
admin-details = Détails
admin-acteur-supprime = compte supprimé
admin-action-role = changement de rôle
admin-action-compte-cree = compte créé en ligne de commande

erreur-401-titre = Connexion requise
erreur-401-texte = Cette adresse demande d'être connecté : connectez-vous, ou envoyez un jeton personnel valide (en-tête « Authorization: Bearer … »).
erreur-connexion-requise-titre = Connexion requise
erreur-connexion-requise-texte = Cette adresse demande d'être connecté : connectez-vous, ou envoyez un jeton personnel valide (en-tête « Authorization: Bearer … »).
erreur-droits-titre = Accès réservé
erreur-droits-texte = Votre compte n'a pas le rôle que demande cette page. Si vous pensez devoir y accéder, demandez-le à un administrateur.
erreur-jeton-titre = Formulaire expiré
erreur-jeton-texte = Ce formulaire ne porte pas le jeton de votre session (il vient peut-être d'un autre onglet ou d'une ancienne session). Rechargez la page puis recommencez.
