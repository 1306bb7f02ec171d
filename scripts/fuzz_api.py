"""schemathesis against the local stack: `make api-fuzz` (part of `make test`).

Starts the dev server as `make dev` does (its own handler, SQLite and outbox in a temporary
folder, the routing table built by `make generate`), runs schemathesis from docs/openapi.yaml
against it with a bounded number of examples per operation, stops the server, and exits with
schemathesis' status: any 5xx answer (``not_a_server_error``) or an answer the description
does not allow fails the run.

    python scripts/fuzz_api.py SCHEMATHESIS [--max-examples 25]
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("schemathesis", help="the schemathesis executable (its own venv)")
    parser.add_argument("--max-examples", type=int, default=25)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="relais-fuzz-") as tmp:
        site = Path(tmp) / "site"
        site.mkdir()
        (site / "index.html").write_text("<h1>Relais</h1>", encoding="utf-8")
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "devserver",
                "--port",
                "0",
                "--site",
                str(site),
                "--var",
                str(Path(tmp) / "var"),
            ],
            cwd=ROOT,
            env={**os.environ, "MIN_FILL_SECONDS": "0", "LOG_LEVEL": "WARNING"},
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        try:
            assert server.stdout is not None
            url = server.stdout.readline().strip().rstrip("/")
            if not url.startswith("http://127.0.0.1:"):
                print(f"fuzz_api: the dev server did not start ({url!r})", file=sys.stderr)
                return 1
            command = [
                args.schemathesis,
                "run",
                str(ROOT / "docs" / "openapi.yaml"),
                "--url",
                f"{url}/api",
                "--checks",
                CHECKS,
                "--max-examples",
                str(args.max_examples),
                "--seed",
                "1",
            ]
            print(" ".join(command), flush=True)
            return subprocess.run(
                command, cwd=ROOT, env={**os.environ, "SCHEMATHESIS_TELEMETRY": "false"}
            ).returncode
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
