"""Send mail through Amazon SES v2 (boto3 ``sesv2`` client passed in, never built here).

``SendEmail`` with ``Content.Raw`` (our own MIME, built by ``messages.py``), the configured
From identity and configuration set (bounce and complaint events, ``ses_events.py``). Errors
are told apart by their code, by cause
(https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_SendEmail.html#API_SendEmail_Errors):

* a cause that passes by itself (throttling, quotas, SES-side faults, the network) →
  :class:`RetryableMailError`: the queue retries with its back-off;
* a cause an operator must fix (the account or a configuration) → :class:`SendingBlocked`:
  retried with the same back-off *and* the ``SendingBlocked`` metric raises an alarm, so no
  request is dropped while the operator acts. That is a paused or suspended account or
  configuration set, an unverified MAIL FROM domain, a missing configuration set
  (``NotFoundException``), our IAM policy (``AccessDeniedException``), ``MessageRejected``
  (what the SES sandbox answers for an unverified recipient, or a content rule),
  ``BadRequestException`` and any other 4xx we do not know: none of them says the address
  is bad, and marking recipients failed for them failed every request in flight.

A synchronous error never proves an address bad: SES accepts a send to a suppressed or
non-existent mailbox and reports it later as a bounce (``ses_events.py``), the one cause that
is permanent for that recipient. A request whose recipient was marked failed before a fix is
sent again with ``python -m functions.route_request.redeliver`` (docs/function.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from email.message import EmailMessage
from typing import Any

from botocore.exceptions import ClientError

from .aws_errors import CONNECTION_ERRORS, error_code, http_status
from .errors import RetryableMailError, SendingBlocked

# Causes that pass by themselves: retried with the queue's back-off, no alarm.
RETRYABLE_CODES = frozenset(
    {
        "Throttling",
        "ThrottlingException",
        "TooManyRequestsException",
        "LimitExceededException",
        "LimitExceeded",
        "ServiceUnavailable",
        "ServiceUnavailableException",
        "InternalFailure",
        "InternalServiceError",
        "InternalServerError",
        "RequestTimeout",
    }
)
# The account or a configuration, not the address: every send fails until an operator acts.
# Listed for the reader; any other 4xx is treated the same way.
BLOCKED_CODES = frozenset(
    {
        "MailFromDomainNotVerified",
        "MailFromDomainNotVerifiedException",
        "AccountSuspendedException",
        "AccountSendingPausedException",
        "SendingPausedException",
        "ConfigurationSetSendingPausedException",
        "ConfigurationSetDoesNotExist",
        "NotFoundException",
        "AccessDeniedException",
        "MessageRejected",
        "BadRequestException",
        "InvalidParameterValue",
        "ValidationException",
    }
)


class SesMailer:
    def __init__(self, client: Any, *, sender: str, configuration_set: str = "") -> None:
        if client is None:
            raise ValueError("SesMailer needs a boto3 sesv2 client")
        self._client = client
        self._sender = sender
        self._configuration_set = configuration_set

    def send(self, message: EmailMessage, *, recipient: str, tags: Mapping[str, str] | None = None) -> str:
        kwargs: dict[str, Any] = {
            "FromEmailAddress": self._sender,
            "Destination": {"ToAddresses": [recipient]},
            "Content": {"Raw": {"Data": message.as_bytes()}},
        }
        if self._configuration_set:
            kwargs["ConfigurationSetName"] = self._configuration_set
        if tags:
            kwargs["EmailTags"] = [{"Name": name, "Value": value} for name, value in tags.items()]
        try:
            answer = self._client.send_email(**kwargs)
        except ClientError as exc:
            code = error_code(exc)
            if code in RETRYABLE_CODES or http_status(exc) >= 500 or http_status(exc) == 429:
                raise RetryableMailError(code) from exc
            raise SendingBlocked(code) from exc  # BLOCKED_CODES and every unknown 4xx
        except CONNECTION_ERRORS as exc:
            raise RetryableMailError(type(exc).__name__) from exc
        return str(answer.get("MessageId", ""))
