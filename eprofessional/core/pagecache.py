"""Cache whole public pages for readers who are not signed in.

Only GET requests with no session or messages cookie are served from or stored in the cache, and only
responses that set no cookie, do not vary on the cookie and used no CSRF token are stored, so nothing
personal (a CSRF token, a flash message, a member's name) can ever be cached. A generation number per
area, bumped by every write in that area (signals in each app), makes stale pages unreachable at once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

PRIVATE_COOKIES = {"sessionid", "messages"}


def generation(area: str) -> int:
    return int(cache.get(f"gen:{area}", 0))


def bump(area: str) -> None:
    try:
        cache.incr(f"gen:{area}")
    except ValueError:
        cache.set(f"gen:{area}", 1, None)


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
            hit = cache.get(key)
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
            return response

        return wrapped

    return decorator
