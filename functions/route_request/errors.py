"""Domain errors raised by the adapters. Each says whether trying again may help.

Adapters turn botocore errors into these by error *code*, never by message text; the
handler turns them into HTTP answers or queue retries in one place (``api.py`` and
``handler.py``).
"""

from __future__ import annotations


class RelaisError(Exception):
    """Base of the domain errors. ``code`` is safe to log (an AWS error code, never user data)."""

    retryable: bool = False

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class RetryableError(RelaisError):
    retryable = True


class PermanentError(RelaisError):
    retryable = False


class StoreUnavailable(RetryableError):
    """The request store could not be reached or throttled us."""


class StoreFailure(PermanentError):
    """The request store refused the operation (missing table, bad permissions, bad item)."""


class RetryableMailError(RetryableError):
    """Sending failed for a reason that may pass (throttling, SES outage, network)."""


class SendingBlocked(RetryableMailError):
    """SES refuses for a cause an operator must fix: the account or a configuration (paused or
    suspended sending, an unverified MAIL FROM domain or sandbox recipient, a missing
    configuration set, our IAM policy, a request SES finds malformed). Nothing proves the
    address bad, so the request waits with the queue's long back-off while an alarm calls an
    operator."""


class PermanentMailError(PermanentError):
    """This recipient can never be mailed (its address bounced for good, or complained).
    SES's synchronous errors never raise it (mail_ses.py); a mailer that knows an address is
    dead may."""


class QueueUnavailable(RetryableError):
    """The delivery queue could not take or move the message."""


class SecretUnavailable(RetryableError):
    """The link-signing secret could not be read (Secrets Manager down, or not granted)."""
