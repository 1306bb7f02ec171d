# ruff: noqa: E501  (expected messages are kept whole, one per line, to read as the CLI prints them)
"""The known-bad content tree yields exactly these errors, no more, no fewer.

Each file of tests/fixtures/content_bad/ holds deliberate mistakes (its first
comment says which); when a rule or a message changes, this list shows the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import Code, ContentError
from generator.load import load_directory

EXPECTED_FR = [
    (
        "advisors/bad-values.yaml:5:17",
        "serves.fsas[0] : « j6e » n'est pas une RTA (trois premiers caractères d'un code postal)",
    ),
    ("advisors/bad-values.yaml:6:17", "languages[1] : « de » n'est pas une valeur permise"),
    ("advisors/bad-values.yaml:9:17", "location.lat : 12.0 est hors limites"),
    ("advisors/empty-area.yaml:5:1", "serves ne couvre aucun territoire"),
    ("advisors/real-without-sources.yaml:1:1", "fiche réelle (sans sample: true) mais sans sources"),
    (
        "advisors/sample-joliette.yaml:4:15",
        "organisation : l'organisme « cld-joliette » reçoit des demandes mais n'a pas de courriel",
    ),
    (
        "advisors/sample-joliette.yaml:6:22",
        "serves.fsas[1] : la RTA J7Z n'est pas dans la région 14 (Lanaudière)",
    ),
    (
        "advisors/sample-real-email.yaml:7:8",
        "email : « sam@mrcrdn.qc.ca » n'est pas un courriel d'exemple, alors que la fiche porte sample: true",
    ),
    (
        "advisors/unmarked-example.yaml:4:15",
        "organisation : « cld-joliete » ne correspond à aucun organisme (pas de fichier content/organisations/cld-joliete.yaml)",
    ),
    (
        "advisors/unmarked-example.yaml:8:8",
        "email : « robin@example.org » est un courriel d'exemple, mais la fiche ne porte pas sample: true",
    ),
    ("organisations/bad-formats.yaml:2:7", "kind : « consultant » n'est pas une valeur permise"),
    ("organisations/bad-formats.yaml:4:11", "regions[0] : « 5 » n'est pas une valeur permise"),
    ("organisations/bad-formats.yaml:6:9", "address.city est vide"),
    (
        "organisations/bad-formats.yaml:7:16",
        "address.postal_code : « J6E3Z4 » n'est pas un code postal valide",
    ),
    (
        "organisations/bad-formats.yaml:8:10",
        "website : « www.formats.qc.ca » n'est pas une adresse web valide",
    ),
    (
        "organisations/bad-formats.yaml:9:8",
        "phone : « 450-365-9218x » n'est pas un numéro de téléphone valide",
    ),
    (
        "organisations/bad-formats.yaml:10:8",
        "email : « info-at-formats.qc.ca » n'est pas une adresse courriel valide",
    ),
    (
        "organisations/bad-formats.yaml:12:11",
        "sources[0].seed : « seed2.txt » n'est pas un nom de document source",
    ),
    ("organisations/bad-formats.yaml:14:5", "sources[1] ne nomme aucun document"),
    ("organisations/duplicate-key.yaml:5:1", "name est en double (déjà à la ligne 3)"),
    ("organisations/empty-territory.yaml:6:1", "serves ne couvre aucun territoire"),
    ("organisations/everywhere.yaml:4:10", "regions : « everywhere » n'est pas une valeur permise"),
    (
        "organisations/funder-copy.yaml:2:5",
        "id : « funder » ne correspond pas au nom du fichier (funder-copy.yaml)",
    ),
    (
        "organisations/funder-copy.yaml:2:5",
        "id : « funder » est déjà celui de content/organisations/funder.yaml",
    ),
    (
        "organisations/http-ottawa.yaml:6:38",
        "address.postal_code : « K1A 0B1 » n'est pas un code postal du Québec (il commence par G, H ou J)",
    ),
    (
        "organisations/http-ottawa.yaml:7:10",
        "website : « http://service.example.com » n'est pas une adresse https",
    ),
    (
        "organisations/joliette-in-monteregie.yaml:5:12",
        "name.fr : « CLD  Joliette inc. » est déjà l'organisme de content/organisations/cld-joliette.yaml:4",
    ),
    (
        "organisations/joliette-in-monteregie.yaml:7:40",
        "address.postal_code : le code postal J6E 3Z4 (RTA J6E) n'est dans aucune région de la fiche (16)",
    ),
    (
        "organisations/joliette-in-monteregie.yaml:8:10",
        "website : « https://www.cld-joliette.example.com/ » est déjà l'organisme de content/organisations/cld-joliette-site.yaml:6",
    ),
    (
        "organisations/mrc-riviere-du-nord.yaml:11:10",
        "serves.mrcs[0] : « MRC de Montcalm » n'est pas une MRC ni un territoire équivalent de la table du territoire",
    ),
    (
        "organisations/mrc-riviere-du-nord.yaml:12:20",
        "serves.municipalities[0] : « Saint-Jaques » n'est pas une municipalité de la table du territoire",
    ),
    (
        "organisations/mrc-riviere-du-nord.yaml:12:34",
        "serves.municipalities[1] : « Saint-Jacques » est dans la région 14, pas dans 15",
    ),
    ("organisations/no-kind.yaml:1:1", "kind est manquant"),
    (
        "organisations/sample-network.yaml:6:8",
        "email : « contact@reseau.qc.ca » n'est pas un courriel d'exemple, alors que la fiche porte sample: true",
    ),
    ("organisations/tabbed.yaml:4:1", "tabulation dans l'indentation"),
    ("programs/a-list.yaml:1:1", "le fichier doit contenir des champs « clé: valeur », pas une liste"),
    ("programs/bad-types.yaml:1:5", "id est trop long (82 caractères)"),
    ("programs/bad-types.yaml:4:11", "operator : « Investissement Québec » n'est pas un identifiant valide"),
    ("programs/bad-types.yaml:5:8", "kinds doit être une liste, pas un texte"),
    ("programs/bad-types.yaml:6:12", "audiences est vide"),
    ("programs/bad-types.yaml:10:13", "amounts[0].amount doit être un nombre entier, pas un texte"),
    ("programs/bad-types.yaml:12:10", "dates.start : « 14/09/2021 » n'est pas une date AAAA-MM-JJ"),
    ("programs/bad-types.yaml:13:8", "dates.end : « 2021-13-01 » n'est pas une date AAAA-MM-JJ"),
    ("programs/bad-types.yaml:14:9", "status : « active » n'est pas une valeur permise"),
    (
        "programs/child.yaml:5:11",
        "operator : « lanaudiere-economiqe » ne correspond à aucun organisme (pas de fichier content/organisations/lanaudiere-economiqe.yaml)",
    ),
    (
        "programs/child.yaml:6:9",
        "parent : « otm » ne correspond à aucun programme (pas de fichier content/programs/otm.yaml)",
    ),
    ("programs/empty.yaml:1:1", "le fichier est vide"),
    (
        "programs/millions.yaml:10:5",
        "amounts[0] : un montant en millions (in_millions: true) doit tomber sur un dixième de million",
    ),
    ("programs/no-english.yaml:4:7", "name.en est vide : traduction anglaise manquante"),
    ("programs/no-english.yaml:5:1", "summary.en est manquant : traduction anglaise manquante"),
    ("programs/no-english.yaml:12:1", "webiste n'est pas un champ connu"),
    (
        "programs/otn.yaml:6:11",
        "funders[0] : « investissement-quebc » ne correspond à aucun organisme (pas de fichier content/organisations/investissement-quebc.yaml)",
    ),
    ("regions", "régions manquantes : 01, 02, 03, 04, 05, 06, 07, 08, 09, 10, 11, 12, 13, 16, 17"),
    ("regions/broken-syntax.yaml:3:39", "YAML invalide : did not find expected ',' or ']'"),
    (
        "regions/lanaudiere.yaml:5:7",
        "erac : l'organisme « lanaudiere-economique » reçoit des demandes mais n'a pas de courriel",
    ),
    (
        "regions/lanaudiere.yaml:7:10",
        "RTA J6E : aucune municipalité de la région n'y est selon content/territory/lanaudiere.yaml",
    ),
    ("regions/lanaudiere.yaml:8:10", "RTA J0K aussi listée par content/regions/laurentides.yaml:8"),
    (
        "regions/lanaudiere.yaml:9:13",
        "postal_areas[1].codes[0] : le code postal J0K 2R0 est aussi attribué par content/regions/laurentides.yaml:10",
    ),
    (
        "regions/laurentides.yaml:5:7",
        "erac : « mrc-riviere-du-nord » est un organisme de type « mrc », pas un ERAC",
    ),
    (
        "regions/laurentides.yaml:10:13",
        "postal_areas[1].codes[0] : le code postal J0K 2R0 est aussi attribué par content/regions/lanaudiere.yaml:9",
    ),
    (
        "regions/laurentides.yaml:10:24",
        "postal_areas[1].codes[1] : le code postal J0L 1A0 n'est pas dans la RTA J0K",
    ),
    ("regions/laurentides.yaml:12:10", "RTA J7Z listée deux fois dans cette région (déjà à la ligne 7)"),
    ("regions/monteregie.yaml:3:7", "code : 14 est déjà celui de content/regions/lanaudiere.yaml"),
    (
        "regions/monteregie.yaml:5:7",
        "erac : « lanaudiere-economiqe » ne correspond à aucun organisme (pas de fichier content/organisations/lanaudiere-economiqe.yaml)",
    ),
    (
        "territory/lanaudiere.yaml:7:58",
        "mrcs[0].municipalities[0].fsas[1] : la RTA J7Z n'est pas listée par la région 14 (content/regions/lanaudiere.yaml)",
    ),
    (
        "territory/lanaudiere.yaml:7:88",
        "mrcs[0].municipalities[0].postal_codes[1] : le code postal J6E 1A1 n'est dans aucune RTA de la municipalité (J0K, J7Z)",
    ),
    (
        "territory/lanaudiere.yaml:8:16",
        "mrcs[0].municipalities[1].code : le code 63048 est déjà celui de content/territory/lanaudiere.yaml:7",
    ),
    ("territory/laurentides.yaml:3:9", "region : « 14 » n'est pas le code de la région laurentides (15)"),
    (
        "territory/laurentides.yaml:8:11",
        "mrcs[0].code : le code de MRC 630 est déjà celui de content/territory/lanaudiere.yaml:9",
    ),
]


@pytest.fixture(scope="module")
def errors() -> list[ContentError]:
    root = Path(__file__).resolve().parents[1] / "fixtures" / "content_bad"
    result = load_directory(root)
    assert result.directory is None
    return result.errors


def test_the_bad_tree_yields_exactly_the_expected_errors_in_french(errors: list[ContentError]) -> None:
    found = [(error.where.removeprefix("content/"), error.message("fr")) for error in errors]
    assert found == EXPECTED_FR


def test_every_rule_is_exercised_by_the_bad_tree(errors: list[ContentError]) -> None:
    # BAD_FORMAT and INVALID are fallbacks no current model field can reach.
    unreachable = {Code.BAD_FORMAT, Code.INVALID}
    assert {error.code for error in errors} == set(Code) - unreachable


def _one(errors: list[ContentError], where: str) -> ContentError:
    (match,) = [e for e in errors if e.where == f"content/{where}"]
    return match


@pytest.mark.parametrize(
    ("where", "english"),
    [
        (
            "programs/no-english.yaml:5:1",
            "content/programs/no-english.yaml:5:1: summary.en is missing: missing English translation\n"
            "  → add the English translation under summary:",
        ),
        (
            "programs/no-english.yaml:12:1",
            "content/programs/no-english.yaml:12:1: webiste is not a known field\n"
            "  → did you mean « website »? fields allowed here: amounts, audiences, dates, funders, id, "
            "indicators, kinds, name, operator, parent, regions, sources, status, summary, website",
        ),
        (
            "organisations/bad-formats.yaml:4:11",
            "content/organisations/bad-formats.yaml:4:11: regions[0]: « 5 » is not an allowed value\n"
            "  → read as a number: write '05' in quotes; allowed values: 01, 02, 03, 04, 05, 06, 07, 08, 09, "
            "10, 11, 12, 13, 14, 15, 16, 17",
        ),
        (
            "programs/bad-types.yaml:12:10",
            "content/programs/bad-types.yaml:12:10: dates.start: « 14/09/2021 » is not a YYYY-MM-DD date\n"
            "  → example: 2021-09-14",
        ),
        (
            "regions/lanaudiere.yaml:8:10",
            "content/regions/lanaudiere.yaml:8:10: FSA J0K is also listed by content/regions/laurentides.yaml:8\n"
            "  → an FSA split between regions says shared: true in every region listing it",
        ),
        (
            "regions/monteregie.yaml:5:7",
            "content/regions/monteregie.yaml:5:7: erac: « lanaudiere-economiqe » matches no organisation "
            "(no file content/organisations/lanaudiere-economiqe.yaml)\n"
            "  → did you mean « lanaudiere-economique »? check the id, or create the record",
        ),
    ],
)
def test_errors_read_in_english_too(errors: list[ContentError], where: str, english: str) -> None:
    assert _one(errors, where).render("en") == english


def test_a_french_error_has_its_hint_on_the_next_line(errors: list[ContentError]) -> None:
    assert _one(errors, "programs/no-english.yaml:5:1").render() == (
        "content/programs/no-english.yaml:5:1: summary.en est manquant : traduction anglaise manquante\n"
        "  → ajoutez la traduction anglaise sous summary:"
    )


def test_the_missing_regions_error_names_the_folder_without_a_line(errors: list[ContentError]) -> None:
    missing = [e for e in errors if e.code is Code.REGION_CODES_MISSING]
    assert [e.render("en").splitlines()[0] for e in missing] == [
        "content/regions: missing regions: 01, 02, 03, 04, 05, 06, 07, 08, 09, 10, 11, 12, 13, 16, 17"
    ]
