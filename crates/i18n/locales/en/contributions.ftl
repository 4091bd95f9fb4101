## Contributions, moderation and history

proposition-statut-en_attente = Waiting for moderation
proposition-statut-changements_demandes = Changes requested
proposition-statut-acceptee = Accepted and published
proposition-statut-refusee = Rejected

contributions-titre = My contributions
contributions-intro = Your proposed alliances, tools, catalyseurs and changes, latest first, with the moderators' answer.
contributions-aucune = You have not proposed anything yet.
contributions-message = Message from the moderators:
espace-contributions-titre = Contributions
espace-contributions-texte = Propose alliances and corrections; follow their moderation.
espace-contributions-lien = My contributions

moderation-titre = Moderation
moderation-intro = Proposals waiting for a decision, oldest first. Each shows, field by field, what it changes in the published record.
moderation-filtres = Filter the proposals
moderation-genre = Kind of record
moderation-tous = All
moderation-genre-alliance = Alliances
moderation-territoire = Territory (name or INSEE code)
moderation-age = Age
moderation-age-tous = Any
moderation-age-7 = Older than 7 days
moderation-age-30 = Older than 30 days
moderation-filtrer = Filter
moderation-vide = No proposal is waiting for a decision with these filters.
moderation-nombre =
    { $n ->
        [one] { $nf } proposal waiting
       *[other] { $nf } proposals waiting
    }
moderation-jours =
    { $n ->
        [0] today
        [one] { $nf } day ago
       *[other] { $nf } days ago
    }
moderation-fiche = Record
moderation-nature = Kind
moderation-nouvelle = New record
moderation-modification = Change
moderation-ok-acceptee = Proposal accepted: the new revision is published and search will find it within seconds.
moderation-ok-refusee = Proposal rejected; the contributor sees your reason in “My contributions”.
moderation-ok-changements_demandes = Proposal sent back; the contributor sees your message in “My contributions”.
moderation-proposition-titre = Proposal: { $nom }
moderation-voir-fiche = see the published record
moderation-par = by { $nom }
moderation-perime = The record has changed since this proposal was made: check that it does not undo a correction published in the meantime.
moderation-note = Contributor's note
moderation-diff-titre = What changes
moderation-diff-vide = This proposal changes no field of the published record.
moderation-diff-nombre =
    { $n ->
        [one] { $nf } field changed
       *[other] { $nf } fields changed
    }
moderation-champ = Field
moderation-avant = Published
moderation-apres = Proposed
moderation-vide-valeur = (empty)
moderation-decision = Decision
moderation-accepter-titre = Accept
moderation-accepter-texte = The proposal is checked again, then published as a new revision of the record.
moderation-accepter = Accept and publish
moderation-demander-titre = Ask for changes
moderation-message-demander = What the contributor should change
moderation-demander = Send back to the contributor
moderation-refuser-titre = Reject
moderation-message-refuser = Reason for rejecting, shown to the contributor
moderation-refuser = Reject the proposal

historique-titre = History: { $nom }
historique-intro = Every published revision of the record, latest first: when, by whom, and which fields changed.
historique-revision = Revision { $n }
historique-courante = current version
historique-champs = Fields changed:
historique-restaurer = Restore revision { $n }
historique-import = imported data
historique-source-import = import
historique-source-proposition = proposal
historique-source-restauration = restoration
historique-lien = History of the record

admin-action-accepter = proposal accepted
admin-action-refuser = proposal rejected
admin-action-demander = changes requested
admin-action-restaurer = revision restored

proposer-titre-alliance = Propose an alliance
proposer-intro-alliance = Describe a real alliance from public sources: a moderator checks the proposal before publishing it. The fields follow the database's; what the sources do not say stays empty.
proposer-modifier-titre = Propose a change: { $nom }
proposer-modifier-intro = Correct or complete the record from public sources. A moderator will see, field by field, what you change.
proposer-reviser-titre = Revise the proposal: { $nom }
proposer-reviser-intro = A moderator asked you for changes. Correct the proposal, then send it again.
proposer-message-moderateur = The moderator's message
proposer-identite = The alliance
proposer-nom-alliance = Name of the alliance
proposer-slug = Identifier
proposer-slug-aide = Lower case, digits and hyphens, for example “ptce-vivre-les-mureaux”; it forms the record's address and does not change.
proposer-resume = Summary
proposer-resume-aide = One or two sentences, 400 characters at most, in your own words.
proposer-description = Description
proposer-partenaires = Partners
proposer-partenaires-aide = One line per organisation: its name, its type and its role in the alliance. Empty lines are ignored.
proposer-partenaire-nom = Partner { $n }: name
proposer-partenaire-type = Partner { $n }: type of actor
proposer-partenaire-role = Partner { $n }: role
proposer-territoires = Territories
proposer-territoires-aide = Write each territory by its name (“Les Mureaux”) or its INSEE code (“78440”); a name several territories share needs the code.
proposer-niveau = Scale of the alliance
proposer-territoire-libelle = Territory as the sources name it
proposer-territoire-n = Territory { $n } (name or code)
proposer-choisir = — choose —
proposer-classements = Domains, relational modes and fragilities
proposer-domaines = Domains
proposer-modes = Relational modes (stated by the sources)
proposer-fragilites = Territorial fragilities addressed
proposer-odd = Sustainable Development Goals
proposer-odd-aide = Tick only the goals the sources state; with none ticked, the record says “not stated”. Targets are written like “17.17”.
proposer-objectifs = Goals stated
proposer-cible-n = Target { $n }
proposer-resultats-titre = Results, levers and obstacles
proposer-lignes-aide = One item per line, as the sources report it.
proposer-resultats = Results
proposer-leviers = Levers
proposer-obstacles = Obstacles
proposer-reproductibilite = Replicability
proposer-calendrier = Timeline
proposer-debut = Start
proposer-debut-aide = Year (“2017”) or month (“2017-09”).
proposer-sources = Sources
proposer-sources-aide = The address of each public source and the date you read it (YYYY-MM-DD). At least one source is needed.
proposer-source-url = Source { $n }: address
proposer-source-date = Source { $n }: read on
proposer-note = Note to the moderators (optional)
proposer-note-aide = What helps check your proposal; it is not published.
proposer-doublons-titre = These records may already exist
proposer-doublons-texte = Records with a similar name already exist (in the same territory, for an alliance or a catalyseur). If one of them describes the same thing, propose a change from its page instead; otherwise tick the box at the bottom of the form and send again.
proposer-pas-doublon = I have checked: it is none of these records.
proposer-envoyer = Send the proposal
proposer-lignes = Add lines
contributions-ok-envoyee = Proposal sent: it waits for a moderator's decision.
contributions-ok-revisee = Proposal revised: it waits again for a moderator's decision.
contributions-nouvelle = Propose an alliance
contributions-reviser = Revise this proposal
exemples-proposer-modification = Propose a change
signaler-lien = Report an error
signaler-titre = Report an error: { $nom }
signaler-intro = Something inaccurate, out of date or missing? Say so in a few words, with the source that shows it if you can. A moderator will look at your report; it is not published.
signaler-membre = You can also correct the record yourself:
signaler-texte = What is inaccurate, and what it should say
signaler-texte-aide = 2,000 characters at most. Do not include personal contact details.
signaler-envoyer = Send the report
signaler-merci = Thank you: your report has been passed on to the moderators.
signaler-retour = Back to the record
moderation-genre-signalement = Error reports
moderation-signalement = Error report
moderation-visiteur = visitor without an account
moderation-traiter-titre = Mark as handled
moderation-traiter-texte = Correct the record (through a change proposal), then close this report.
moderation-traiter = Mark as handled
admin-action-traiter = report handled
historique-champs-initiaux = Fields set:

# Tools and catalyseurs (issue 14)
proposer-titre-outil = Propose a tool
proposer-intro-outil = Describe a tool that helps build alliances — guide, framework, kit, training, fund, network… — from its official page and public sources. A moderator checks the proposal before publishing it.
proposer-titre-catalyseur = Propose a catalyseur
proposer-intro-catalyseur = Describe an organisation whose job includes bringing a territory's actors together (CRESS, territorial foundation, PTCE, third-place network…), from public sources. A moderator checks the proposal before publishing it.
proposer-identite-outil = The tool
proposer-identite-catalyseur = The catalyseur
proposer-nom-outil = Name of the tool
proposer-nom-catalyseur = Name of the organisation
proposer-editeur-aide = The organisation that publishes the tool, as the sources name it; several separated by « ; ».
proposer-outil-description-aide = What the tool lets one do, in two or three sentences, in your own words.
proposer-outil-classements = Type, phases, audiences and maturity
proposer-public-tous = Every actor
proposer-maturite-aide = Tick nothing if the tool fits every level.
proposer-acces-titre = Official page, access and languages
proposer-langues-aide = ISO 639 codes separated by commas, for example « fr, en ».
proposer-catalyseur-genre = Kind of organisation
proposer-catalyseur-precision = What the sources add to the kind (optional)
proposer-catalyseur-precision-aide = For example « fondation tête de réseau ».
proposer-catalyseur-metiers = Catalysing activities
proposer-catalyseur-niveau = Scale of the territory served
proposer-catalyseur-fondation = Year founded
proposer-catalyseur-site = Official website
proposer-catalyseur-territoires-aide = The scale, then the territory served by its name or INSEE code. If no current territory matches, tick only the region(s) where the organisation works. A national catalyseur has neither territory nor region.
proposer-catalyseur-regions = Regions where it works (only with no territory above)
contributions-nouvel-outil = Propose a tool
contributions-nouveau-catalyseur = Propose a catalyseur
moderation-genre-outil = Tools
moderation-genre-catalyseur = Catalyseurs
moderation-sujet-alliance = Alliance
moderation-sujet-outil = Tool
moderation-sujet-catalyseur = Catalyseur
