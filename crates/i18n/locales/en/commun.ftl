# Site shell: header, navigation, footer, shared messages, errors.

site-nom = Alliances
site-signature = SDG 17 in practice
site-description = Learning to build alliances: methods, examples, data, tools and skills for partnerships between the actors of a territory.
lien-evitement = Skip to content
nav-principale = Main navigation
nav-accueil = Home
nav-methodes = Methods
nav-exemples = Examples
nav-donnees = Data
nav-outils = Tools
nav-competences = Skills
nav-territoires = Territories
nav-odd = SDGs
langue-autre = Français
langue-autre-titre = Lire cette page en français
fil-ariane = You are here
pied-nav = About this site
pied-accessibilite = Accessibility
pied-donnees-ouvertes = Open data
pied-sources = Sources and licences
pied-mentions = Legal notice
pied-confidentialite = Privacy
pied-api = API
pied-logiciel = Free software released under the AGPL-3.0-or-later licence.
pied-donnees = Reference data: United Nations (SDGs), INSEE, DGCL, IGN, ANCT — see “Sources and licences”.
badge-disponible = Available
badge-bientot = Coming soon
lire-aussi = See also
retour-haut = Back to top
imprimer = Print this page
non-renseigne = not stated
population-non-renseignee = population not stated
habitants = { $n ->
    [one] { $nf } inhabitant
   *[other] { $nf } inhabitants
}
nombre-communes = { $n ->
    [one] { $nf } municipality
   *[other] { $nf } municipalities
}
nombre-departements = { $n ->
    [one] { $nf } département
   *[other] { $nf } départements
}
nombre-intercommunalites = { $n ->
    [one] { $nf } inter-municipal body
   *[other] { $nf } inter-municipal bodies
}
nombre-resultats = { $n ->
    [0] No result
    [one] { $nf } result
   *[other] { $nf } results
}

## Pagination

pagination-titre = Pagination
pagination-precedente = Previous page
pagination-suivante = Next page
pagination-position = Page { $page } of { $pages }

## Errors (each says what to do)

erreur-retour-accueil = Back to the home page
erreur-code = Error { $code }
erreur-champs-titre = To fix
erreur-400-titre = Bad request
erreur-400-texte = The request is malformed. Check the address or the values entered, then try again.
erreur-403-titre = Access denied
erreur-403-texte = Request refused: it comes from another site than this one. Start again from a page of this site.
erreur-404-titre = Page not found
erreur-404-texte = No page matches this address. Check the code or the link, or start again from the home page.
erreur-405-titre = Method not allowed
erreur-405-texte = This address does not answer this kind of request. Use a link or a form of this site.
erreur-408-titre = Timed out
erreur-408-texte = The answer took too long. Try again in a moment.
erreur-409-titre = Conflict
erreur-409-texte = The request comes too late: the resource has changed in the meantime. Reload the page and try again.
erreur-413-titre = Too large
erreur-413-texte = The data sent exceeds the accepted size. Reduce it and try again.
erreur-415-titre = Unsupported format
erreur-415-texte = The format of the data sent is not accepted. Send JSON (application/json) or a form.
erreur-422-titre = Invalid values
erreur-422-texte = Some values are not acceptable. Fix the fields listed and try again.
erreur-429-titre = Too many requests
erreur-429-texte = You sent many requests in a short time. Wait a few seconds and try again.
erreur-500-titre = Internal error
erreur-500-texte = Something went wrong on our side. It has been logged; try again in a moment.
erreur-503-titre = Starting up
erreur-503-texte = The platform is finishing its start-up (preparing the database). Try again in a few seconds.
erreur-charge-titre = Service very busy
erreur-charge-texte = Too many requests are arriving at once: this one was not handled. Try again in a second.

## “Sources and licences”, “Open data”, “Legal notice”, API pages

sources-titre = Sources and licences
sources-intro = Every piece of data shown here comes from a public source. For each dataset shipped with the platform: where it comes from, its licence, and what we did with it.
sources-jeu = Dataset
sources-origine = Origin
sources-licence = Licence
sources-traitement = What we do with it
sources-mention = Attribution
sources-logiciel-titre = The software
sources-logiciel-texte = The platform's code is free software, released under the GNU Affero General Public License, version 3 or later (AGPL-3.0-or-later). The libraries it ships keep their own licences.
sources-odd-nom = SDG goals, targets and indicators
sources-odd-origine = United Nations (resolutions A/RES/70/1 and A/RES/71/313); translations from the Open SDG project (open-sdg/sdg-translations repository).
sources-odd-licence = Files: MIT licence (Open SDG); texts: official United Nations documents.
sources-odd-traitement = Normalised codes (17.16.1), official order, the four indicators retired in 2020 flagged as such, indicators repeated under several targets linked together. Colours: palette of the United Nations communication guidelines.
sources-odd-mention = Goals, targets and indicators: United Nations; translations: Open SDG project (MIT licence).
sources-territoires-nom = Administrative divisions (COG 2026)
sources-territoires-origine = INSEE (official geographic code, legal populations), DGCL (2026 list of inter-municipal bodies with their own taxation), INSEE (list of EPT), La Poste (postcodes), via the @etalab/decoupage-administratif 6.0.0 package.
sources-territoires-licence = Licence Ouverte 2.0 (Etalab).
sources-territoires-traitement = Régions, départements, overseas collectivities, EPCI and EPT, current municipalities. Populations of régions and départements are the sums of their municipalities; populations of inter-municipal bodies come from the DGCL. A reference year is only given when the source states it (2017 census for Mayotte).
sources-territoires-mention = Administrative divisions: INSEE, DGCL, La Poste — via @etalab/decoupage-administratif 6.0.0 (Licence Ouverte).
sources-contours-nom = Outlines of régions and départements
sources-contours-origine = IGN, ADMIN EXPRESS COG 2018 edition, via the gregoiredavid/france-geojson repository; simplified outlines.
sources-contours-licence = Licence Ouverte 2.0.
sources-contours-traitement = Lambert conformal conic projection for metropolitan France; each overseas département and région is drawn in its own inset, at its own scale. No boundary has changed since 2018.
sources-contours-mention = Outlines: IGN — ADMIN EXPRESS COG 2018, via gregoiredavid/france-geojson (Licence Ouverte).
sources-textes-licences = Licence texts
sources-texte-lo = Licence Ouverte 2.0
sources-texte-mit-sdg = Open SDG MIT licence
sources-texte-mit-etalab = MIT licence of the @etalab/decoupage-administratif code (not shipped, for information)

donnees-ouvertes-titre = Open data and API
donnees-ouvertes-intro = Everything the platform publishes is reusable: the base of alliances, the key figures, the catalysts and the tools as complete downloads, and the reference data through a documented JSON API.
donnees-ouvertes-api-titre = The JSON API
donnees-ouvertes-api-texte = The API answers under /api/v1 in JSON, with French keys. A collection returns a total and a paginated list of results (page and par_page parameters, at most 1,000); an error returns a problem+json document explaining what to fix.
donnees-ouvertes-doc = Interactive API documentation
donnees-ouvertes-openapi = OpenAPI description (JSON)
donnees-ouvertes-exemples-titre = A few requests
donnees-ouvertes-jeux-titre = Available datasets
donnees-ouvertes-jeu-odd = SDG goals, targets and indicators (French and English)
donnees-ouvertes-jeu-territoires = Régions, départements, inter-municipal bodies and municipalities, with their populations
donnees-ouvertes-jeu-recherche = Territory search by name, code or postcode
donnees-ouvertes-licences = The reuse conditions of each dataset are detailed in “Sources and licences”.

mentions-titre = Legal notice
mentions-intro = This platform is free software that anyone can install. The information below concerns this instance; it is provided by its operator.
mentions-editeur = Publisher
mentions-adresse = Address
mentions-contact = Contact
mentions-directeur = Publication director
mentions-hebergeur = Hosting
mentions-a-renseigner = to be provided by the operator of this instance (configuration key { $cle })
mentions-logiciel-titre = Software
mentions-logiciel-texte = Alliances is released under the AGPL-3.0-or-later licence: you may use, study, modify and redistribute it under the terms of that licence.
mentions-donnees-titre = Data
mentions-donnees-texte = Reference data comes from public sources detailed in “Sources and licences”.

api-docs-titre = API documentation
api-docs-intro = This page loads an interactive documentation interface (Swagger UI, served by this instance). Without JavaScript, the full description remains readable in OpenAPI format.
api-docs-openapi = Open the OpenAPI description (JSON)
