# Skills: the learning path « Alliances et Territoires »
competences-titre = Skills
competences-description = The learning path “Alliances and Territories”: learn to build alliances in 2, 4 or 12 hours, with explained quizzes and a verifiable certificate.
competences-kicker = Skills
competences-parcours-nom = Alliances and Territories
competences-intro = A path to learn how to build alliances, built on the platform's real alliances, figures, territories and tools. Choose a length; each module ends with a quiz whose every answer is explained, and the path ends with a certificate anyone can verify.
competences-variantes-titre = Three lengths to choose from
competences-modules-n = { $n ->
    [one] { $nf } module
   *[other] { $nf } modules
}
competences-commencer = Start “{ $parcours }”
competences-fait-compte = No account: your progress is kept behind a personal link.
competences-fait-lien = Pick up where you left off, from any device, with that link.
competences-fait-certificat = At the end, a certificate verifiable online and in the Open Badges 3.0 format.
competences-modules-titre = The twelve modules
competences-modules-intro = Every module can also be read without starting a path. Its duration adds up reading (200 words a minute), exercises on the platform and one minute per quiz question.
competences-col-module = Module
competences-col-duree = Duration
competences-col-variantes = In the paths
competences-reprendre-titre = Resume your path
competences-reprendre-label = Paste your personal link
competences-reprendre-bouton = Resume
competences-reprendre-invalide = This text holds no progress link: paste the full address you received when you started (it has 40 characters after /competences/suivis/).
competences-verifier-titre = Verify a certificate
competences-verifier-label = Verification code
competences-verifier-bouton = Verify
competences-groupe-titre = Run a group
competences-groupe-intro = Training a team, a class or the partners of an alliance? Create a group: each person gets their own link, and you see who completed which modules — never their quiz answers.
competences-groupe-nom = Group name
competences-groupe-parcours = Path followed
competences-groupe-apprenants = Participants
competences-groupe-apprenants-aide = A name, first name or initials per line (40 at most). This label is only seen by you and the person concerned.
competences-groupe-creer = Create the group
competences-groupe-erreur-nom = Give the group a name (120 characters at most).
competences-groupe-erreur-parcours = Choose one of the three paths.
competences-groupe-erreur-apprenants = List 1 to 40 people, one per line.
competences-vie-privee-titre = What is kept
competences-vie-privee = Only the modules completed and their date are recorded, never your quiz answers. The database keeps only a fingerprint of your link: without it, nobody can find your progress. You can delete it at any time; unused for 12 months, it is erased. A certificate carries a name only if you choose so.
competences-duree-min = { $nf } min
competences-duree-h = { $nf } h
competences-duree-totale = Duration: { $duree }
competences-programme = The programme
competences-module-kicker = Module of the path “Alliances and Territories”
competences-objectifs = Objectives
competences-duree-lecture = Reading
competences-duree-exercices = Exercises
competences-duree-quiz = Quiz
competences-duree-regle = Reading counted at 200 words a minute (French text), one minute per question.
competences-sommaire = Module contents
competences-lecture-min = { $n ->
    [one] { $nf } minute of reading
   *[other] { $nf } minutes of reading
}
competences-liens = On the platform
competences-lien-alliance = Alliance
competences-lien-outil = Tool
competences-lien-chiffre = Key figure
competences-lien-territoire = Territory
competences-lien-catalyseur = Catalyst
competences-lien-repere = Reference sheet
competences-activites = Exercises
competences-activite-ouvrir = Open the exercise's page
competences-quiz = Quiz
competences-quiz-intro = { $n ->
    [100] Answer every question. The module is complete when every answer is right; each wrong answer is explained, and you can try again.
   *[other] Answer every question. The module is complete from { $nf } % of right answers; each wrong answer is explained, and you can try again.
}
competences-quiz-sans-suivi = You are reading this module without a path started: the quiz is marked, but nothing is recorded.
competences-quiz-valider = Check my answers
competences-quiz-score = Result: { $score }
competences-quiz-echec = { $n ->
    [100] The module is not complete yet: every answer must be right. Read the explanations below, correct and check again.
   *[other] The module is not complete yet: { $nf } % of right answers are needed. Read the explanations below, correct and check again.
}
competences-quiz-reussi-suivi = Module complete: it is recorded in your progress.
competences-quiz-reussi-public = Quiz passed. Start a path so that your completed modules are recorded.
competences-quiz-juste = Right.
competences-quiz-faux = Not quite.
competences-quiz-sans-reponse = You did not answer this question.
competences-module-termine = Module complete
competences-module-suivant = Next module: { $module }
competences-vers-certificat = Every module is complete: get the certificate
competences-votre-suivi = Your path “{ $parcours }”
competences-dans-groupe = You follow this path with the group “{ $groupe }”.
competences-lien-titre = Your personal link.
competences-lien-aide = Keep it: it lets you resume this path from any device. Anyone who has it can see and delete your progress.
competences-progression = Your progress
competences-avancement = Modules complete: { $avancement }
competences-statut-termine = Complete
competences-statut-a-faire = To do
competences-statut-valide = Valid certificate
competences-statut-revoque = Revoked
competences-continuer = Continue: { $module }
competences-certificat-titre = Certificate
competences-certificat-intro = Every module of this path is complete. Your certificate will carry a verification code; your name appears on it only if you ask.
competences-certificat-afficher-nom = Show my name on the certificate
competences-certificat-nom = Name to show
competences-certificat-nom-aide = Used only if the box above is ticked.
competences-certificat-obtenir = Get my certificate
competences-certificat-reste = { $n ->
    [one] { $nf } module left to complete before the certificate.
   *[other] { $nf } modules left to complete before the certificate.
}
competences-certificats-obtenus = Your certificates
competences-changer-titre = Change length
competences-changer-label = Move to another path (completed modules stay complete)
competences-changer-bouton = Change
competences-supprimer-lien = Delete my progress
competences-retour-suivi = Back to your path
competences-partager-titre = Have this certificate verified
competences-partager-texte = Anyone with this address can verify the certificate:
competences-ouvrir-verification = Open the verification page
competences-telecharger-badge = Download the badge (Open Badges 3.0)
competences-badge-explication = A .jwt file signed by this platform (RS256): Open Badges 3.0 applications verify it without contacting us, with the public key published at /.well-known/jwks.json.
competences-certificat-supprimer = Delete this certificate
competences-certificat-supprimer-aide = The code will still verify, as “revoked”, without a name.
competences-certificat-delivre-a = Awarded to
competences-certificat-parcours = Path
competences-certificat-date = Issued on
competences-certificat-code = Verification code
competences-certificat-modules = Modules completed
competences-certificat-preuve = Each module is validated by a quiz whose every answer is explained.
competences-revoque-le = This certificate was deleted by its holder on { $date }.
competences-verification-titre = Certificate verification
competences-verification-intro = This page confirms, from the platform's records, the certificate bearing this code.
competences-decouvrir = Discover the path “Alliances and Territories”
competences-certificat-inconnu = No certificate bears this code. Check it character by character (16 letters and digits, in groups of 4); a certificate unused for 12 months is erased.
competences-certificat-revoque-telechargement = This certificate was deleted: it can no longer be downloaded.
competences-suivi-inconnu = This progress link does not exist or no longer exists: check that it is complete (40 characters after /competences/suivis/). Deleted progress, or progress unused for 12 months, is erased; you can start a new path.
competences-groupe-inconnu = This group link does not exist or no longer exists: check that it is complete. A deleted group, or one unused for 12 months, is erased.
competences-groupe-lien-titre = Your facilitator link.
competences-groupe-lien-aide = Keep it to come back to this table; do not give it to participants: each has their own below.
competences-groupe-confidentialite = You see the modules each person completed, never their answers.
competences-groupe-tableau = Modules completed per person
competences-col-apprenant = Person
competences-col-certificat = Certificate
competences-groupe-avancement = { $avancement } modules
competences-oui = Yes
competences-non = No
competences-groupe-liens = The links to send
competences-groupe-liens-aide = Send each person their own link, and only theirs: it opens their path.
competences-groupe-supprimer-lien = Delete the group
competences-supprimer-titre = Delete for good?
competences-supprimer-texte = Your progress will be erased and your certificates revoked (their code will still verify as “revoked”, without a name). This cannot be undone.
competences-supprimer-groupe = The group, each person's progress and their links will be erased, their certificates revoked. This cannot be undone.
competences-supprimer-confirmer = Delete for good
competences-annuler = Cancel
competences-supprime-titre = Deleted
competences-supprime-texte = Your progress is erased and your certificates are revoked.
competences-supprime-groupe = The group and its members' progress are erased.
competences-badge-criteres = Complete each of the following modules, quiz included: { $modules }.
competences-badge-description = Learning path “Alliances and Territories” on alliances between actors (SDG 17), lasting { $duree }.
competences-badge-domaine = Multi-stakeholder partnerships (SDG 17)
# Pages that point to modules of the path (tools, fiches repères).
modules-lies-titre = Learn with the path
modules-lies-intro = The modules of the path “Alliances and Territories” that use it:
modules-lies-aucun = No module of the path relies on this page yet.
modules-lies-parcours = See the path “Alliances and Territories”
