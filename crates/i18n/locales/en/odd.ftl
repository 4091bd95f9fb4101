# Sustainable Development Goals referential.

odd-titre = The 17 Sustainable Development Goals
odd-description = The 17 goals, 169 targets and indicators of the United Nations 2030 Agenda, in French and English.
odd-intro = Adopted by the United Nations in 2015, the Sustainable Development Goals (SDGs) set a shared direction for 2030. Each goal breaks down into targets, and each target into indicators that track progress. SDG 17 is about the means to get there, partnerships between actors among them.
odd-objectif = Goal { $n }
odd-objectif-court = SDG { $n }
odd-enonce = Official wording
odd-cibles-titre = Targets
odd-nombre-cibles = { $n ->
    [one] { $nf } target
   *[other] { $nf } targets
}
odd-nombre-indicateurs = { $n ->
    [0] no indicator
    [one] { $nf } indicator
   *[other] { $nf } indicators
}
odd-cible = Target { $code }
odd-indicateurs-titre = Monitoring indicators
odd-indicateur-retire = retired in the 2020 review
odd-indicateur-repete = Same indicator under
odd-aucun-indicateur = No global indicator is attached to this target.
odd-precedent = Previous goal
odd-suivant = Next goal
odd-voir-objectif = See the goal
odd-voir-cibles = See the targets
odd-source = Source: United Nations (A/RES/70/1 and global indicator framework); translations from the Open SDG project.
odd-17-groupes-intro = The 19 targets of SDG 17 fall under five themes.
odd-groupe-finance = Finance
odd-groupe-technologie = Technology
odd-groupe-renforcement-capacites = Capacity-building
odd-groupe-commerce = Trade
odd-groupe-questions-structurelles = Systemic issues
odd-sousgroupe-coherence-politiques = Policy and institutional coherence
odd-sousgroupe-partenariats-multipartites = Multi-stakeholder partnerships
odd-sousgroupe-donnees-suivi = Data, monitoring and accountability
odd-alliances-bientot = Tools are not attached to SDG targets in our data: the map of tools classifies them by phase of an alliance, audience and maturity level.
odd-accent-partenariats = Targets 17.16 and 17.17 are at the heart of the platform: they call for multi-stakeholder partnerships bringing together public actors, private actors and civil society.
