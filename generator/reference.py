"""The editors' reference of the content fields, generated from the models.

``docs/content-reference.md`` has one section per content kind (``Region``,
``Organisation``, ``Advisor``, ``Program``) and one per nested model they use
(``Text``, ``Source``…), each a table: field, type or allowed values, required or
default, and the field's bilingual description (``Field(description=...)`` in
``generator/models.py``). Types are read from the same JSON Schemas that
``python -m generator schemas`` writes, so the page, the schemas and VS Code's
hover say the same thing.

``python -m generator reference`` writes the page; ``--check`` (and a test) exits
1 when the committed page differs from the models. The output is deterministic:
models in the order the content kinds use them, fields in model order.
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter

from generator import models
from generator.messages import cli_text

REFERENCE_PATH = Path("docs") / "content-reference.md"

SECTION_TITLES: dict[str, tuple[str, str]] = {
    "Region": ("Région", "Region"),
    "Organisation": ("Organisme", "Organisation"),
    "Advisor": ("Conseiller·ère", "Advisor"),
    "Program": ("Programme", "Program"),
    "Text": ("Texte bilingue", "Bilingual text"),
    "Source": ("Source", "Source"),
    "Coordinates": ("Coordonnées", "Coordinates"),
    "Address": ("Adresse", "Address"),
    "PostalArea": ("Secteur postal (RTA)", "Postal area (FSA)"),
    "Priority": ("Priorité régionale", "Regional priority"),
    "ServiceArea": ("Territoire desservi", "Service area"),
    "Territory": ("Territoire d'un organisme", "Organisation territory"),
    "Amount": ("Montant", "Amount"),
    "Indicator": ("Indicateur", "Indicator"),
    "Dates": ("Dates", "Dates"),
    "RegionTerritory": ("Table du territoire d'une région", "A region's territory table"),
    "Mrc": ("MRC ou territoire équivalent", "MRC or equivalent territory"),
    "Municipality": ("Municipalité", "Municipality"),
}
"""Model name → section title (French, English). A model missing here is a
``KeyError`` when the page is generated, so a new model cannot go undocumented."""

_PATTERN_NAMES: list[tuple[Any, str]] = [
    (models.Id, "identifiant / id (`a-z`, `0-9`, `-`)"),
    (models.Fsa, "RTA / FSA (`J6E`)"),
    (models.PostalCode, "code postal / postal code (`J0K 2R0`)"),
    (models.QuebecPostalCode, "code postal du Québec / Québec postal code (`J0K 2R0`)"),
    (models.Email, "courriel / email"),
    (models.Phone, "téléphone / phone (`450 365-9218 p. 201`)"),
    (models.Url, "URL (`https://…`)"),
    (models.SeedName, "document de seeds / seed file (`002_0123456789abcdef.txt`)"),
]


def _pattern_names() -> dict[str, str]:
    """Each constrained string's regular expression → its name for editors."""
    return {TypeAdapter(tp).json_schema()["pattern"]: name for tp, name in _PATTERN_NAMES}


def _nested_models(annotation: Any) -> list[type[BaseModel]]:
    """The models inside a field's annotation (``Text | None``, ``list[Source]``…), in order."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for arg in typing.get_args(annotation):
        found.extend(m for m in _nested_models(arg) if m not in found)
    return found


def documented_models() -> list[type[BaseModel]]:
    """The content kinds' models, then every model they use, each once, in the
    order the fields first mention them (breadth first)."""
    order: list[type[BaseModel]] = list(models.KINDS.values())
    position = 0
    while position < len(order):
        for field in order[position].model_fields.values():
            order.extend(m for m in _nested_models(field.annotation) if m not in order)
        position += 1
    return order


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _code(value: Any) -> str:
    return f"`{value}`"


def _bounds(schema: dict[str, Any]) -> str:
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is None and high is None:
        return ""
    if high is None:
        return f" (≥ {low})"
    if low is None:
        return f" (≤ {high})"
    return f" ({low} à / to {high})"


def _type(schema: dict[str, Any], defs: dict[str, Any], patterns: dict[str, str]) -> str:
    """A JSON Schema fragment as editors read it: allowed values, a named format,
    a link to a nested model's section."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        target = defs[name]
        if "enum" in target:
            return ", ".join(_code(value) for value in target["enum"])
        return f"[{name}](#{name.lower()})"
    if "anyOf" in schema:
        options = [option for option in schema["anyOf"] if option.get("type") != "null"]
        return " ou / or ".join(_type(option, defs, patterns) for option in options)
    if "const" in schema:
        return _code(schema["const"])
    if "enum" in schema:
        return ", ".join(_code(value) for value in schema["enum"])
    kind = schema.get("type")
    if kind == "array":
        at_least = f" (au moins / at least {schema['minItems']})" if schema.get("minItems") else ""
        return f"liste de / list of: {_type(schema['items'], defs, patterns)}{at_least}"
    if kind == "string":
        if "pattern" in schema:
            return patterns.get(schema["pattern"], f"texte / text ({_code(schema['pattern'])})")
        if schema.get("format") == "date":
            return "date (`AAAA-MM-JJ` / `YYYY-MM-DD`)"
        return "texte / text"
    if kind == "integer":
        return "nombre entier / whole number" + _bounds(schema)
    if kind == "number":
        return "nombre / number" + _bounds(schema)
    if kind == "boolean":
        return "`true`, `false`"
    raise ValueError(f"no reference wording for the schema {schema!r}")


def _required(field: Any) -> str:
    if field.is_required():
        return "oui / yes"
    default = field.default
    if default is None or default == [] or isinstance(default, BaseModel):
        return "non / no"
    shown = json.dumps(default) if isinstance(default, bool) else str(default)
    return f"non / no (défaut / default: {_code(shown)})"


def _links(documented: list[type[BaseModel]]) -> str:
    return ", ".join(f"[{m.__name__}](#{m.__name__.lower()})" for m in documented)


def _docstring(model: type[BaseModel]) -> str:
    text = inspect.getdoc(model) or ""
    return " ".join(text.split()).replace("``", "`")


def _section(model: type[BaseModel], patterns: dict[str, str]) -> list[str]:
    fr, en = SECTION_TITLES[model.__name__]
    schema = model.model_json_schema()
    defs = schema.get("$defs", {})
    lines = [f"## {model.__name__}", "", f"**{fr}** — *{en}*", ""]
    folders: dict[type[BaseModel], str] = {m: kind for kind, m in models.KINDS.items()}
    folder = folders.get(model)
    if folder is not None:
        lines += [f"Fichiers / Files: `content/{folder}/*.yaml`", ""]
    if doc := _docstring(model):
        lines += [f"> {doc}", ""]
    lines += [
        "| champ / field | type, valeurs permises / allowed values | requis / required | description |",
        "|---|---|---|---|",
    ]
    for name, field in model.model_fields.items():
        kind = _type(schema["properties"][name], defs, patterns)
        description = field.description or ""
        lines.append(
            f"| `{name}` | {_cell(kind)} | {_required(field)} | {_cell(description)} |",
        )
    return [*lines, ""]


def reference_text() -> str:
    """The whole Markdown page (ends with one newline)."""
    patterns = _pattern_names()
    lines = [
        "<!-- Généré par / generated by `python -m generator reference` "
        "depuis / from generator/models.py : ne pas modifier / do not edit. -->",
        "",
        "# Référence des champs du contenu — Content field reference",
        "",
        "Chaque fiche de `content/` est un fichier YAML ; voici, pour chaque sorte de fiche et "
        "chaque objet imbriqué, ses champs, leurs valeurs permises, s'ils sont requis et ce qu'ils "
        "contiennent. Les mêmes explications s'affichent au survol d'un champ dans VS Code. "
        "Voir aussi [CONTRIBUTING.md](../CONTRIBUTING.md).",
        "",
        "*Each file of `content/` is a YAML file; for each kind of record and each nested object, "
        "here are its fields, their allowed values, whether they are required and what they hold. "
        "VS Code shows the same descriptions when you hover over a field. "
        "See also [CONTRIBUTING.en.md](../CONTRIBUTING.en.md).*",
        "",
    ]
    documented = documented_models()
    kinds = [m for m in documented if m in models.KINDS.values()]
    nested = [m for m in documented if m not in kinds]
    lines += [
        f"Fiches / Records: {_links(kinds)}",
        "",
        f"Objets imbriqués / Nested objects: {_links(nested)}",
        "",
    ]
    for model in documented:
        lines += _section(model, patterns)
    return "\n".join(lines).rstrip("\n") + "\n"


def write_reference(root: Path) -> Path:
    """Write the page under ``root``; returns its path."""
    path = root / REFERENCE_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(reference_text(), encoding="utf-8")
    return path


def reference_is_stale(root: Path) -> bool:
    """Whether ``root``'s committed page is missing or differs from the models."""
    path = root / REFERENCE_PATH
    return not path.is_file() or path.read_text(encoding="utf-8") != reference_text()


def add_arguments(parser: argparse.ArgumentParser, default_root: Path = Path(".")) -> None:
    """The arguments of ``python -m generator reference``."""
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed page is stale")
    parser.add_argument("--root", type=Path, default=default_root, help="repository root (holds docs/)")
    parser.add_argument("--lang", choices=["fr", "en"], default="fr", help="language of the messages (fr)")


def run(args: argparse.Namespace) -> int:
    """Write the page, or with ``--check`` exit 1 when it is stale; 0 otherwise."""
    root: Path = args.root
    shown = REFERENCE_PATH.as_posix()
    lang = args.lang
    if args.check:
        if reference_is_stale(root):
            print(cli_text("reference_stale", lang, path=shown))
            return 1
        print(cli_text("reference_ok", lang, path=shown))
        return 0
    path = write_reference(root)
    print(cli_text("wrote", lang, path=path.relative_to(root).as_posix()))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator reference", description=__doc__.split("\n")[0])
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
