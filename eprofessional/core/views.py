from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from eprofessional.core import search as search_engine
from eprofessional.guidance.models import Worksheet
from eprofessional.policy.models import PolicyVersion

SEARCH_EXAMPLES = [
    "foster kid messaging birth mum on snapchat behind our backs",
    "manager wants me to look at mum's facebook for the s47",
    "someone posted my photo and home address online",
    "service user sent me a friend request",
]


def home(request: HttpRequest) -> HttpResponse:
    context: dict[str, Any] = {"current": PolicyVersion.objects.current(), "examples": SEARCH_EXAMPLES}
    if request.user.is_authenticated:
        # Personal: only ever for a signed-in member, whose pages are no-store and never enter the public
        # page cache (core/pagecache.py serves and stores only cookie-less anonymous requests).
        context["worksheets"] = Worksheet.objects.summary_for(request.user)
    return render(request, "core/home.html", context)


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    error = ""
    if len(query) > 2000:
        error = "That is too long to search. Please use up to 2,000 characters."
        hits = []
    else:
        hits = search_engine.search(query, limit=10) if query else []
    template = "core/_search_results.html" if request.headers.get("HX-Request") else "core/search.html"
    return render(
        request, template, {"query": query, "hits": hits, "error": error, "examples": SEARCH_EXAMPLES}
    )


def healthz(request: HttpRequest) -> HttpResponse:
    """A trivial page: the baseline that load benchmarks compare real pages against."""
    return HttpResponse("ok", content_type="text/plain")


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "500.html", status=500)
