"""Building API Gateway v2 and SQS events from the samples in tests/events/."""

from __future__ import annotations

import base64
import copy
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

EVENTS = Path(__file__).resolve().parents[1] / "events"


def sample(name: str) -> dict[str, Any]:
    return json.loads((EVENTS / name).read_text(encoding="utf-8"))


def json_event(fields: dict[str, object] | str, *, b64: bool = False) -> dict[str, Any]:
    event = sample("api_json_post.json")
    body = fields if isinstance(fields, str) else json.dumps(fields, ensure_ascii=False)
    event["body"] = base64.b64encode(body.encode("utf-8")).decode("ascii") if b64 else body
    event["isBase64Encoded"] = b64
    return event


def form_event(fields: dict[str, object], *, b64: bool = True) -> dict[str, Any]:
    event = sample("api_form_post.json")
    body = urlencode({k: str(v) for k, v in fields.items()})
    event["body"] = base64.b64encode(body.encode("utf-8")).decode("ascii") if b64 else body
    event["isBase64Encoded"] = b64
    return event


def sqs_event(*submission_ids: str, receive_count: int = 1) -> dict[str, Any]:
    template = sample("sqs_delivery.json")["Records"][0]
    records = []
    for i, sid in enumerate(submission_ids):
        record = copy.deepcopy(template)
        record["messageId"] = f"msg-{i}"
        record["receiptHandle"] = f"rh-{i}"
        record["body"] = json.dumps({"submission_id": sid})
        record["attributes"]["ApproximateReceiveCount"] = str(receive_count)
        records.append(record)
    return {"Records": records}


def body(response: dict[str, Any]) -> dict[str, Any]:
    return json.loads(response["body"])
