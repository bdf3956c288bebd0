"""Pages of the before-you-post checker: /check/ (drafts), /check/photo/ and /check/archive/.

Drafts and photos are handled in memory for the one response and never stored, logged or put in the
session; every response here is sent with ``Cache-Control: no-store``.
"""

from __future__ import annotations

import logging
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import MemoryFileUploadHandler
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST

from eprofessional.core import ratelimit

from . import auditing, engine, photos
from .forms import PHOTO_MAX_BYTES, PHOTO_TOO_LARGE, TOO_LONG_MESSAGE, ArchiveForm, CheckForm, PhotoForm
from .models import AuditJob

logger = logging.getLogger(__name__)

AUDIT_PAGE_SIZE = 100


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def _post_data(request: HttpRequest) -> Any:
    """request.POST, or None when the body is larger than Django accepts."""
    try:
        return request.POST
    except RequestDataTooBig:
        return None


@never_cache
@require_http_methods(["GET", "POST"])
def check(request: HttpRequest) -> HttpResponse:
    shown = None
    error = ""
    wait = 0
    if request.method == "POST":
        data = _post_data(request)
        wait = ratelimit.limited("check", ratelimit.client_key(request))
        if wait:
            # The draft goes back into the textarea of this no-store page, and nowhere else.
            form = CheckForm(data)
            error = ratelimit.message(wait, "checks")
        elif data is None:
            form = CheckForm()
            error = TOO_LONG_MESSAGE
        else:
            form = CheckForm(data)
            if form.is_valid():
                text = form.cleaned_data["text"]
                try:
                    result = engine.check(text)
                except engine.checker_error() as exc:
                    error = str(exc)
                else:
                    shown = engine.present(text, result)
            else:
                error = str(form.errors["text"][0])
    else:
        form = CheckForm()
    context = {"form": form, "shown": shown, "error": error, "checked": request.method == "POST"}
    template = "checks/_check_result.html" if _is_htmx(request) else "checks/check.html"
    response = render(request, template, context, status=200)
    return ratelimit.too_many(response, wait) if wait else response


class PhotoInMemory(MemoryFileUploadHandler):
    """Photos never touch the disk: the whole upload is held in memory, bigger ones are refused."""

    too_large = False

    def handle_raw_input(
        self, input_data: Any, META: Any, content_length: int, boundary: Any, encoding: str | None = None
    ) -> None:
        self.activated = content_length is not None and content_length <= PHOTO_MAX_BYTES + 256 * 1024
        self.too_large = not self.activated


def _photo_form(request: HttpRequest, handler: PhotoInMemory) -> PhotoForm:
    form = PhotoForm(request.POST, request.FILES)
    if handler.too_large:
        form.is_valid()
        form.errors.pop("photo", None)
        form.add_error("photo", PHOTO_TOO_LARGE)
    return form


# The upload handlers must be set before CSRF middleware reads the body: exempt here, protect inside.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def photo(request: HttpRequest) -> HttpResponse:
    handler = PhotoInMemory(request)
    request.upload_handlers = [handler]
    return _photo(request, handler)


@csrf_protect
def _photo(request: HttpRequest, handler: PhotoInMemory) -> HttpResponse:
    report = None
    form = PhotoForm()
    wait = ratelimit.limited("photo", ratelimit.client_key(request)) if request.method == "POST" else 0
    if wait:
        form = ratelimit.refuse_form(PhotoForm(), ratelimit.message(wait, "photo checks"), "photo")
    elif request.method == "POST":
        form = _photo_form(request, handler)
        if form.is_valid():
            upload = form.cleaned_data["photo"]
            report = photos.inspect(upload.read(), upload.name or "")
            if report.error:
                form.add_error("photo", report.error)
                report = None
    if _is_htmx(request):
        htmx_error = form.errors["photo"][0] if form.errors.get("photo") else ""
        response = render(request, "checks/_photo_result.html", {"report": report, "htmx_error": htmx_error})
    else:
        response = render(request, "checks/photo.html", {"form": form, "report": report})
    return ratelimit.too_many(response, wait) if wait else response


@csrf_exempt
@never_cache
@require_POST
def photo_strip(request: HttpRequest) -> HttpResponse:
    handler = PhotoInMemory(request)
    request.upload_handlers = [handler]
    return _photo_strip(request, handler)


@csrf_protect
def _photo_strip(request: HttpRequest, handler: PhotoInMemory) -> HttpResponse:
    wait = ratelimit.limited("photo", ratelimit.client_key(request))
    if wait:
        form = ratelimit.refuse_form(PhotoForm(), ratelimit.message(wait, "photo checks"), "photo")
        response = render(request, "checks/photo.html", {"form": form, "report": None})
        return ratelimit.too_many(response, wait)
    form = _photo_form(request, handler)
    if form.is_valid():
        upload = form.cleaned_data["photo"]
        stripped = photos.strip(upload.read(), upload.name or "")
        if stripped.error is None:
            response = HttpResponse(stripped.data, content_type=stripped.content_type)
            response["Content-Disposition"] = f'attachment; filename="{stripped.filename}"'
            return response
        form.add_error("photo", stripped.error)
    return render(request, "checks/photo.html", {"form": form, "report": None}, status=400)


# --- Archive audit ---------------------------------------------------------------------------------


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def archive(request: HttpRequest) -> HttpResponse:
    form = ArchiveForm()
    wait = ratelimit.limited("archive", ratelimit.client_key(request)) if request.method == "POST" else 0
    if wait:
        form = ratelimit.refuse_form(ArchiveForm(), ratelimit.message(wait, "archive uploads"), "archive")
    elif request.method == "POST":
        form = ArchiveForm(request.POST, request.FILES)
        if form.is_valid():
            job = auditing.start_audit(request.user, form.cleaned_data["archive"])
            return redirect(job)
    if request.method == "GET":
        auditing.expire_stale_jobs()
    jobs = AuditJob.objects.visible_to(request.user)
    response = render(request, "checks/archive.html", {"form": form, "jobs": jobs})
    return ratelimit.too_many(response, wait) if wait else response


def _job(request: HttpRequest, job_id: Any) -> AuditJob:
    # A job a stopped worker left behind is failed, and its upload deleted, when its owner next looks,
    # not only when someone uploads another archive.
    auditing.expire_stale_jobs()
    return get_object_or_404(AuditJob.objects.visible_to(request.user), id=job_id)


@never_cache
@login_required
def audit(request: HttpRequest, job_id: Any) -> HttpResponse:
    job = _job(request, job_id)
    posts = job.posts.exclude(risk="ok") if job.status == "done" else job.posts.none()
    # A large archive can flag tens of thousands of posts: show them a page at a time (all are in the CSV).
    page = Paginator(posts, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "checks/audit.html", {"job": job, "posts": page.object_list, "page": page})


@never_cache
@login_required
def audit_progress(request: HttpRequest, job_id: Any) -> HttpResponse:
    job = _job(request, job_id)
    if not _is_htmx(request):
        return redirect(job)
    response = render(request, "checks/_audit_progress.html", {"job": job})
    if job.is_finished:
        # Load the full results page once the job is done.
        response["HX-Refresh"] = "true"
    return response


@never_cache
@login_required
def audit_csv(request: HttpRequest, job_id: Any) -> HttpResponse:
    job = _job(request, job_id)
    if job.status != "done":
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="archive-audit-{job.created_at:%Y-%m-%d}.csv"'
    auditing.write_csv(job, response)
    return response


@never_cache
@login_required
@require_POST
def audit_delete(request: HttpRequest, job_id: Any) -> HttpResponse:
    job = _job(request, job_id)
    auditing.delete_job(job)
    return redirect("checks:archive")
