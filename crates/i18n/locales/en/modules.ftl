# The five M.E.D.O.C. modules: name and summary (home page).
# Reminder: no curly braces in texts (Fluent placeables), no HTML.

## M — Methods

module-methodes-nom = Methods
module-methodes-resume = A guided set of questions to see where you stand and where to begin.

## E — Examples

module-exemples-nom = Examples
module-exemples-resume = Real alliances, documented and sourced, to draw inspiration from.

## D — Data

module-donnees-nom = Data
module-donnees-resume = Key figures on alliances, always shown with their source.

## O — Tools

module-outils-nom = Tools
module-outils-resume = Guides, kits, templates and more, organised so you find the right tool at the right time.

## C — Skills

module-competences-nom = Skills
module-competences-resume = A learning path to build your alliance skills at your own pace.
