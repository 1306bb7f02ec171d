"""Send mail through Amazon SES v2 (boto3 ``sesv2`` client passed in, never built here).

``SendEmail`` with ``Content.Raw`` (our own MIME, built by ``messages.py``), the configured
From identity and configuration set (bounce and complaint events). Errors are told apart by
their code (https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_SendEmail.html#API_SendEmail_Errors):
throttling, quotas and SES-side faults may pass → :class:`RetryableMailError`; a paused or
suspended account or configuration set, an unverified MAIL FROM domain → :class:`SendingBlocked`
(retried with the long back-off and alarmed: no request is dropped while an operator lifts the
block); a rejected message or an invalid recipient → :class:`PermanentMailError`.
``AccessDeniedException`` counts as retryable: it means our IAM policy is wrong, which an
operator fixes, and the queue's long back-off keeps the request until then.
"""

from __future__ import annotations

from email.message import EmailMessage
from typing import Any

from botocore.exceptions import ClientError

from .aws_errors import CONNECTION_ERRORS, error_code, http_status
from .errors import PermanentMailError, RetryableMailError, SendingBlocked

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
        "AccessDeniedException",
    }
)
# The account, not the message: every send fails until an operator acts.
BLOCKED_CODES = frozenset(
    {
        "MailFromDomainNotVerified",
        "MailFromDomainNotVerifiedException",
        "AccountSuspendedException",
        "AccountSendingPausedException",
        "SendingPausedException",
        "ConfigurationSetSendingPausedException",
    }
)
PERMANENT_CODES = frozenset(
    {
        "MessageRejected",
        "BadRequestException",
        "NotFoundException",
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

    def send(self, message: EmailMessage, *, recipient: str) -> str:
        kwargs: dict[str, Any] = {
            "FromEmailAddress": self._sender,
            "Destination": {"ToAddresses": [recipient]},
            "Content": {"Raw": {"Data": message.as_bytes()}},
        }
        if self._configuration_set:
            kwargs["ConfigurationSetName"] = self._configuration_set
        try:
            answer = self._client.send_email(**kwargs)
        except ClientError as exc:
            code = error_code(exc)
            if code in BLOCKED_CODES:
                raise SendingBlocked(code) from exc
            if code in PERMANENT_CODES:
                raise PermanentMailError(code) from exc
            if code in RETRYABLE_CODES or http_status(exc) >= 500 or http_status(exc) == 429:
                raise RetryableMailError(code) from exc
            raise PermanentMailError(code) from exc
        except CONNECTION_ERRORS as exc:
            raise RetryableMailError(type(exc).__name__) from exc
        return str(answer.get("MessageId", ""))
