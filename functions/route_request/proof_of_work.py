"""A self-hosted proof of work for the request form (the ALTCHA scheme: no third party).

The function issues a challenge (``GET /challenge``): a random salt that carries its own
expiry and difficulty (``<hex>?expires=<epoch>&max=<n>``), the SHA-256 of the salt followed
by a secret number between 0 and ``max``, and an HMAC-SHA-256 signature of that hash with
the function's secret. The page's Web Worker tries 0, 1, 2… until the hash matches (about
``max / 2`` hashes on average) while the person types, and sends the answer in the
``proof`` field (base64 of a JSON object). :func:`verify` checks it with a single hash and
a single HMAC; the caller then claims the challenge in the counter store, so one solution
buys one request (``Replayed``). Pure: the clock, the secret and the randomness are
arguments. The scheme is ALTCHA's hash-matching proof of work ("PoW v1": ``algorithm``,
``challenge``, ``maxnumber``, ``salt``, ``signature``; https://pypi.org/p/altcha and
https://altcha.org), written here rather than imported: verifying it is two hashes.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qs

ALGORITHM = "SHA-256"
MAX_PROOF_CHARS = 1000


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _sign(secret: bytes, challenge: str) -> str:
    return hmac.new(secret, challenge.encode("ascii"), hashlib.sha256).hexdigest()


def issue(
    secret: bytes,
    *,
    now: int,
    max_number: int,
    expires_in: int,
    randbelow: Callable[[int], int] = secrets.randbelow,
    token: Callable[[], str] = lambda: secrets.token_hex(12),
) -> dict[str, object]:
    """A new challenge as the page receives it (JSON)."""
    salt = f"{token()}?expires={now + expires_in}&max={max_number}"
    number = randbelow(max_number + 1)
    challenge = _sha256(f"{salt}{number}")
    return {
        "algorithm": ALGORITHM,
        "challenge": challenge,
        "maxnumber": max_number,
        "salt": salt,
        "signature": _sign(secret, challenge),
    }


def solve(challenge: dict[str, object]) -> dict[str, object]:
    """What the page's worker does, in Python: for tests and the flood benchmark."""
    salt, target = str(challenge["salt"]), str(challenge["challenge"])
    for number in range(int(str(challenge["maxnumber"])) + 1):
        if _sha256(f"{salt}{number}") == target:
            return {
                "algorithm": ALGORITHM,
                "challenge": target,
                "number": number,
                "salt": salt,
                "signature": challenge["signature"],
            }
    raise ValueError("no solution")


def encode(solution: dict[str, object]) -> str:
    return base64.b64encode(json.dumps(solution).encode("utf-8")).decode("ascii")


@dataclass(frozen=True)
class Solved:
    challenge: str  # the claim key: one request per challenge
    expires: int


Reason = Literal["malformed", "expired", "wrong_signature", "too_easy", "wrong_answer"]


@dataclass(frozen=True)
class Rejected:
    reason: Reason


def verify(proof: object, secret: bytes, *, now: int, min_number: int) -> Solved | Rejected:
    """Check a ``proof`` field: well formed, signed by us, not expired, hard enough, solved.

    ``min_number``: a challenge whose ``max`` is lower (issued before the difficulty was
    raised, or forged with a leaked key) is ``too_easy``.
    """
    if not isinstance(proof, str) or not proof or len(proof) > MAX_PROOF_CHARS:
        return Rejected("malformed")
    try:
        data = json.loads(base64.b64decode(proof, validate=True))
    except (binascii.Error, ValueError, RecursionError):
        return Rejected("malformed")
    if not isinstance(data, dict) or data.get("algorithm") != ALGORITHM:
        return Rejected("malformed")
    challenge, salt, signature, number = (
        data.get("challenge"),
        data.get("salt"),
        data.get("signature"),
        data.get("number"),
    )
    if not (isinstance(challenge, str) and isinstance(salt, str) and isinstance(signature, str)):
        return Rejected("malformed")
    if isinstance(number, bool) or not isinstance(number, int) or number < 0:
        return Rejected("malformed")
    if not hmac.compare_digest(_sign(secret, challenge), signature):
        return Rejected("wrong_signature")
    params = parse_qs(salt.partition("?")[2])
    try:
        expires = int(params["expires"][0])
        max_number = int(params["max"][0])
    except (KeyError, ValueError, IndexError):
        return Rejected("malformed")
    if expires <= now:
        return Rejected("expired")
    if max_number < min_number or number > max_number:
        return Rejected("too_easy")
    if not hmac.compare_digest(_sha256(f"{salt}{number}"), challenge):
        return Rejected("wrong_answer")
    return Solved(challenge=challenge, expires=expires)
