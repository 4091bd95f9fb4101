#!/usr/bin/env python3
"""Derive the reference data shipped in data/ from the project's shared source folder.

Developer tool, never run by the application or the tests: they read only data/.
Usage: python3 tools/derive-data.py SHARED_DATA_DIR [OUT_DIR]
  SHARED_DATA_DIR  the folder holding sdg/, decoupage-administratif/, geo/, licences/
  OUT_DIR          defaults to data/ next to this script's parent

Every output is deterministic (sorted, fixed rounding) so that re-running it on the same
inputs leaves git clean.
"""
import csv
import json
import math
import os
import shutil
import sys
import tomllib
import unicodedata

SRC = sys.argv[1] if len(sys.argv) > 1 else None
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "data")
if not SRC:
    sys.exit("usage: derive-data.py SHARED_DATA_DIR [OUT_DIR]")

DA = os.path.join(SRC, "decoupage-administratif")


def nfc(value):
    """Composed Unicode (NFC) everywhere: some UN texts mix « é » with « e + U+0301 »."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [nfc(v) for v in value]
    if isinstance(value, dict):
        return {k: nfc(v) for k, v in value.items()}
    return value


def load(path):
    with open(path, encoding="utf-8") as f:
        return nfc(json.load(f))


def write_csv(path, header, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow(["" if v is None else v for v in r])


# ---------------------------------------------------------------- SDGs
def derive_sdg():
    d = load(os.path.join(SRC, "sdg", "sdg_fr_en.json"))
    goals = [
        {
            "code": g["code"],
            "short_fr": g["short_fr"],
            "title_fr": g["title_fr"],
            "short_en": g["short_en"],
            "title_en": g["title_en"],
            "color": g["color"],
        }
        for g in d["goals"]
    ]
    targets = [
        {"code": t["code"], "goal": t["goal"], "title_fr": t["title_fr"], "title_en": t["title_en"]}
        for t in d["targets"]
    ]
    indicators = []
    for i in d["indicators"]:
        item = {
            "code": i["code"],
            "target": i["target"],
            "title_fr": i["title_fr"],
            "title_en": i["title_en"],
            "status": i["status"],
        }
        if i.get("repeats"):
            item["repeats"] = i["repeats"]
        indicators.append(item)
    out = {
        "source": d["meta"]["source"],
        "framework": d["meta"]["framework_version"],
        "goals": goals,
        "targets": targets,
        "indicators": indicators,
    }
    os.makedirs(os.path.join(OUT, "odd"), exist_ok=True)
    with open(os.path.join(OUT, "odd", "odd.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=0, sort_keys=False)
        f.write("\n")
    return len(goals), len(targets), len(indicators)


# ---------------------------------------------------------------- territories
# population_source codes (labels live in the i18n catalogues):
#   insee  population municipale, INSEE populations légales in force in 2026 (year not stated
#          by the source package) -> population_annee empty
#   insee-mayotte-2017  Mayotte's 2017 census, as the source package states -> 2017
#   dgcl   DGCL list of EPCI 2026 (population municipale, year not stated) -> empty
#   somme  sum of the current communes' populations (same provenance as theirs)
MAYOTTE_DEP = "976"


def derive_territories():
    regions = load(os.path.join(DA, "regions.json"))
    deps = load(os.path.join(DA, "departements.json"))
    epcis = load(os.path.join(DA, "epci.json"))
    epts = load(os.path.join(DA, "ept.json"))
    with open(os.path.join(DA, "communes-actuelles.csv"), encoding="utf-8") as f:
        communes = [nfc(row) for row in csv.DictReader(f)]

    def commune_year(c):
        return 2017 if c["departement"] == MAYOTTE_DEP else None

    def commune_source(c):
        return "insee-mayotte-2017" if c["departement"] == MAYOTTE_DEP else "insee"

    # Sums per département / région / COM over current communes (no double counts).
    sums = {}
    years = {}
    for c in communes:
        if not c["population"]:
            continue
        p = int(c["population"])
        for key in (("dep", c["departement"]), ("reg", c["region"])):
            sums[key] = sums.get(key, 0) + p
            years.setdefault(key, set()).add(commune_year(c))

    def agg(key):
        if key not in sums:
            return None, None
        ys = years[key]
        year = ys.pop() if len(ys) == 1 else None
        return sums[key], year

    reg_rows, com_rows = [], []
    for r in sorted(regions, key=lambda r: r["code"]):
        if r["zone"] == "com":
            pop, year = agg(("reg", r["code"]))
            com_rows.append([r["code"], r["nom"], r["chefLieu"], pop, year, "somme" if pop is not None else None])
        else:
            pop, year = agg(("reg", r["code"]))
            reg_rows.append([r["code"], r["nom"], r["zone"], r["chefLieu"], pop, year, "somme"])
    dep_rows = []
    for d in sorted(deps, key=lambda d: d["code"]):
        if d["zone"] == "com":
            continue
        pop, year = agg(("dep", d["code"]))
        dep_rows.append([d["code"], d["nom"], d["region"], d["zone"], d["chefLieu"], pop, year, "somme"])
    epci_rows = []
    for e in sorted(epcis + epts, key=lambda e: e["code"]):
        epci_rows.append([e["code"], e["nom"], e["type"], e.get("modeFinancement") or None,
                          e.get("populationMunicipale"), None, "dgcl"])
    commune_rows = []
    for c in sorted(communes, key=lambda c: c["code_insee"]):
        commune_rows.append([
            c["code_insee"], c["nom"], c["departement"], c["region"], c["zone"], c["siren"] or None,
            c["epci_siren"] or None, c["ept_siren"] or None,
            int(c["population"]) if c["population"] else None,
            commune_year(c) if c["population"] else None,
            commune_source(c) if c["population"] else None,
            c["codes_postaux"] or None,
        ])
    t = os.path.join(OUT, "territoires")
    write_csv(os.path.join(t, "regions.csv"),
              ["code", "nom", "zone", "chef_lieu", "population", "population_annee", "population_source"], reg_rows)
    write_csv(os.path.join(t, "departements.csv"),
              ["code", "nom", "region", "zone", "chef_lieu", "population", "population_annee", "population_source"], dep_rows)
    write_csv(os.path.join(t, "collectivites-outre-mer.csv"),
              ["code", "nom", "chef_lieu", "population", "population_annee", "population_source"], com_rows)
    write_csv(os.path.join(t, "epci.csv"),
              ["siren", "nom", "type", "mode_financement", "population", "population_annee", "population_source"], epci_rows)
    write_csv(os.path.join(t, "communes.csv"),
              ["code", "nom", "departement", "region", "zone", "siren", "epci", "ept", "population",
               "population_annee", "population_source", "codes_postaux"], commune_rows)
    return len(reg_rows), len(dep_rows), len(com_rows), len(epci_rows), len(commune_rows)


# ---------------------------------------------------------------- boundaries
# Metropolitan France in a Lambert conformal conic projection (Lambert-93 parameters on a
# sphere: enough for a small-scale map); each DROM is projected around its own centre and
# fitted into its own inset box in the left column.
W = 1000.0
META_BOX = (215.0, 10.0, 775.0, 780.0)  # x, y, width, height for metropolitan France
INSETS = ["971", "972", "973", "974", "976"]  # by département code
INSET_REGION = {"971": "01", "972": "02", "973": "03", "974": "04", "976": "06"}
INSET_BOX_W, INSET_BOX_H, INSET_X, INSET_Y0, INSET_GAP = 170.0, 142.0, 10.0, 10.0, 14.0
H = INSET_Y0 + 5 * INSET_BOX_H + 4 * INSET_GAP + 10.0

PHI1, PHI2, PHI0, LAM0 = map(math.radians, (44.0, 49.0, 46.5, 3.0))
N = math.log(math.cos(PHI1) / math.cos(PHI2)) / math.log(
    math.tan(math.pi / 4 + PHI2 / 2) / math.tan(math.pi / 4 + PHI1 / 2))
F = math.cos(PHI1) * math.tan(math.pi / 4 + PHI1 / 2) ** N / N
RHO0 = F / math.tan(math.pi / 4 + PHI0 / 2) ** N


def lcc(lon, lat):
    phi, lam = math.radians(lat), math.radians(lon)
    rho = F / math.tan(math.pi / 4 + phi / 2) ** N
    x = rho * math.sin(N * (lam - LAM0))
    y = RHO0 - rho * math.cos(N * (lam - LAM0))
    return x, -y  # SVG y grows downwards


def rings(geom):
    if geom["type"] == "Polygon":
        return [geom["coordinates"]]
    return geom["coordinates"]


def bbox(points):
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def fit(box, bb):
    bx, by, bw, bh = box
    x0, y0, x1, y1 = bb
    s = min(bw / (x1 - x0), bh / (y1 - y0))
    ox = bx + (bw - (x1 - x0) * s) / 2
    oy = by + (bh - (y1 - y0) * s) / 2
    return lambda p: (ox + (p[0] - x0) * s, oy + (p[1] - y0) * s)


def path_d(polys, tf, unit=0.1):
    """SVG path data: absolute start, then relative moves between points rounded to `unit`
    (0.1 for zoomed maps; 1 for whole-France maps, where a unit is below a pixel). Every
    point is rounded on its own, so shared borders stay identical."""
    scale = round(1 / unit)
    out = []
    for poly in polys:
        for ring in poly:
            pts = [tuple(round(v * scale) * (10 // scale) for v in tf(p)) for p in ring]
            dedup = [pts[0]]
            for p in pts[1:]:
                if p != dedup[-1]:
                    dedup.append(p)
            if len(dedup) > 1 and dedup[-1] == dedup[0]:
                dedup.pop()
            if len(dedup) < 3:
                continue
            s = ["M%s %s" % (fmt(dedup[0][0]), fmt(dedup[0][1])), "l"]
            prev = dedup[0]
            deltas = []
            for p in dedup[1:]:
                deltas.append("%s %s" % (fmt(p[0] - prev[0]), fmt(p[1] - prev[1])))
                prev = p
            s.append(" ".join(deltas))
            s.append("z")
            out.append("".join(s))
    return "".join(out).replace(" -", "-")


def fmt(tenths):
    sign = "-" if tenths < 0 else ""
    a = abs(tenths)
    return sign + (str(a // 10) if a % 10 == 0 else "%d.%d" % (a // 10, a % 10))


def centroid(polys):
    """Area-weighted centroid (lon, lat) of the largest polygon's outer ring."""
    best, best_area = None, -1
    for poly in polys:
        ring = poly[0]
        a = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
            cr = x0 * y1 - x1 * y0
            a += cr
            cx += (x0 + x1) * cr
            cy += (y0 + y1) * cr
        if abs(a) > best_area and a != 0:
            best_area = abs(a)
            best = (cx / (3 * a), cy / (3 * a))
    return [round(best[0], 4), round(best[1], 4)]


def derive_geo():
    g = os.path.join(SRC, "geo", "france-geojson")
    regs = load(os.path.join(g, "regions-avec-outre-mer-simplifie.geojson"))["features"]
    deps = load(os.path.join(g, "departements-avec-outre-mer-simplifie.geojson"))["features"]

    # Metropolitan projection bounds from the départements.
    metro_pts = [lcc(*p) for f in deps if f["properties"]["zone"] == "metro"
                 for poly in rings(f["geometry"]) for p in poly[0]]
    metro_tf_inner = fit(META_BOX, bbox(metro_pts))

    inset_tf, inset_boxes = {}, []
    for i, code in enumerate(INSETS):
        feat = next(f for f in deps if f["properties"]["code"] == code)
        pts = [p for poly in rings(feat["geometry"]) for p in poly[0]]
        lon0 = sum(p[0] for p in pts) / len(pts)
        lat0 = sum(p[1] for p in pts) / len(pts)
        k = math.cos(math.radians(lat0))
        proj = (lambda lon0, lat0, k: lambda p: ((p[0] - lon0) * k, -(p[1] - lat0)))(lon0, lat0, k)
        box = (INSET_X, INSET_Y0 + i * (INSET_BOX_H + INSET_GAP), INSET_BOX_W, INSET_BOX_H)
        pad = 12.0
        inner = (box[0] + pad, box[1] + pad + 10, box[2] - 2 * pad, box[3] - 2 * pad - 10)
        tf = fit(inner, bbox([proj(p) for p in pts]))
        inset_tf[code] = (lambda tf, proj: lambda p: tf(proj(p)))(tf, proj)
        inset_boxes.append({"departement": code, "region": INSET_REGION[code],
                            "x": box[0], "y": box[1], "largeur": box[2], "hauteur": box[3]})

    def transform_for(dep_code):
        if dep_code in inset_tf:
            return inset_tf[dep_code]
        return lambda p: metro_tf_inner(lcc(*p))

    def shapes(features, key_dep, unit=0.1):
        out = []
        for f in sorted(features, key=lambda f: f["properties"]["code"]):
            props = f["properties"]
            polys = rings(f["geometry"])
            dep = key_dep(props)
            tf = transform_for(dep)
            pts = [tf(p) for poly in polys for p in poly[0]]
            x0, y0, x1, y1 = bbox(pts)
            label = centroid([[[tf(p) for p in poly[0]]] for poly in polys])
            item = {"code": props["code"], "d": path_d(polys, tf, unit),
                    "boite": [round(x0, 1), round(y0, 1), round(x1 - x0, 1), round(y1 - y0, 1)],
                    "centre": centroid(polys),
                    "etiquette": [round(label[0], 1), round(label[1], 1)]}
            if "region" in props:
                item["region"] = props["region"]
            out.append(item)
        return out

    reg_to_dep = {v: k for k, v in INSET_REGION.items()}
    carte_regions = {"largeur": W, "hauteur": H, "encarts": inset_boxes,
                     "formes": shapes(regs, lambda p: reg_to_dep.get(p["code"], "metro"))}
    carte_deps = {"largeur": W, "hauteur": H, "encarts": inset_boxes,
                  "formes": shapes(deps, lambda p: p["code"])}
    # Whole-France views: the same frame, points rounded to one unit.
    france_regions = {"largeur": W, "hauteur": H, "encarts": inset_boxes,
                      "formes": shapes(regs, lambda p: reg_to_dep.get(p["code"], "metro"), 1)}
    france_deps = {"largeur": W, "hauteur": H, "encarts": inset_boxes,
                   "formes": shapes(deps, lambda p: p["code"], 1)}
    os.makedirs(os.path.join(OUT, "geo"), exist_ok=True)
    for name, data in (("carte-regions.json", carte_regions), ("carte-departements.json", carte_deps),
                       ("france-regions.json", france_regions), ("france-departements.json", france_deps)):
        with open(os.path.join(OUT, "geo", name), "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, separators=(",", ":"))
            f.write("\n")
    return len(carte_regions["formes"]), len(carte_deps["formes"])


def load_texts(kind):
    """Our texts of one kind of record: every content/<kind>/*.toml, keyed by the row's id."""
    content = os.path.join(os.path.dirname(__file__), "..", "content", kind)
    texts = {}
    for name in sorted(os.listdir(content)):
        if name.endswith(".toml"):
            with open(os.path.join(content, name), "rb") as f:
                texts.update(nfc(tomllib.load(f)))
    return texts


# ---------------------------------------------------------------- alliances
FACT_COLUMNS = ["id", "name", "partners", "territory_name", "territory_level", "insee_codes",
                "region", "start_year", "domains", "relational_modes", "sdgs_stated",
                "fragilities", "results", "source_urls", "retrieved"]


ALLIANCE_TABLES = ["alliances-facts-%d.csv" % i for i in range(1, 10)]


def commune_parents():
    """The current communes' codes, and the parent commune of each arrondissement municipal
    and commune déléguée or associée (not territories of their own)."""
    communes = load(os.path.join(DA, "communes.json"))
    current = {c["code"] for c in communes if c["type"] == "commune-actuelle"}
    parent = {}
    for c in communes:
        if c["type"] == "arrondissement-municipal":
            parent[c["code"]] = c["commune"]
        elif c["type"] in ("commune-deleguee", "commune-associee") and c["code"] not in current:
            parent[c["code"]] = c["chefLieu"]
    return current, parent


def derive_alliances():
    """The fact tables, one row per alliance, plus our summary, description and, where the
    facts say the alliance ended, its status, written in content/alliances/textes-*.toml
    (keyed by the row's id). Codes of Paris, Lyon and Marseille arrondissements become their
    commune (the arrondissement stays named in territory_name)."""
    _, parent = commune_parents()
    texts = load_texts("alliances")
    cases = os.path.join(SRC, "cases")
    rows, missing = [], []
    for name in ALLIANCE_TABLES:
        with open(os.path.join(cases, name), encoding="utf-8-sig", newline="") as f:
            for r in csv.DictReader(f):
                r = nfc(r)
                # One source address lost its « :/ » in the fact table (« https/www… »);
                # restored here, and listed in SOURCES.md.
                r["source_urls"] = " | ".join(
                    "https://" + u[len("https/"):] if u.startswith("https/") else u
                    for u in r["source_urls"].split(" | "))
                codes = [c.strip() for c in r["insee_codes"].split("|") if c.strip()]
                codes = [parent.get(c, c) if len(c) == 5 else c for c in codes]
                r["insee_codes"] = " | ".join(dict.fromkeys(codes))
                t = texts.get(r["id"], {})
                if not t:
                    missing.append(r["id"])
                statut = t.get("statut", "")
                if statut not in ("", "termine", "actif"):
                    sys.exit("alliance %s: statut « %s » inconnu" % (r["id"], statut))
                rows.append([r[c] for c in FACT_COLUMNS]
                            + [t.get("resume", "").strip(), t.get("description", "").strip(), statut])
    write_csv(os.path.join(OUT, "alliances", "alliances.csv"),
              FACT_COLUMNS + ["resume", "description", "statut"], rows)
    if missing:
        print("alliances without texts:", ", ".join(missing), file=sys.stderr)
    return len(rows)


# ---------------------------------------------------------------- observatory
FIGURE_COLUMNS = ["id", "value_percent", "statement_fr", "population", "study", "year",
                  "source_url", "note", "kind", "region_code", "region", "rank", "programme",
                  "fieldwork", "sample_size", "method", "institute", "libelle_en", "note_fr",
                  "theme", "reprise_de", "reprise_editoriale", "ecart_avec", "non_corrobore",
                  "valeur"]


def regional_programme(study):
    """The programme of a regional fact, read from its study's name (PHARE-Citoyens,
    IMPACT-Occitanie…); studies outside the observatory's programmes are « autre »."""
    for prefix, name in (("PHARE", "PHARE"), ("IMPACT", "IMPACT")):
        if study.startswith(prefix):
            return name
    return "autre"


def derive_observatoire():
    """Both fact tables in one layout (the key-figures table's columns, then the regional
    ones, then ours): our French notes and English labels (content/observatoire/
    chiffres-cles.toml) and our classification (content/observatoire/classement.csv)."""
    root = os.path.join(os.path.dirname(__file__), "..")
    with open(os.path.join(root, "content", "observatoire", "chiffres-cles.toml"), "rb") as f:
        texts = nfc(tomllib.load(f))
    with open(os.path.join(root, "content", "observatoire", "classement.csv"), encoding="utf-8") as f:
        classes = {r["id"]: r for r in csv.DictReader(f)}
    with open(os.path.join(OUT, "observatoire", "populations.csv"), encoding="utf-8") as f:
        populations = {r["label_fr"] for r in csv.DictReader(f)}
    src = os.path.join(SRC, "observatoire")
    rows = []
    with open(os.path.join(src, "key-figures.csv"), encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            r = nfc(r)
            r["kind"] = "chiffre-cle"
            rows.append(r)
    with open(os.path.join(src, "regional-facts.csv"), encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            r = nfc(r)
            r["statement_fr"] = r.pop("label_fr")
            r["programme"] = regional_programme(r["study"])
            r["rank"] = r["rank"]
            rows.append(r)
    out = []
    for r in rows:
        t, c = texts[r["id"]], classes[r["id"]]
        if r["population"] and r["population"] not in populations:
            sys.exit("population without a code in data/observatoire/populations.csv: " + r["population"])
        r.update({"libelle_en": t["libelle_en"].strip(), "note_fr": t["note"].strip(),
                  "theme": c["theme"], "reprise_de": c["reprise_de"],
                  "reprise_editoriale": c["reprise_editoriale"], "ecart_avec": c["ecart_avec"],
                  "non_corrobore": c["non_corrobore"], "valeur": ""})
        out.append([r.get(col, "") for col in FIGURE_COLUMNS])
    write_csv(os.path.join(OUT, "observatoire", "chiffres-cles.csv"), FIGURE_COLUMNS, out)
    return len(out)


# ---------------------------------------------------------------- catalyseurs
# Territories the catalyseurs fact table names in words and leaves without a code because
# they are not one current unit, written as the current units they are made of (COG):
# former régions (before 2016) as their départements, two communes, two EPCI, two régions.
# Territories that are no set of units (Perche, Pays de Fougères, bassin minier…) stay
# located by their région.
CATALYSEUR_UNITS = {
    "oriv": ("departement", "67 | 68"),
    "alsace-active": ("departement", "67 | 68"),
    "lorraine-active": ("departement", "54 | 55 | 57 | 88"),
    "franche-comte-active": ("departement", "25 | 39 | 70 | 90"),
    "aquitaine-active": ("departement", "24 | 33 | 40 | 47 | 64"),
    "cr-dsu-rhone-alpes": ("departement", "01 | 07 | 26 | 38 | 42 | 69 | 73 | 74"),
    "club-gravelle-entreprendre": ("commune", "94018 | 94069"),
    "club-face-poitiers-chatellerault": ("intercommunalite", "200069854 | 248600413"),
    "reso-villes": ("region", "53 | 52"),
}


def derive_catalyseurs():
    """The catalyseurs fact table, its layout being the import layout; the territories of
    CATALYSEUR_UNITS written as their units."""
    with open(os.path.join(SRC, "catalyseurs", "catalyseurs-facts.csv"), encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        header = reader.fieldnames
        rows = []
        for r in reader:
            r = nfc(r)
            if r["id"] in CATALYSEUR_UNITS:
                if r["insee_codes"]:
                    sys.exit("catalyseur %s already has codes" % r["id"])
                r["territory_level"], r["insee_codes"] = CATALYSEUR_UNITS[r["id"]]
            rows.append([r[c] for c in header])
    write_csv(os.path.join(OUT, "catalyseurs", "catalyseurs.csv"), header, rows)
    return len(rows)


# ---------------------------------------------------------------- outils
# Document-sharing sites: a copy found there is evidence (it stays a source), never the
# tool's official page (SOURCE.md of the tools table); two rows give one as their `url`.
DOCUMENT_SHARING = ("123dok.net", "vdocuments.us")
# News and blog sites: an article about a tool is evidence too, not its official page; four
# rows give one as their `url` (read on 2026-12-03: regional press and a mapping blog).
NEWS_SITES = ("megazap.fr", "lejournaldelaxeseine.fr", "veillecarto2-0.fr")


def derive_outils():
    """The tools fact table, its layout being the import layout, plus our description
    written in content/outils/textes-*.toml (keyed by the row's id). A `url` on a
    document-sharing or news site is left empty (it stays among the sources)."""
    texts = load_texts("outils")
    with open(os.path.join(SRC, "tools", "tools-facts.csv"), encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        header = reader.fieldnames
        rows, missing = [], []
        for r in reader:
            r = nfc(r)
            if any(d in r["url"] for d in DOCUMENT_SHARING + NEWS_SITES):
                if r["url"] not in r["source_urls"]:
                    sys.exit("tool %s: its url is not among its sources" % r["id"])
                r["url"] = ""
            t = texts.get(r["id"], {})
            if not t:
                missing.append(r["id"])
            rows.append([r[c] for c in header] + [t.get("description", "").strip()])
    unknown = sorted(set(texts) - {r[0] for r in rows})
    if unknown:
        sys.exit("texts for unknown tools: " + ", ".join(unknown))
    os.makedirs(os.path.join(OUT, "outils"), exist_ok=True)
    write_csv(os.path.join(OUT, "outils", "outils.csv"), header + ["description"], rows)
    if missing:
        print("tools without texts:", ", ".join(missing), file=sys.stderr)
    return len(rows)


# ---------------------------------------------------------------- France services
def derive_lieux():
    """The France services structures (ANCT, 1 August 2024) without contacts or hours.
    Arrondissements municipaux and communes déléguées are placed in their parent commune
    (`commune`); the code the source gives stays in `commune_source`."""
    current, parent = commune_parents()
    path = os.path.join(SRC, "initiatives", "france-services", "france-services-20240801-sans-contacts.csv")
    rows, mapped = [], 0
    with open(path, encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            r = nfc(r)
            code = r["insee_com"]
            commune = code if code in current else parent.get(code)
            if commune is None:
                sys.exit("France services %s: commune %s unknown" % (r["id_fs"], code))
            if commune != code:
                mapped += 1
            address = " ".join(x.strip() for x in (r["adresse"], r["complement_adresse"]) if x.strip())
            rows.append([int(r["id_fs"]), r["lib_fs"].strip(), address, r["code_postal"],
                         r["lib_com"].strip(), commune, code if commune != code else "",
                         r["type_fs"].lower(), r["format_fs"]])
    rows.sort()
    write_csv(os.path.join(OUT, "lieux", "france-services.csv"),
              ["id", "nom", "adresse", "code_postal", "commune_nom", "commune", "commune_source",
               "type", "format"], rows)
    shutil.copyfile(os.path.join(SRC, "initiatives", "france-services", "LICENCE.md"),
                    os.path.join(OUT, "lieux", "LICENCE-france-services.md"))
    return len(rows), mapped


def copy_licences():
    dst = os.path.join(OUT, "licences")
    os.makedirs(dst, exist_ok=True)
    for name in ("licence-ouverte-2.0.md", "mit-open-sdg.txt", "mit-etalab-decoupage-administratif.txt"):
        shutil.copyfile(os.path.join(SRC, "licences", name), os.path.join(dst, name))


if __name__ == "__main__":
    print("odd:", derive_sdg())
    print("territoires:", derive_territories())
    print("geo:", derive_geo())
    print("alliances:", derive_alliances())
    print("chiffres clés:", derive_observatoire())
    print("catalyseurs:", derive_catalyseurs())
    print("outils:", derive_outils())
    print("lieux (France services, rattachés):", derive_lieux())
    copy_licences()
