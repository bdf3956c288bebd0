"""A small rate limiter on Django's cache: a fixed window of ``seconds`` per scope and key.

The key is a member's id, or a keyed hash of the client address (or of an email address), and it is
hashed again before it becomes part of a cache key: no address, email or anything typed into a form (and
never a draft given to the checker) is stored or logged. Limits come from ``settings.RATE_LIMITS``
(scope -> (requests, seconds), or None for no limit); see docs/configuration.md.

The count is approximate under heavy concurrency (the database cache's ``incr`` is a read and a write),
which is enough to stop floods and scripted guessing.
"""

from __future__ import annotations

import math
import time
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.forms import BaseForm
from django.forms.utils import ErrorDict, ErrorList
from django.http import HttpRequest, HttpResponse
from django.utils.crypto import salted_hmac

SALT = "eprofessional.core.ratelimit"
F = TypeVar("F", bound=BaseForm)


def client_address(request: HttpRequest | None) -> str:
    """The address a request came from: REMOTE_ADDR, or behind the trusted proxy (EP_BEHIND_PROXY), the
    address that proxy appended last to X-Forwarded-For."""
    if request is None:
        return ""
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return str(forwarded).split(",")[-1].strip()[:64]
    return str(request.META.get("REMOTE_ADDR", ""))[:64]


def hashed(value: str) -> str:
    return salted_hmac(SALT, value, algorithm="sha256").hexdigest()[:40]


def client_key(request: HttpRequest) -> str:
    """A signed-in member is counted by account (wherever they are); anyone else by client address."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"member:{user.pk}"
    return f"address:{client_address(request)}"


def email_key(email: str) -> str:
    return f"email:{email.strip().casefold()}"


def hit(scope: str, key: str) -> int:
    """Count one request in ``scope`` for ``key``. Returns 0 when it is allowed, otherwise the whole
    number of seconds until the window ends (for Retry-After)."""
    rate = settings.RATE_LIMITS.get(scope)
    if rate is None:
        return 0
    limit, seconds = rate
    now = time.time()
    window = int(now // seconds)
    cache_key = f"rl:{scope}:{hashed(key)}:{window}"
    cache.add(cache_key, 0, seconds + 5)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, seconds + 5)
        count = 1
    if count <= limit:
        return 0
    return max(1, math.ceil((window + 1) * seconds - now))


def wait_words(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes = math.ceil(seconds / 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def message(seconds: int, what: str = "requests") -> str:
    return f"You have made too many {what} in a short time. Please wait {wait_words(seconds)} and try again."


def too_many(response: HttpResponse, seconds: int) -> HttpResponse:
    """Make ``response`` a 429 with Retry-After."""
    response.status_code = 429
    response.reason_phrase = "Too Many Requests"
    response["Retry-After"] = str(seconds)
    return response


def refuse_form(form: F, text: str, field: str = "__all__") -> F:
    """Show ``text`` as the error of ``field`` (or of the whole form) without validating the form: what
    was typed is shown again (password widgets never are), and nothing is looked up (which would let a
    flood learn, for instance, which usernames exist)."""
    form._errors = ErrorDict({field: ErrorList([text])})  # type: ignore[attr-defined]
    form.cleaned_data = {}
    return form


def limited(scope: str, *keys: str) -> int:
    """Count one request against each key; the longest wait if any is over its limit, else 0."""
    return max((hit(scope, key) for key in keys), default=0)

