"""The function's cold start and warm latency.

Cold start: each sample is a fresh Python process (interpreter start-up excluded)
that imports the handler the way Lambda does (``lambda_entry`` from the package
folder) and answers one real form post, with its DynamoDB and SQS clients pointed
at a moto server on loopback. The baseline, in the same run and alternated with it,
is a fresh process that does ``import boto3``, creates the same three clients and
makes the same three calls an accepted request makes (conditional PutItem,
SendMessage, UpdateItem), so the difference is what Relais' own code adds to a cold
start. The function is imported from the artefact ``sam build`` made (``make sam``:
``.aws-sam/build/RouteRequestFunction``, bytecode compiled by the runtime's interpreter), and
both scripts run under that interpreter (``python3.13``, the template's runtime, found by
functions/route_request/Makefile) with boto3 installed beside it in ``.venv-tools/lambda-runtime``
(pip compiles it at install, as the Lambda runtime ships it); without a ``python3.13`` the
bench falls back to the current interpreter and says so.

Warm: in one process, the pure routing decision (``resolve_region`` + ``route``) over
every FSA of the real table, and the whole intake (validate → route → record → queue)
with in-memory adapters.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import statistics
import subprocess
import sys
import textwrap
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "functions" / "route_request"
EVENT = REPO / "tests" / "events" / "api_json_post.json"
TABLE = "relais-bench"
LIMITS_TABLE = "relais-bench-limits"

FUNCTION_SCRIPT = textwrap.dedent(
    """
    import json, sys, time
    event = json.loads(sys.argv[1])
    t0 = time.perf_counter()
    sys.path.insert(0, sys.argv[2])
    import lambda_entry
    t1 = time.perf_counter()
    response = lambda_entry.lambda_handler(event)
    t2 = time.perf_counter()
    print(json.dumps({"import": t1 - t0, "total": t2 - t0, "status": response["statusCode"]}))
    """
)

BASELINE_SCRIPT = textwrap.dedent(
    """
    import json, sys, time, uuid
    t0 = time.perf_counter()
    import boto3
    dynamodb = boto3.client("dynamodb")
    sesv2 = boto3.client("sesv2")
    sqs = boto3.client("sqs")
    t1 = time.perf_counter()
    sid = str(uuid.uuid4())
    key = {"submission_id": {"S": sid}}
    dynamodb.put_item(TableName=sys.argv[1], Item=key,
                      ConditionExpression="attribute_not_exists(submission_id)")
    sqs.send_message(QueueUrl=sys.argv[2], MessageBody=json.dumps({"submission_id": sid}))
    dynamodb.update_item(TableName=sys.argv[1], Key=key, UpdateExpression="SET queued = :q",
                         ExpressionAttributeValues={":q": {"BOOL": True}})
    t2 = time.perf_counter()
    print(json.dumps({"import": t1 - t0, "total": t2 - t0, "status": 200}))
    """
)


@dataclass(frozen=True)
class ColdStart:
    samples: int
    interpreter: str
    pycache: list[str]  # the bytecode tags in the built package (cpython-313), [] if none
    baseline_import_ms: float
    baseline_total_ms: float
    function_import_ms: float
    function_total_ms: float
    baseline_calls: int = 0  # AWS API calls per request, counted at the moto server (median)
    function_calls: int = 0

    @property
    def overhead_ms(self) -> float:
        return self.function_total_ms - self.baseline_total_ms


@dataclass(frozen=True)
class Warm:
    route_us: float  # median per routing decision
    route_p99_us: float
    intake_us: float  # median per whole intake with in-memory adapters
    fsas: int


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _event() -> dict[str, object]:
    event = json.loads(EVENT.read_text(encoding="utf-8"))
    body = json.loads(event["body"])
    body["submission_id"] = str(uuid.uuid4())
    # a different business each time, from a different address: the abuse limits count them
    # (their counter updates are part of the cold start) but never refuse one
    n = uuid.uuid4().int
    body["email"] = f"bench-{n % 10**9}@example.org"
    body["description"] = f"{body['description']} ({n % 10**9})"
    event["requestContext"]["http"]["sourceIp"] = f"198.51.{n % 250}.{n // 250 % 250 + 1}"
    body["started_at"] = int(time.time() * 1000) - 60_000
    event["body"] = json.dumps(body)
    return event


BUILT = REPO / ".aws-sam" / "build" / "RouteRequestFunction"
RUNTIME_VENV = REPO / ".venv-tools" / "lambda-runtime"


def runtime_python() -> tuple[str, str]:
    """(interpreter for the cold start, its description): the runtime's own, with boto3."""
    found = subprocess.run(
        ["make", "-s", "-C", str(PACKAGE), "runtime-python"], capture_output=True, text=True, check=True
    ).stdout.strip()
    if not found:
        return sys.executable, f"Python {sys.version.split()[0]} (no python3.13 found: not the runtime's)"
    python = RUNTIME_VENV / "bin" / "python"
    if not (RUNTIME_VENV / ".installed").exists():
        subprocess.run([found, "-m", "venv", "--clear", str(RUNTIME_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "boto3"], check=True)
        (RUNTIME_VENV / ".installed").touch()
    version = subprocess.run(
        [str(python), "-c", "import sys; print(sys.version.split()[0])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return str(python), f"Python {version}, the template's runtime"


def _run(script: str, args: list[str], env: dict[str, str], python: str = sys.executable) -> dict[str, float]:
    out = subprocess.run([python, "-c", script, *args], env=env, capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def cold_start(samples: int = 15) -> ColdStart:
    from moto.server import ThreadedMotoServer

    if not (BUILT / "lambda_entry.py").is_file():
        raise RuntimeError("no sam build artefact: run `make sam` first (make bench does)")
    package = BUILT
    python, interpreter = runtime_python()

    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        env = {
            **os.environ,
            "AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}",
            "AWS_ACCESS_KEY_ID": "bench",
            "AWS_SECRET_ACCESS_KEY": "bench",
            "AWS_DEFAULT_REGION": "ca-central-1",
        }
        import boto3

        session = boto3.Session(
            aws_access_key_id="bench", aws_secret_access_key="bench", region_name="ca-central-1"
        )
        dynamodb = session.client("dynamodb", endpoint_url=env["AWS_ENDPOINT_URL"])
        dynamodb.create_table(
            TableName=TABLE,
            KeySchema=[{"AttributeName": "submission_id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "submission_id", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
        # the abuse counters' own table (template.yaml LimitsTable) and the key given directly
        dynamodb.create_table(
            TableName=LIMITS_TABLE,
            KeySchema=[{"AttributeName": "key", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "key", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
        sqs = session.client("sqs", endpoint_url=env["AWS_ENDPOINT_URL"])
        queue_url = sqs.create_queue(QueueName="relais-bench")["QueueUrl"]
        env.update(
            {
                "RELAIS_BACKEND": "aws",
                "TABLE_NAME": TABLE,
                "LIMITS_TABLE_NAME": LIMITS_TABLE,
                "ABUSE_SECRET": "bench-" + "0" * 58,
                "QUEUE_URL": queue_url,
                "LOG_LEVEL": "WARNING",
            }
        )
        function, baseline = [], []
        calls = _Calls()
        logging.getLogger("werkzeug").addHandler(calls)  # moto's server logs each request
        baseline_calls, function_calls = [], []
        for _ in range(samples):  # alternate, so drift affects both alike
            before = calls.count
            baseline.append(_run(BASELINE_SCRIPT, [TABLE, queue_url], env, python))
            baseline_calls.append(calls.count - before)
            before = calls.count
            result = _run(FUNCTION_SCRIPT, [json.dumps(_event()), str(package)], env, python)
            function_calls.append(calls.count - before)
            if result["status"] != 202:
                raise RuntimeError(f"the benchmark request was not accepted: {result}")
            function.append(result)
    finally:
        logging.getLogger("werkzeug").removeHandler(calls)
        server.stop()

    def med(rows: list[dict[str, float]], key: str) -> float:
        return statistics.median(r[key] for r in rows) * 1000

    return ColdStart(
        samples=samples,
        interpreter=interpreter,
        pycache=sorted({p.name.split(".")[-2] for p in package.rglob("*.pyc")}),
        baseline_import_ms=med(baseline, "import"),
        baseline_total_ms=med(baseline, "total"),
        function_import_ms=med(function, "import"),
        function_total_ms=med(function, "total"),
        baseline_calls=int(statistics.median(baseline_calls)),
        function_calls=int(statistics.median(function_calls)),
    )


class _Calls(logging.Handler):
    """Counts the requests moto's server logs (one per AWS API call)."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def warm(rounds: int = 5) -> Warm:
    sys.path.insert(0, str(REPO))
    from functions.route_request import log
    from functions.route_request.intake import IntakeConfig, submit
    from functions.route_request.postal import normalise_postal_code
    from functions.route_request.routing import RegionFound, resolve_region, route
    from functions.route_request.table import load_table
    from tests.function.fakes import FakeQueue, FakeStore

    log.configure("WARNING")
    table = load_table(PACKAGE / "routing_table.json")
    # one code per FSA (a shared FSA with the requester's choice of its first municipality),
    # and every full code of the territory table
    cases = [
        (f"{fsa} 9Z9", area.places[0] if len(area.regions) > 1 and area.places else None)
        for fsa, area in table.fsas.items()
    ]
    cases += [(full, None) for full in sorted(table.postcodes)]
    timings = []
    for _ in range(rounds):
        for code, choice in cases:
            started = time.perf_counter()
            postal = normalise_postal_code(code)
            assert postal is not None
            resolved = resolve_region(postal, table, municipality=choice)
            assert isinstance(resolved, RegionFound), code
            route(
                postal,
                resolved.code,
                resolved.via,
                table,
                submission_id=code,
                place=resolved.municipality,
                erac=resolved.erac,
            )
            timings.append(time.perf_counter() - started)
    timings.sort()

    body = json.loads(json.loads(EVENT.read_text(encoding="utf-8"))["body"])
    store, queue = FakeStore(), FakeQueue()
    config = IntakeConfig(retention_days=730, min_fill_seconds=3)
    intake = []
    for n in range(2000):
        fields = {**body, "submission_id": str(uuid.UUID(int=n)), "started_at": 0}
        started = time.perf_counter()
        submit(fields, table=table, store=store, queue=queue, now_ms=10_000_000, config=config)
        intake.append(time.perf_counter() - started)
    return Warm(
        route_us=statistics.median(timings) * 1e6,
        route_p99_us=timings[int(len(timings) * 0.99)] * 1e6,
        intake_us=statistics.median(intake) * 1e6,
        fsas=len(cases),
    )
