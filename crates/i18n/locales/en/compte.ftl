## Accounts, “My space” and administration

nav-espace = My space
compte-kicker = Account
compte-facultatif = (optional)
compte-erreur-prefixe = Error:
compte-erreurs-titre = The form contains errors
compte-courriel = Email address
compte-courriel-aide = It is used to sign in and to receive confirmation links; it is never displayed.
compte-mot-de-passe = Password
compte-mot-de-passe-aide = At least { $nf } characters. A phrase of several words is safer and easier to remember.
compte-confirmation = Confirm password
compte-nouveau-mot-de-passe = New password
compte-pseudonyme = Username
compte-pseudonyme-aide = The name under which your contributions appear, if you do not sign on behalf of an organisation.
compte-organisation = Organisation
compte-organisation-aide = The local authority, company, association or network on whose behalf you contribute.
compte-signature = Your contributions are signed with
compte-signature-pseudonyme = my username
compte-signature-organisation = my organisation
compte-consentement = I have read the privacy notice and agree that my data be kept as it describes.
compte-consentement-court = Consent
compte-notice = Privacy notice
compte-pot-de-miel = Do not fill in this field
compte-inscription-titre = Create an account
compte-inscription-intro = An account lets you propose alliances, tools and corrections, and keep your diagnostics, your progress and your certificates in one place. You do not need one to browse the platform.
compte-inscription-bouton = Create my account
compte-deja-inscrit = I already have an account
compte-inscrit-titre = Check your inbox
compte-inscrit-texte = If an account can be created for the address you entered, a message has just been sent to it. Open the link it contains to confirm your address (it remains valid for 24 hours).
compte-verification-titre = Confirm your address
compte-verification-texte = One last step: confirm that this email address really is yours.
compte-verification-bouton = Confirm my address
compte-verifie-titre = Address confirmed
compte-verifie-texte = Thank you: your email address is confirmed. You can now propose contributions.
compte-aller-espace = Go to My space
compte-aller-connexion = Sign in
compte-connexion-titre = Sign in
compte-connexion-bouton = Sign in
compte-connexion-echec = Incorrect email address or password. Check both and try again; after several failed attempts, you will have to wait a few minutes.
compte-oubli-lien = Forgotten your password?
compte-creer-lien = Create an account
compte-oubli-titre = Forgotten password
compte-oubli-intro = Enter your account's address: we will send it a link to choose a new password, valid for one hour.
compte-oubli-bouton = Send me the link
compte-oubli-envoye-titre = Check your inbox
compte-oubli-envoye-texte = If an account uses this address, a link to choose a new password has just been sent to it. It can be used once and remains valid for one hour.
compte-reinitialisation-titre = Choose a new password
compte-reinitialisation-bouton = Save the password

courriel-verification-sujet = Confirm your address on Alliances
courriel-verification-corps =
    Hello,

    To confirm your account's address on Alliances — SDG 17 in practice, open this link (valid for 24 hours):

    { $lien }

    If you did not create an account, ignore this message: without confirmation, the account is deleted after 7 days.
courriel-reinitialisation-sujet = New password on Alliances
courriel-reinitialisation-corps =
    Hello,

    A new password has been requested for your account. To choose one, open this link (valid for one hour, single use):

    { $lien }

    If you did not make this request, ignore this message: your current password remains valid.
courriel-deja-inscrit-sujet = Your Alliances account already exists
courriel-deja-inscrit-corps =
    Hello,

    Someone — perhaps you — tried to create an account with this address, which already has one. No new account has been created.

    If you have forgotten your password, you can choose a new one here:

    { $lien }

role-membre = member
role-moderateur = moderator
role-administrateur = administrator

espace-titre = My space
espace-deconnexion = Sign out
espace-bonjour = Hello { $nom }.
espace-role = Your role: { $role }.
espace-ok-profil = Your profile has been saved.
espace-ok-verification = A new confirmation link has just been sent to your address.
espace-ok-lien = The link has been added to your space.
espace-ok-lien-retire = The link has been removed from your space; what it opens remains accessible to anyone who has it.
espace-ok-jeton-retire = The token has been revoked: it no longer gives access to the API.
espace-ok-mot-de-passe = Your new password has been saved; your other sessions have been closed.
espace-verifier-titre = Address to confirm
espace-verifier-texte = Confirm the address { $courriel } with the link you received by email to be able to contribute. Without confirmation, the account is deleted 7 days after it was created.
espace-verifier-bouton = Resend the confirmation link
espace-outils-titre = Moderation and administration
espace-liens-titre = My diagnostics and paths
espace-liens-intro = Add here the personal links to your diagnostics, shared diagnostics, learning paths and groups, so you can find them again from any device. Certificates appear under the path that issued them.
espace-liens-aucun = No links added yet.
espace-genre-diagnostic = Diagnostic
espace-genre-collectif = Shared diagnostic
espace-genre-suivi = Learning path
espace-genre-groupe = Learner group
espace-lien-disparu = this link no longer opens anything (deleted or purged)
espace-ajoute-le = Added on { $date }
espace-certificats = Certificates:
espace-lien-retirer = Remove
espace-lien-champ = Personal link to add
espace-lien-aide = Paste the full address, for example that of a diagnostic report or of your learning path progress.
espace-lien-bouton = Add the link
espace-lien-illisible = This text contains no personal link: paste the full address of a diagnostic, a shared diagnostic, a learning path or a group.
espace-lien-inconnu = This link opens nothing: it may have been deleted, or it is incomplete. Check it by opening it in your browser.
espace-profil-titre = My public profile
espace-profil-intro = These names appear in the public history of the entries you help improve. Your email address never appears there.
espace-profil-bouton = Save the profile
espace-courriel = Account address: { $courriel }
espace-jetons-titre = API access tokens
espace-jetons-intro = A personal token lets a program send proposals on your behalf (header “Authorization: Bearer …”). Revoke it as soon as it is no longer needed.
espace-cree-le = created on { $date }
espace-utilise-le = used on { $date }
espace-jeton-retirer = Revoke
espace-jeton-libelle = Token name (what it is for)
espace-jeton-bouton = Create a token
espace-jeton-libelle-vide = Give the token a name, for example that of the program that will use it.
espace-jeton-libelle-long = The token name must be { $nf } characters at most.
espace-jeton-nouveau-titre = Your new token
espace-jeton-nouveau-texte = Copy it now: it will never be displayed again. Only its fingerprint is kept.
espace-donnees-titre = My data
espace-sessions =
    { $n ->
        [one] { $nf } open session (signed-in browser).
       *[other] { $nf } open sessions (signed-in browsers).
    }
espace-donnees-lien = Download all my data (JSON)
espace-supprimer-lien = Delete my account
espace-supprimer-titre = Delete my account
espace-supprimer-texte = Deletion is immediate and permanent.
espace-supprimer-efface = Erased: your address, your password, your username and organisation, your sessions, your tokens and the list of your added links.
espace-supprimer-garde = Your accepted contributions remain published, attributed to “deleted contributor”.
espace-supprimer-liens = The diagnostics and learning paths themselves remain accessible to anyone who has their link; delete them from their own page if you wish.
espace-supprimer-confirmer-mot-de-passe = Your password, to confirm
espace-supprimer-bouton = Permanently delete my account
espace-supprimer-mot-de-passe = Incorrect password: the account has not been deleted.
espace-supprime-titre = Account deleted
espace-supprime-texte = Your account and the personal data linked to it have been erased.

admin-comptes-titre = Accounts and roles
admin-comptes-intro = Members propose; moderators review proposals; administrators also manage roles. Every change is recorded in the log.
admin-comptes-nombre =
    { $n ->
        [one] { $nf } account
       *[other] { $nf } accounts
    }
admin-cree = Created on
admin-connecte = Last sign-in
admin-role = Role
admin-non-verifie = address not confirmed
admin-vous = you
admin-role-de = Role of { $nom }
admin-role-bouton = Change
admin-role-change = The role has been changed and recorded in the log.
admin-role-soi = You cannot change your own role: ask another administrator.
admin-role-inconnu = Choose a role from the list: member, moderator or administrator.
admin-journal-titre = Action log
admin-journal-intro = Every moderation and administration action, most recent first (500 at most).
admin-journal-vide = No actions yet.
admin-journal-nombre =
    { $n ->
        [one] { $nf } action
       *[other] { $nf } actions
    }
admin-date = Date
admin-acteur = By
admin-action = Action
admin-cible = On
admin-details = Details
admin-acteur-supprime = deleted account
admin-action-role = role change
admin-action-compte-cree = account created from the command line

erreur-401-titre = Sign-in required
erreur-401-texte = This address requires you to be signed in: sign in, or send a valid personal token (header “Authorization: Bearer …”).
erreur-connexion-requise-titre = Sign-in required
erreur-connexion-requise-texte = This address requires you to be signed in: sign in, or send a valid personal token (header “Authorization: Bearer …”).
erreur-droits-titre = Restricted access
erreur-droits-texte = Your account does not have the role this page requires. If you think you should have access, ask an administrator.
erreur-jeton-titre = Form expired
erreur-jeton-texte = This form does not carry your session's token (it may come from another tab or an old session). Reload the page and try again.
