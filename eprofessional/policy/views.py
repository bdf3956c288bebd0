"""Reading the policy. (Skeleton: the reading pages are being built out.)"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from .models import Clause, PolicyVersion, Principle


def _current_or_404() -> PolicyVersion:
    version = PolicyVersion.objects.current()
    if version is None:
        raise Http404("No policy has been published yet.")
    return version


def current(request: HttpRequest) -> HttpResponse:
    version = _current_or_404()
    return render(request, "policy/policy.html", {"version": version, "sections": version.ordered_sections()})


def version(request: HttpRequest, number: int) -> HttpResponse:
    version = get_object_or_404(PolicyVersion.objects.published(), number=number)
    return render(request, "policy/policy.html", {"version": version, "sections": version.ordered_sections()})


def clause(request: HttpRequest, anchor: str) -> HttpResponse:
    version = _current_or_404()
    found = get_object_or_404(Clause, version=version, anchor=anchor)
    return redirect(found.get_absolute_url())


def principles(request: HttpRequest) -> HttpResponse:
    return render(request, "policy/principles.html", {"principles": Principle.objects.all()})


def principle(request: HttpRequest, principle_id: str) -> HttpResponse:
    p = get_object_or_404(Principle, id=principle_id)
    return render(request, "policy/principle.html", {"principle": p})


def versions(request: HttpRequest) -> HttpResponse:
    return render(request, "policy/versions.html", {"versions": PolicyVersion.objects.published()})


def compare(request: HttpRequest) -> HttpResponse:
    return render(request, "policy/versions.html", {"versions": PolicyVersion.objects.published()})


def feed(request: HttpRequest) -> HttpResponse:
    raise Http404
