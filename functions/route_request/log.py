"""Structured JSON log lines that never carry personal data.

Only the keys in :data:`SAFE_KEYS` are written (reference, region code, status, error
codes, recipient *role*, counts); anything else is dropped and its key name listed under
``dropped``, so a careless call cannot leak a name, email, phone, postal code or
description. Permanent delivery failures also go out as a CloudWatch Embedded Metric
Format line (``metric``), which the alarm in template.yaml watches; no PutMetricData call
and no extra permission needed
(https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html).
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time

SAFE_KEYS = frozenset(
    {
        "reference",
        "region",
        "status",
        "http_status",
        "error",
        "error_code",
        "recipient",
        "count",
        "attempt",
        "delay_seconds",
        "lang",
        "queued",
        "table_version",
        "backend",
        "message_id",
        "where",
    }
)

_logger = logging.getLogger("relais")


class _StdoutHandler(logging.Handler):
    """Writes each message as one line to the *current* ``sys.stdout`` (CloudWatch Logs in
    Lambda; swapped by test captures)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stdout.write(record.getMessage() + "\n")
            sys.stdout.flush()
        except Exception:  # logging must never break a request
            self.handleError(record)


def configure(level: str = "INFO") -> None:
    """JSON lines on stdout. Idempotent; done at import with ``LOG_LEVEL``, again by the app."""
    if not any(isinstance(h, _StdoutHandler) for h in _logger.handlers):
        _logger.addHandler(_StdoutHandler())
        _logger.propagate = False  # one line per event, not a second copy via the root logger
    _logger.setLevel(level.upper())


configure(os.environ.get("LOG_LEVEL", "INFO"))


def event(name: str, *, level: int = logging.INFO, **fields: object) -> None:
    """Log ``name`` with the allowed ``fields`` as one JSON object."""
    line: dict[str, object] = {"event": name}
    dropped = []
    for key, value in fields.items():
        if key in SAFE_KEYS and isinstance(value, str | int | float | bool | type(None)):
            line[key] = value
        else:
            dropped.append(key)
    if dropped:
        line["dropped"] = sorted(dropped)
    _logger.log(level, json.dumps(line, ensure_ascii=False, sort_keys=True))


def metric(name: str, namespace: str, *, value: int = 1, **fields: object) -> None:
    """One Embedded-Metric-Format line counting ``name`` (dimensionless) plus safe fields."""
    line: dict[str, object] = {
        "_aws": {
            "Timestamp": int(time.time() * 1000),
            "CloudWatchMetrics": [
                {"Namespace": namespace, "Dimensions": [[]], "Metrics": [{"Name": name, "Unit": "Count"}]}
            ],
        },
        name: value,
        "event": "metric",
    }
    for key, val in fields.items():
        if key in SAFE_KEYS and isinstance(val, str | int | bool):
            line[key] = val
    _logger.warning(json.dumps(line, ensure_ascii=False, sort_keys=True))


def exception(name: str, exc: BaseException, **fields: object) -> None:
    """Log an unexpected error by type and location only: its message may hold user data."""
    tb = exc.__traceback__
    where = ""
    while tb is not None:
        where = (
            f"{tb.tb_frame.f_code.co_filename.rsplit('/', 1)[-1]}:{tb.tb_lineno}:{tb.tb_frame.f_code.co_name}"
        )
        tb = tb.tb_next
    event(name, level=logging.ERROR, error=type(exc).__name__, where=where, **fields)
