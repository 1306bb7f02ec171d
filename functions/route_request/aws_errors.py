"""What the AWS adapters share: reading a botocore error's code, and which errors are
network-level (always worth retrying). Used only by the ``*_dynamodb``/``*_ses``/``*_sqs``
adapters; the core never imports botocore."""

from __future__ import annotations

from botocore.exceptions import ClientError, ConnectionError, HTTPClientError

# Could not reach the service or it hung up: EndpointConnectionError, ConnectTimeoutError,
# ReadTimeoutError, ConnectionClosedError… all derive from these two.
CONNECTION_ERRORS: tuple[type[Exception], ...] = (ConnectionError, HTTPClientError)


def error_code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", "Unknown"))


def http_status(exc: ClientError) -> int:
    return int(exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0) or 0)
