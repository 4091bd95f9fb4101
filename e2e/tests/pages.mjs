// The pages every browser test walks through: one of each page type, in
// French (unprefixed) and a few English ones, plus the 404 page.

export const PAGES = [
  { path: '/', name: 'home' },
  { path: '/odd', name: 'the 17 goals' },
  { path: '/odd/17', name: 'SDG 17' },
  { path: '/odd/cibles/17.17', name: 'target 17.17' },
  { path: '/territoires', name: 'territories (map, table, search)' },
  { path: '/territoires?q=saint+etienne', name: 'territory search results' },
  { path: '/territoires/regions/28', name: 'région Normandie' },
  { path: '/territoires/departements/14', name: 'département Calvados' },
  { path: '/territoires/epci/200054781', name: 'EPCI Métropole du Grand Paris' },
  { path: '/territoires/communes/59378', name: 'commune Marcq-en-Barœul' },
  { path: '/territoires/collectivites-outre-mer/975', name: "collectivité d'outre-mer 975" },
  { path: '/methodes', name: 'Méthodes: the questionnaire landing' },
  { path: '/exemples', name: 'alliance search' },
  { path: '/exemples?q=energie+citoyenne&region=53', name: 'alliance search with a filter' },
  { path: '/exemples?vue=carte&domaine=environnemental', name: 'alliance map view (régions)' },
  { path: '/exemples?vue=carte&echelle=departements', name: 'alliance map view (départements)' },
  { path: '/exemples/ptce-vivre-les-mureaux', name: 'alliance record' },
  { path: '/donnees', name: 'Données: observatory of key figures (filters, charts, tables)' },
  { path: '/donnees/chiffres/kf-052', name: 'key figure with two conflicting values' },
  { path: '/donnees/chiffres/rf-001', name: 'key figure rf-001' },
  { path: '/donnees/cartes', name: 'choropleth map of départements (overseas insets, table)' },
  { path: '/donnees/cartes/regions/catalyseurs', name: 'choropleth map of régions: catalyseurs' },
  { path: '/catalyseurs', name: 'catalyseurs directory' },
  { path: '/catalyseurs/bordeaux-mecenes-solidaires', name: 'catalyseur record' },
  { path: '/reperes', name: 'fiches repères index' },
  { path: '/reperes/acteurs/collectivite', name: 'fiche repère: actor type (collectivité)' },
  { path: '/reperes/domaines/social', name: 'fiche repère: domain (social)' },
  { path: '/reperes/territoires/departements/33', name: 'fiche repère: territory (Gironde)' },
  { path: '/territoires/departements/33', name: 'département Gironde (with its synthesis)' },
  { path: '/outils', name: 'tools: search and facets' },
  { path: '/outils?q=cooperation&phase=construire', name: 'tools: a search with a filter' },
  { path: '/outils/cartographie', name: 'tools: cartography, phases × audiences' },
  { path: '/outils/cartographie?vue=maturite&phase=construire&public=collectivite&maturite=experimenter', name: 'tools: cartography by maturity, highlighted from a diagnostic' },
  { path: '/outils/rameau-evaluation-partenariale-en-pratique', name: 'tool record' },
  { path: '/outils/observatoire-des-territoires', name: 'tool record without an official page' },
  { path: '/competences', name: 'module placeholder Compétences' },
  { path: '/accessibilite', name: 'accessibility statement' },
  { path: '/confidentialite', name: 'privacy' },
  { path: '/mentions-legales', name: 'legal notice' },
  { path: '/sources-et-licences', name: 'sources and licences' },
  { path: '/donnees-ouvertes', name: 'open data' },
  { path: '/api/docs', name: 'API docs (Swagger UI)', swagger: true },
  { path: '/territoires/communes/99999', name: '404 page', status: 404, title: /Page introuvable/ },
  { path: '/en', name: 'home (English)', lang: 'en' },
  { path: '/en/odd/17', name: 'SDG 17 (English)', lang: 'en' },
  { path: '/en/territoires/regions/28', name: 'région Normandie (English)', lang: 'en' },
  { path: '/en/exemples', name: 'alliance search (English)', lang: 'en' },
  { path: '/en/methodes', name: 'Méthodes landing (English)', lang: 'en' },
  { path: '/en/exemples/repareseb', name: 'alliance record (English)', lang: 'en' },
  { path: '/en/donnees', name: 'Données observatory (English)', lang: 'en' },
  { path: '/en/outils/cartographie', name: 'tools cartography (English)', lang: 'en' },
  { path: '/en/donnees/chiffres/kf-052', name: 'key figure with two conflicting values (English)', lang: 'en' },
];

/** Module placeholders, each showing a « Bientôt » badge (Outils is a real module now). */
export const MODULE_PLACEHOLDERS = ['/competences'];

/** Selector + text that prove the vendored Swagger UI rendered the OpenAPI spec. */
export const SWAGGER_TITLE_SELECTOR = '.swagger-ui .info .title';
export const OPENAPI_TITLE = /API Alliances/;
