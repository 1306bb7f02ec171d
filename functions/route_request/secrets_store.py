"""The key that signs personal links: from Secrets Manager in AWS, the environment or a
local file otherwise. Read on the action and delivery paths only, once per process.

* ``LINK_SECRET`` set: that value (tests, a developer's choice).
* ``aws`` backend: ``GetSecretValue`` of ``LINK_SECRET_ARN``
  (https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html);
  the template generates the secret and grants the function read access to it alone.
* ``local`` backend: ``RELAIS_VAR_DIR/link-secret``, 32 random bytes written on first use
  (mode 0600), so links in ``var/outbox`` keep working across devserver restarts.
"""

from __future__ import annotations

import os
import secrets
from typing import Any

from .errors import SecretUnavailable
from .settings import Settings


def read_link_secret(settings: Settings, *, client: Any = None) -> bytes:
    if settings.link_secret:
        return settings.link_secret.encode("utf-8")
    if settings.backend == "aws":
        return _from_secrets_manager(settings.link_secret_arn, client)
    path = settings.var_dir / "link-secret"
    if not path.exists():
        # Written whole beside, then linked into place: of several threads starting at once
        # one link wins, and nobody ever reads a half-written key.
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"link-secret.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(secrets.token_hex(32))
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
    return path.read_text(encoding="ascii").strip().encode("ascii")


def _from_secrets_manager(arn: str, client: Any) -> bytes:
    from botocore.exceptions import ClientError

    from .aws_errors import CONNECTION_ERRORS, error_code

    if not arn:
        raise SecretUnavailable("LINK_SECRET_ARN unset")
    if client is None:
        raise ValueError("reading LINK_SECRET_ARN needs a boto3 secretsmanager client")
    try:
        answer = client.get_secret_value(SecretId=arn)
    except ClientError as exc:
        raise SecretUnavailable(error_code(exc)) from exc
    except CONNECTION_ERRORS as exc:
        raise SecretUnavailable(type(exc).__name__) from exc
    value = str(answer.get("SecretString") or "")
    if not value:
        raise SecretUnavailable("EmptySecret")
    return value.encode("utf-8")
