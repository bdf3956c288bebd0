"""Cache whole public pages for readers who are not signed in.

Only GET requests with no session or messages cookie are served from or stored in the cache, and only
responses that set no cookie, do not vary on the cookie and used no CSRF token are stored, so nothing
personal (a CSRF token, a flash message, a member's name) can ever be cached. A generation number per
area, bumped by every write in that area (signals in each app), makes stale pages unreachable at once.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

PRIVATE_COOKIES = {"sessionid", "messages"}


# Pages this process has served lately, by full cache key (which includes the generation, so a bumped
# generation makes every entry unreachable at once): a hit then costs one shared-cache read, not two.
_LOCAL: OrderedDict[str, tuple[bytes, str]] = OrderedDict()
_LOCAL_SIZE = 256
_local_lock = threading.Lock()


def _remember(key: str, value: tuple[bytes, str]) -> None:
    with _local_lock:
        _LOCAL[key] = value
        _LOCAL.move_to_end(key)
        while len(_LOCAL) > _LOCAL_SIZE:
            _LOCAL.popitem(last=False)


def generation(area: str) -> int:
    """The area's generation. It starts at a random number, never 0: if the shared cache is ever emptied,
    keys of pages remembered in a process from before cannot come back into use."""
    key = f"gen:{area}"
    value = cache.get(key)
    if value is None:
        cache.add(key, secrets.randbits(62), None)
        value = cache.get(key)
    return int(value or 0)


def bump(area: str) -> None:
    """Make the area's cached pages stale: a fresh random generation, so no number is ever reused, even
    when the write that bumped it is rolled back."""
    cache.set(f"gen:{area}", secrets.randbits(62), None)


def forget_local() -> None:
    """Drop the pages this process remembers (tests reset the database between cases)."""
    with _local_lock:
        _LOCAL.clear()


def _cacheable_request(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    return (
        request.method == "GET"
        and not (user is not None and user.is_authenticated)
        and not PRIVATE_COOKIES & set(request.COOKIES)
    )


def public_page(area: str, timeout: int = 300) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not _cacheable_request(request):
                return view(request, *args, **kwargs)
            # Hashed: an address can be far longer than a cache key may be (255 characters in the
            # database cache's table, which PostgreSQL enforces).
            address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
            key = f"page:{area}:{generation(area)}:{address}"
            hit = _LOCAL.get(key)
            if hit is None:
                hit = cache.get(key)
                if hit is not None:
                    _remember(key, hit)
            if hit is not None:
                content, content_type = hit
                return HttpResponse(content, content_type=content_type)
            response = view(request, *args, **kwargs)
            if (
                response.status_code == 200
                and not response.streaming
                # The view used a CSRF token: the middleware sets its cookie (and Vary) only after we return.
                and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
                and not response.cookies
                and "Cookie" not in response.get("Vary", "")
            ):
                cache.set(key, (response.content, response["Content-Type"]), timeout)
                _remember(key, (response.content, response["Content-Type"]))
            return response

        return wrapped

    return decorator
