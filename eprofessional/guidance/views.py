"""The casebook and worksheets. (Skeleton: being built out.)"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from .models import Case


def cases(request: HttpRequest) -> HttpResponse:
    return render(request, "guidance/cases.html", {"cases": Case.objects.all()})


def case(request: HttpRequest, case_id: str) -> HttpResponse:
    return render(request, "guidance/case.html", {"case": get_object_or_404(Case, id=case_id)})
