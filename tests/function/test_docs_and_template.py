"""Settings, docs and template.yaml cannot drift apart; the template keeps its guarantees."""

from __future__ import annotations

import inspect
import json
import re
from pathlib import Path
from typing import Any

import yaml

from functions.route_request import settings
from functions.route_request.delivery import backoff_seconds
from functions.route_request.handler import TASKS
from functions.route_request.schedule import SCHEDULE

ROOT = Path(__file__).resolve().parents[2]


def env_names() -> set[str]:
    source = inspect.getsource(settings.Settings.from_env)
    return set(re.findall(r'env(?:\.get\(|, )"([A-Z_]+)"', source))


def test_every_setting_is_documented_everywhere() -> None:
    names = env_names()
    assert "RETENTION_DAYS" in names and len(names) >= 15
    template = (ROOT / "template.yaml").read_text(encoding="utf-8")
    docs = (ROOT / "docs" / "function.md").read_text(encoding="utf-8")
    for name in names:
        assert f"``{name}``" in (settings.__doc__ or ""), name
        assert name in template, name
        assert f"`{name}`" in docs, name


class _CfnLoader(yaml.SafeLoader):
    pass


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return {suffix: loader.construct_scalar(node)}
    if isinstance(node, yaml.SequenceNode):
        return {suffix: loader.construct_sequence(node, deep=True)}
    return {suffix: loader.construct_mapping(node, deep=True)}  # type: ignore[arg-type]


_CfnLoader.add_multi_constructor("!", _any_tag)


def test_template_guarantees() -> None:
    template = yaml.load((ROOT / "template.yaml").read_text(encoding="utf-8"), Loader=_CfnLoader)
    resources = template["Resources"]
    table = resources["RequestsTable"]["Properties"]
    assert table["BillingMode"] == "PAY_PER_REQUEST" and table["SSESpecification"]["SSEEnabled"]
    assert table["PointInTimeRecoverySpecification"]["PointInTimeRecoveryEnabled"]
    assert table["TimeToLiveSpecification"]["AttributeName"] == "expires_at"
    queue = resources["DeliveryQueue"]["Properties"]
    assert queue["RedrivePolicy"]["maxReceiveCount"] == 20
    dlq = resources["DeliveryDeadLetterQueue"]["Properties"]
    # a message moved to the DLQ keeps its first enqueue time: the DLQ must keep it longer
    assert dlq["MessageRetentionPeriod"] > queue["MessageRetentionPeriod"]
    receives = queue["RedrivePolicy"]["maxReceiveCount"]
    time_to_dead_letter = sum(backoff_seconds(n) for n in range(1, receives + 1))
    assert time_to_dead_letter < queue["MessageRetentionPeriod"]
    assert dlq["MessageRetentionPeriod"] <= 1209600  # SQS's maximum
    function = resources["RouteRequestFunction"]["Properties"]
    assert (function["Runtime"], function["Architectures"], function["Handler"]) == (
        "python3.13",
        ["arm64"],
        "lambda_entry.lambda_handler",
    )
    assert function["CodeUri"] == "functions/route_request/"
    assert (ROOT / function["CodeUri"] / "lambda_entry.py").exists()
    # every method reaches the handler, which answers 405 to all but POST
    assert function["Events"]["PostRequest"]["Properties"]["Method"] == "ANY"
    trigger = resources["DeliverFromQueue"]["Properties"]
    assert trigger["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    # no SAM SQS event: it would attach a managed policy reaching every queue
    assert all(event["Type"] != "SQS" for event in function["Events"].values())
    # the function's own role: no managed policy, every statement on a named resource
    assert function["Role"] == {"GetAtt": "RouteRequestRole.Arn"} and "Policies" not in function
    role = resources["RouteRequestRole"]["Properties"]
    assert "ManagedPolicyArns" not in role
    statements = role["Policies"][0]["PolicyDocument"]["Statement"]
    for statement in statements:
        assert all("*" not in action for action in statement["Action"]), statement["Sid"]
        assert statement["Resource"] != "*", statement["Sid"]
    ses = next(s for s in statements if s["Sid"] == "SendFromRelaisOnly")
    assert "ses:FromAddress" in ses["Condition"]["StringEquals"]
    # SES v2 SendEmail with Content.Raw (mail_ses.py) is authorised as ses:SendRawEmail;
    # ses:SendEmail (simple content) would only widen what the role can do.
    assert ses["Action"] == ["ses:SendRawEmail"]
    cors = resources["HttpApi"]["Properties"]["CorsConfiguration"]["AllowOrigins"]
    assert cors == [{"Ref": "SiteOrigin"}]
    assert {"ApiUrl"} <= set(template["Outputs"])


def test_the_schedule_the_template_and_the_handler_agree() -> None:
    """Each scheduled task runs in AWS (template.yaml) and under `make dev` (devserver's local
    scheduler, from schedule.SCHEDULE) at the same rate, through the same handler task."""
    template = yaml.load((ROOT / "template.yaml").read_text(encoding="utf-8"), Loader=_CfnLoader)
    events = template["Resources"]["RouteRequestFunction"]["Properties"]["Events"]
    in_template = {
        json.loads(event["Properties"]["Input"])["task"]: event["Properties"]["ScheduleExpression"]
        for event in events.values()
        if event["Type"] == "ScheduleV2"
    }
    assert in_template == {task.name: task.expression for task in SCHEDULE}
    assert {task.name for task in SCHEDULE} <= set(TASKS)


def test_checkov_skips_give_reasons_and_user_protections_stay() -> None:
    """``make checkov`` passes because each check the template does not meet is skipped in
    the template itself with its reason; the fixes that protect users stay in place."""
    template = yaml.load((ROOT / "template.yaml").read_text(encoding="utf-8"), Loader=_CfnLoader)
    resources = template["Resources"]
    for name, resource in resources.items():
        for skip in resource.get("Metadata", {}).get("checkov", {}).get("skip", []):
            assert re.match(r"^CKV2?_[A-Z]+_[0-9]+$", skip["id"]) and len(skip["comment"]) > 20, (name, skip)
    for queue in ("DeliveryQueue", "DeliveryDeadLetterQueue", "ScheduleDeadLetterQueue"):
        assert resources[queue]["Properties"]["SqsManagedSseEnabled"] is True, queue
    access = resources["HttpApi"]["Properties"]["AccessLogSettings"]
    assert access["DestinationArn"] == {"GetAtt": "ApiAccessLogGroup.Arn"}
    # no personal data in the access log: no IP address, user agent or identity
    assert not re.search(r"sourceIp|userAgent|identity|authorizer", access["Format"])
    retention = resources["ApiAccessLogGroup"]["Properties"]["RetentionInDays"]
    assert retention == resources["FunctionLogGroup"]["Properties"]["RetentionInDays"]
    for page in ("confidentialite.fr.md", "confidentialite.en.md"):
        text = (ROOT / "site_src" / "docs" / page).read_text(encoding="utf-8")
        assert f"**{retention} " in text, page
    function = resources["RouteRequestFunction"]["Properties"]
    assert function["DeadLetterQueue"]["TargetArn"] == {"GetAtt": "ScheduleDeadLetterQueue.Arn"}
    for event in function["Events"].values():
        if event["Type"] == "ScheduleV2":
            assert event["Properties"]["DeadLetterConfig"]["Arn"] == {"GetAtt": "ScheduleDeadLetterQueue.Arn"}
