# Compétences : le parcours « Alliances et Territoires »
competences-titre = Compétences
competences-description = Le parcours « Alliances et Territoires » : apprendre à faire alliance en 2 h, 4 h ou 12 h, avec des quiz expliqués et un certificat vérifiable.
competences-kicker = Compétences
competences-parcours-nom = Alliances et Territoires
competences-intro = Un parcours pour apprendre à faire alliance, construit sur les alliances réelles, les chiffres, les territoires et les outils de la plateforme. Choisissez une durée ; chaque module se termine par un quiz dont chaque réponse est expliquée, et le parcours par un certificat que chacun peut vérifier.
competences-variantes-titre = Trois durées au choix
competences-modules-n = { $n ->
    [one] { $nf } module
   *[other] { $nf } modules
}
competences-commencer = Commencer « { $parcours } »
competences-fait-compte = Sans compte : votre progression est gardée derrière un lien personnel.
competences-fait-lien = Reprenez où vous en étiez, depuis n'importe quel appareil, avec ce lien.
competences-fait-certificat = À la fin, un certificat vérifiable en ligne et au format Open Badges 3.0.
competences-modules-titre = Les douze modules
competences-modules-intro = Chaque module se lit aussi sans commencer de parcours. Sa durée additionne la lecture (200 mots par minute), les exercices sur la plateforme et une minute par question du quiz.
competences-col-module = Module
competences-col-duree = Durée
competences-col-variantes = Dans les parcours
competences-reprendre-titre = Reprendre votre parcours
competences-reprendre-label = Collez votre lien personnel
competences-reprendre-bouton = Reprendre
competences-reprendre-invalide = Ce texte ne contient pas de lien de suivi : collez l'adresse complète reçue au début du parcours (elle contient 40 caractères après /competences/suivis/).
competences-verifier-titre = Vérifier un certificat
competences-verifier-label = Code de vérification
competences-verifier-bouton = Vérifier
competences-groupe-titre = Animer un groupe
competences-groupe-intro = Vous formez une équipe, une promotion ou les partenaires d'une alliance ? Créez un groupe : chaque personne reçoit son propre lien, et vous voyez qui a terminé quels modules — jamais ses réponses aux quiz.
competences-groupe-nom = Nom du groupe
competences-groupe-parcours = Parcours suivi
competences-groupe-apprenants = Participantes et participants
competences-groupe-apprenants-aide = Un nom, un prénom ou des initiales par ligne (40 au plus). Ce libellé n'est visible que de vous et de la personne concernée.
competences-groupe-creer = Créer le groupe
competences-groupe-erreur-nom = Donnez un nom au groupe (120 caractères au plus).
competences-groupe-erreur-parcours = Choisissez l'un des trois parcours.
competences-groupe-erreur-apprenants = Indiquez de 1 à 40 personnes, une par ligne.
competences-vie-privee-titre = Ce qui est gardé
competences-vie-privee = Seuls les modules terminés et leur date sont enregistrés, jamais vos réponses aux quiz. La base ne garde qu'une empreinte de votre lien : sans lui, personne ne peut retrouver votre progression. Vous pouvez la supprimer à tout moment ; sans usage pendant 12 mois, elle est effacée. Un certificat ne porte un nom que si vous le choisissez.
competences-duree-min = { $n ->
    [one] { $nf } min
   *[other] { $nf } min
}
competences-duree-h = { $nf } h
competences-duree-totale = Durée : { $duree }
competences-programme = Le programme
competences-module-kicker = Module du parcours « Alliances et Territoires »
competences-objectifs = Objectifs
competences-duree-lecture = Lecture
competences-duree-exercices = Exercices
competences-duree-quiz = Quiz
competences-duree-regle = Lecture comptée à 200 mots par minute, une minute par question.
competences-sommaire = Sommaire du module
competences-lecture-min = { $n ->
    [one] { $nf } minute de lecture
   *[other] { $nf } minutes de lecture
}
competences-liens = Sur la plateforme
competences-lien-alliance = Alliance
competences-lien-outil = Outil
competences-lien-chiffre = Chiffre clé
competences-lien-territoire = Territoire
competences-lien-catalyseur = Catalyseur
competences-lien-repere = Fiche repère
competences-activites = Exercices
competences-activite-ouvrir = Ouvrir la page de l'exercice
competences-quiz = Quiz
competences-quiz-intro = { $n ->
    [100] Répondez à chaque question. Le module est terminé quand toutes les réponses sont justes ; chaque réponse fausse est expliquée, et vous pouvez recommencer.
   *[other] Répondez à chaque question. Le module est terminé à partir de { $nf } % de bonnes réponses ; chaque réponse fausse est expliquée, et vous pouvez recommencer.
}
competences-quiz-sans-suivi = Vous lisez ce module sans parcours commencé : le quiz est corrigé, mais rien n'est enregistré.
competences-quiz-valider = Valider mes réponses
competences-quiz-score = Résultat : { $score }
competences-quiz-echec = { $n ->
    [100] Le module n'est pas encore terminé : il faut toutes les réponses justes. Lisez les explications ci-dessous, corrigez et validez à nouveau.
   *[other] Le module n'est pas encore terminé : il faut { $nf } % de bonnes réponses. Lisez les explications ci-dessous, corrigez et validez à nouveau.
}
competences-quiz-reussi-suivi = Module terminé : il est enregistré dans votre suivi.
competences-quiz-reussi-public = Quiz réussi. Commencez un parcours pour que vos modules terminés soient enregistrés.
competences-quiz-juste = Juste.
competences-quiz-faux = Pas tout à fait.
competences-quiz-sans-reponse = Vous n'avez pas répondu à cette question.
competences-module-termine = Module terminé
competences-module-suivant = Module suivant : { $module }
competences-vers-certificat = Tous les modules sont terminés : obtenir le certificat
competences-votre-suivi = Votre parcours « { $parcours } »
competences-dans-groupe = Vous suivez ce parcours avec le groupe « { $groupe } ».
competences-lien-titre = Votre lien personnel.
competences-lien-aide = Gardez-le : il permet de reprendre ce parcours depuis n'importe quel appareil. Quiconque l'a peut voir et supprimer votre progression.
competences-progression = Votre progression
competences-avancement = Modules terminés : { $avancement }
competences-statut-termine = Terminé
competences-statut-a-faire = À faire
competences-statut-valide = Certificat valide
competences-statut-revoque = Révoqué
competences-continuer = Continuer : { $module }
competences-certificat-titre = Certificat
competences-certificat-intro = Tous les modules de ce parcours sont terminés. Votre certificat portera un code de vérification ; votre nom n'y figure que si vous le demandez.
competences-certificat-afficher-nom = Afficher mon nom sur le certificat
competences-certificat-nom = Nom à afficher
competences-certificat-nom-aide = Pris en compte seulement si la case ci-dessus est cochée.
competences-certificat-obtenir = Obtenir mon certificat
competences-certificat-reste = { $n ->
    [one] Il reste { $nf } module à terminer avant le certificat.
   *[other] Il reste { $nf } modules à terminer avant le certificat.
}
competences-certificats-obtenus = Vos certificats
competences-changer-titre = Changer de durée
competences-changer-label = Passer à un autre parcours (les modules terminés restent acquis)
competences-changer-bouton = Changer
competences-supprimer-lien = Supprimer ma progression
competences-retour-suivi = Retour à votre parcours
competences-partager-titre = Faire vérifier ce certificat
competences-partager-texte = Toute personne qui a cette adresse peut vérifier le certificat :
competences-ouvrir-verification = Ouvrir la page de vérification
competences-telecharger-badge = Télécharger le badge (Open Badges 3.0)
competences-badge-explication = Un fichier .jwt signé par cette plateforme (RS256) : les applications compatibles Open Badges 3.0 le vérifient sans nous contacter, avec la clé publique publiée à /.well-known/jwks.json.
competences-certificat-supprimer = Supprimer ce certificat
competences-certificat-supprimer-aide = Le code restera vérifiable comme « révoqué », sans nom.
competences-certificat-delivre-a = Délivré à
competences-certificat-parcours = Parcours
competences-certificat-date = Délivré le
competences-certificat-code = Code de vérification
competences-certificat-modules = Modules terminés
competences-certificat-preuve = Chaque module est validé par un quiz dont toutes les réponses sont expliquées.
competences-revoque-le = Ce certificat a été supprimé par son titulaire le { $date }.
competences-verification-titre = Vérification du certificat
competences-verification-intro = Cette page confirme, d'après les registres de la plateforme, le certificat portant ce code.
competences-decouvrir = Découvrir le parcours « Alliances et Territoires »
competences-certificat-inconnu = Aucun certificat ne porte ce code. Vérifiez-le caractère par caractère (16 lettres et chiffres, en groupes de 4) ; un certificat inutilisé pendant 12 mois est effacé.
competences-certificat-revoque-telechargement = Ce certificat a été supprimé : il ne peut plus être téléchargé.
competences-suivi-inconnu = Ce lien de suivi n'existe pas ou plus : vérifiez qu'il est complet (40 caractères après /competences/suivis/). Une progression supprimée, ou inutilisée pendant 12 mois, est effacée ; vous pouvez commencer un nouveau parcours.
competences-groupe-inconnu = Ce lien de groupe n'existe pas ou plus : vérifiez qu'il est complet. Un groupe supprimé, ou inutilisé pendant 12 mois, est effacé.
competences-groupe-lien-titre = Votre lien d'animation.
competences-groupe-lien-aide = Gardez-le pour revenir à ce tableau ; ne le donnez pas aux participants : chacun a le sien ci-dessous.
competences-groupe-confidentialite = Vous voyez les modules terminés par chaque personne, jamais ses réponses.
competences-groupe-tableau = Modules terminés par personne
competences-col-apprenant = Personne
competences-col-certificat = Certificat
competences-groupe-avancement = { $avancement } modules
competences-oui = Oui
competences-non = Non
competences-groupe-liens = Les liens à transmettre
competences-groupe-liens-aide = Envoyez à chaque personne son lien, et à elle seule : il ouvre son parcours.
competences-groupe-supprimer-lien = Supprimer le groupe
competences-supprimer-titre = Supprimer définitivement ?
competences-supprimer-texte = Votre progression sera effacée et vos certificats révoqués (leur code restera vérifiable comme « révoqué », sans nom). Cette action est définitive.
competences-supprimer-groupe = Le groupe, la progression de chaque personne et leurs liens seront effacés, leurs certificats révoqués. Cette action est définitive.
competences-supprimer-confirmer = Supprimer définitivement
competences-annuler = Annuler
competences-supprime-titre = C'est supprimé
competences-supprime-texte = Votre progression est effacée et vos certificats sont révoqués.
competences-supprime-groupe = Le groupe et la progression de ses membres sont effacés.
competences-badge-criteres = Avoir terminé chacun des modules suivants, quiz compris : { $modules }.
competences-badge-description = Parcours d'apprentissage « Alliances et Territoires » sur les alliances entre acteurs (ODD 17), d'une durée de { $duree }.
competences-badge-domaine = Partenariats multi-acteurs (ODD 17)
# Pages that point to modules of the path (tools, fiches repères).
modules-lies-titre = Pour apprendre avec le parcours
modules-lies-intro = Les modules du parcours « Alliances et Territoires » qui s'en servent :
modules-lies-aucun = Aucun module du parcours ne s'appuie encore sur cette page.
modules-lies-parcours = Voir le parcours « Alliances et Territoires »
