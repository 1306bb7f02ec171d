"""The function as Lambda loads it: the folder alone at the root, ``lambda_entry.lambda_handler``."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import table_dict
from .helpers import EVENTS

PACKAGE = Path(__file__).resolve().parents[2] / "functions" / "route_request"

SCRIPT = """
import json, sys
sys.path[:] = [p for p in sys.path if "work/main" not in p or "site-packages" in p]
sys.path.insert(0, ".")
import lambda_entry
event = json.load(open(sys.argv[1]))
print(json.dumps(lambda_entry.lambda_handler(event, None)))
"""


def test_handler_imports_and_answers_like_in_lambda(tmp_path: Path) -> None:
    task = tmp_path / "task"  # /var/task in Lambda
    shutil.copytree(PACKAGE, task, ignore=shutil.ignore_patterns("__pycache__", "routing_table.json"))
    (task / "routing_table.json").write_text(json.dumps(table_dict()), encoding="utf-8")
    (tmp_path / "run.py").write_text(SCRIPT, encoding="utf-8")
    env = {
        "AWS_LAMBDA_FUNCTION_NAME": "relais-route-request",  # builds the app at import, as in Lambda
        "RELAIS_BACKEND": "local",
        "RELAIS_VAR_DIR": str(tmp_path / "var"),
        "SITE_ORIGIN": "https://relais.example",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, str(tmp_path / "run.py"), str(EVENTS / "api_form_post.json")],
        cwd=task,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["statusCode"] == 303
    assert answer["headers"]["location"].startswith("https://relais.example/merci/?reference=REL-")
    assert len(list((tmp_path / "var" / "outbox").glob("*.eml"))) == 3  # local backend: inline delivery
    assert "functions" not in result.stderr
