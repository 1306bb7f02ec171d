"""The YAML loader remembers where each key and value is, and reports the
problems PyYAML would otherwise hide (duplicate keys) or word obscurely (tabs)."""

from __future__ import annotations

import datetime as dt
from textwrap import dedent

from generator.errors import Code
from generator.load import load_file
from generator.models import Region
from generator.yaml_lines import Position, dotted, parse_yaml

REGION = dedent(
    """\
    # yaml-language-server: $schema=../../schemas/region.schema.json
    id: lanaudiere
    code: "14"
    name: {fr: Lanaudière, en: Lanaudière}
    erac: lanaudiere-economique
    postal_areas:
      - fsa: J6E
    priorities:
      - number: 1
        plan_territory: 12
        territory: {fr: Lanaudière, en: Lanaudière}
        title: {fr: Un, en: One}
        quote: {fr: Un, en: One}
      - number: 2
        plan_territory: 12
        territory: {fr: Lanaudière, en: Lanaudière}
        title:
          fr: Transformation numérique
        quote: {fr: Deux, en: Two}
    sources:
      - seed: 002_0123456789abcdef.txt
    """
)


def test_keys_values_and_items_have_one_based_lines_and_columns() -> None:
    parsed = parse_yaml(REGION, "content/regions/lanaudiere.yaml")
    assert parsed.errors == []
    assert parsed.positions.of_key(("code",)) == Position(3, 1)
    assert parsed.positions.of_value(("code",)) == Position(3, 7)
    assert parsed.positions.of_value(("postal_areas", 0, "fsa")) == Position(7, 10)
    assert parsed.positions.of_key(("priorities", 1)) == Position(14, 5)
    assert parsed.positions.of_value(("priorities", 1, "title", "fr")) == Position(18, 11)


def test_a_missing_key_points_at_the_mapping_that_lacks_it() -> None:
    record, errors = load_file(REGION, "content/regions/lanaudiere.yaml", "regions", Region)
    assert record is None
    assert [(e.line, e.col, e.code, e.message("fr")) for e in errors] == [
        (
            17,
            5,
            Code.MISSING_TRANSLATION,
            "priorities[1].title.en est manquant : traduction anglaise manquante",
        )
    ]
    assert errors[0].hint("en") == "add the English translation under priorities[1].title:"


def test_an_unknown_position_falls_back_to_the_nearest_ancestor() -> None:
    parsed = parse_yaml(REGION, "x.yaml")
    assert parsed.positions.of_value(("postal_areas", 0, "nope", 3)) == Position(7, 5)


def test_a_key_written_twice_is_an_error_at_the_second_one() -> None:
    parsed = parse_yaml("id: a\nname: x\nname: y\n", "f.yaml")
    assert [(e.line, e.col, e.code, e.params["first_line"]) for e in parsed.errors] == [
        (3, 1, Code.DUPLICATE_KEY, 2)
    ]


def test_duplicate_keys_are_found_in_nested_mappings_and_list_items() -> None:
    parsed = parse_yaml("a:\n  - b: 1\n    b: 2\n", "f.yaml")
    assert [(e.line, e.params["field"]) for e in parsed.errors] == [(3, "a[0].b")]


def test_a_tab_in_the_indentation_has_its_own_message() -> None:
    parsed = parse_yaml("name:\n\tfr: x\n", "f.yaml")
    assert parsed.data is None
    assert [(e.line, e.code) for e in parsed.errors] == [(2, Code.YAML_TAB)]


def test_a_syntax_error_is_reported_at_the_parser_line() -> None:
    parsed = parse_yaml("a: 1\nb: [1, 2\nc: 3\n", "f.yaml")
    assert [e.code for e in parsed.errors] == [Code.YAML_SYNTAX]
    assert parsed.errors[0].line == 3


def test_an_empty_file_is_an_error() -> None:
    parsed = parse_yaml("# just a comment\n", "f.yaml")
    assert [e.code for e in parsed.errors] == [Code.EMPTY_FILE]


def test_dates_are_dates_and_impossible_dates_stay_text_for_the_model_to_report() -> None:
    parsed = parse_yaml("a: 2021-09-14\nb: 2021-13-01\n", "f.yaml")
    assert parsed.data == {"a": dt.date(2021, 9, 14), "b": "2021-13-01"}


def test_dotted_paths_read_like_the_yaml() -> None:
    assert dotted(("priorities", 2, "title", "en")) == "priorities[2].title.en"
    assert dotted(()) == ""
