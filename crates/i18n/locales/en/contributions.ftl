## Contributions, moderation and history

proposition-statut-en_attente = Waiting for moderation
proposition-statut-changements_demandes = Changes requested
proposition-statut-acceptee = Accepted and published
proposition-statut-refusee = Rejected

contributions-titre = My contributions
contributions-intro = Your proposed alliances and changes, latest first, with the moderators' answer.
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
moderation-nouvelle = New alliance
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
historique-courante = published now
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
