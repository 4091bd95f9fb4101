# Référentiel des objectifs de développement durable.

odd-titre = Les 17 objectifs de développement durable
odd-description = Les 17 objectifs, 169 cibles et indicateurs du Programme 2030 des Nations Unies, en français et en anglais.
odd-intro = Adoptés par les Nations Unies en 2015, les objectifs de développement durable (ODD) fixent un cap commun à l'horizon 2030. Chacun se décline en cibles, et chaque cible en indicateurs qui permettent de suivre les progrès. L'ODD 17 porte sur les moyens d'y parvenir, et notamment sur les partenariats entre acteurs.
odd-objectif = Objectif { $n }
odd-objectif-court = ODD { $n }
odd-enonce = Énoncé officiel
odd-cibles-titre = Les cibles
odd-nombre-cibles = { $n ->
    [one] { $nf } cible
   *[other] { $nf } cibles
}
odd-nombre-indicateurs = { $n ->
    [0] aucun indicateur
    [one] { $nf } indicateur
   *[other] { $nf } indicateurs
}
odd-cible = Cible { $code }
odd-indicateurs-titre = Indicateurs de suivi
odd-indicateur-retire = retiré lors de la revue de 2020
odd-indicateur-repete = Même indicateur sous
odd-aucun-indicateur = Aucun indicateur mondial n'est rattaché à cette cible.
odd-precedent = Objectif précédent
odd-suivant = Objectif suivant
odd-voir-objectif = Voir l'objectif
odd-voir-cibles = Voir les cibles
odd-source = Source : Nations Unies (A/RES/70/1 et cadre mondial d'indicateurs) ; traductions du projet Open SDG.
odd-17-groupes-intro = Les 19 cibles de l'ODD 17 se répartissent en cinq thèmes.
odd-groupe-finance = Finance
odd-groupe-technologie = Technologie
odd-groupe-renforcement-capacites = Renforcement des capacités
odd-groupe-commerce = Commerce
odd-groupe-questions-structurelles = Questions structurelles
odd-sousgroupe-coherence-politiques = Cohérence des politiques et des structures institutionnelles
odd-sousgroupe-partenariats-multipartites = Partenariats multipartites
odd-sousgroupe-donnees-suivi = Données, suivi et application du principe de responsabilité
odd-alliances-bientot = Les outils ne sont pas rattachés aux cibles des ODD dans nos données : la cartographie des outils les classe par phase d'une alliance, par public et par niveau de maturité.
odd-accent-partenariats = Les cibles 17.16 et 17.17 sont au cœur de la plateforme : elles appellent des partenariats multipartites qui associent acteurs publics, privés et de la société civile.
