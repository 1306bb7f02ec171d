"""Validate the open data with the field's own tools: Frictionless and hsds-validator.

    python scripts/validate_open_data.py [DATA_DIR] [--synthetic N]

1. ``frictionless validate DATA_DIR/datapackage.json``: every resource against its Table
   Schema (types, formats, required cells, unique ids, every foreign key resolves).
2. ``hsds-validate`` (PyPI ``hsds-validator``, Stevens Blueprint) on every record of every
   HSDS table, against the official HSDS 3.0 schemas in tests/data/hsds-3.0/schema. That
   tool takes one JSON file per record, in a folder named after the table, and rejects any
   field HSDS does not define (stricter than the official schemas, which allow extra
   fields): it gets each record without our ``relais_`` extension fields.

``--synthetic N`` first builds the content multiplied by N (benchmarks/synthetic.py) in a
temporary folder, exports it and validates that export (Frictionless only: hsds-validator
starts slowly, and tests/opendata checks the same records against the same schemas).

DATA_DIR defaults to ``site_src/docs/donnees`` (``make generate`` writes it). The tools
live in ``.venv-tools/frictionless`` and ``.venv-tools/hsds-validator`` (``make
opendata-check`` creates them). Prints each problem; exit 1 when any, 0 otherwise.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.hsds import TABLES  # noqa: E402
from generator.opendata import OUTPUT  # noqa: E402

FRICTIONLESS = ROOT / ".venv-tools" / "frictionless" / "bin" / "frictionless"
HSDS_VALIDATE = ROOT / ".venv-tools" / "hsds-validator" / "bin" / "hsds-validate"
SCHEMAS = ROOT / "tests" / "data" / "hsds-3.0" / "schema"


def frictionless(data_dir: Path) -> list[str]:
    """Problems ``frictionless validate`` finds in the data package of ``data_dir``."""
    run = subprocess.run(
        [str(FRICTIONLESS), "validate", "--json", "datapackage.json"],
        cwd=data_dir,
        capture_output=True,
        text=True,
    )
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError:
        return [f"frictionless: exit {run.returncode}: {run.stderr.strip() or run.stdout.strip()}"]
    problems = [f"frictionless: {error.get('message')}" for error in report.get("errors", [])]
    for task in report.get("tasks", []):
        for error in task.get("errors", []):
            problems.append(f"frictionless: {task.get('name')}: {error.get('message')}")
    if not report.get("valid") and not problems:
        problems.append("frictionless: the package is not valid")
    return problems


def _json_report(stdout: str) -> dict[str, Any]:
    start = stdout.find("\n{")
    report: dict[str, Any] = json.loads(stdout[start:] if start >= 0 else stdout)
    return report


def hsds_validator(data_dir: Path) -> list[str]:
    """Problems ``hsds-validate`` finds in the records of each HSDS table of ``data_dir``."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for table in TABLES:
            records = json.loads((data_dir / f"{table.stem}.json").read_text(encoding="utf-8"))
            if not records:
                continue
            folder = Path(tmp) / table.name
            folder.mkdir()
            for record in records:
                hsds_only = {k: v for k, v in record.items() if not k.startswith("relais_")}
                (folder / f"{record['relais_id']}.json").write_text(json.dumps(hsds_only), encoding="utf-8")
            run = subprocess.run(
                [str(HSDS_VALIDATE), str(folder), str(SCHEMAS)], capture_output=True, text=True
            )
            try:
                report = _json_report(run.stdout)
            except json.JSONDecodeError:
                problems.append(f"hsds-validate {table.name}: exit {run.returncode}: {run.stderr.strip()}")
                continue
            for failed in report.get("errors", []):
                problems.append(
                    f"hsds-validate {table.name} {failed.get('filename')}: {failed.get('errors', failed)}"
                )
            if not report.get("success") and not report.get("errors"):
                problems.append(f"hsds-validate {table.name}: not successful: {report}")
            summary = report.get("summary", {})
            if summary.get("total_files") != len(records):
                problems.append(
                    f"hsds-validate {table.name}: checked {summary.get('total_files')} of {len(records)}"
                )
    return problems


def synthetic_export(factor: int, target: Path) -> Path:
    """Export the content multiplied by ``factor`` under ``target``; returns its data folder."""
    from benchmarks.synthetic import make_synthetic_tree
    from generator.load import load_directory
    from generator.opendata import write_open_data

    make_synthetic_tree(ROOT, target, factor)
    result = load_directory(target)
    if result.directory is None:
        raise SystemExit(f"the {factor}× content does not load: {result.errors[:3]}")
    write_open_data(result.directory, target)
    return target / OUTPUT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("data_dir", nargs="?", type=Path, default=ROOT / OUTPUT)
    parser.add_argument(
        "--synthetic", type=int, metavar="N", help="validate the export of the content × N instead"
    )
    args = parser.parse_args(argv)
    for tool in (FRICTIONLESS, HSDS_VALIDATE):
        if not tool.exists():
            print(f"{tool} is missing: run `make opendata-check`, which installs it", file=sys.stderr)
            return 2
    if args.synthetic:
        with tempfile.TemporaryDirectory() as tmp:
            data_dir = synthetic_export(args.synthetic, Path(tmp))
            records = len(json.loads((data_dir / "organizations.json").read_text(encoding="utf-8")))
            problems = frictionless(data_dir)
            label = f"content × {args.synthetic} ({records} organisations)"
    else:
        problems = frictionless(args.data_dir) + hsds_validator(args.data_dir)
        label = str(args.data_dir)
    for problem in problems:
        print(problem)
    print(f"{label}: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
