"""The archive audit's workflow: the one place audit jobs and their rows are written.

1. :func:`start_audit` saves the upload under ``VAR_DIR/private-uploads`` with a random name (mode 0600),
   creates the :class:`AuditJob` owned by the member and enqueues :func:`tasks.run_audit`.
2. :func:`process_job` (in the worker) opens the archive with ``ep_checker.archives``, checks every post,
   stores each post's date, text and findings, keeps the counts up to date for the progress bar, and
   deletes the uploaded file in a ``finally`` block whatever happens.
3. :func:`delete_job` removes the job, its rows and any file still waiting.

Post texts are the member's own past posts and stay private to them; they are never logged.
"""

from __future__ import annotations

import io
import logging
import os
import re
import secrets
from datetime import UTC, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from .models import AuditJob, AuditPost, AuditStatus

logger = logging.getLogger(__name__)

UNREADABLE = (
    "We could not read that file as a social media archive. Upload the export of your own account: an "
    "X (Twitter) archive .zip, a Facebook or Instagram posts .json file, or LinkedIn's Shares.csv."
)
FAILED = "Something went wrong while checking your archive. Please try again; nothing was kept."


def upload_dir() -> Path:
    path = Path(settings.VAR_DIR) / "private-uploads"
    path.mkdir(parents=True, exist_ok=True)
    path.chmod(0o700)
    return path


def _save_upload(upload: UploadedFile) -> str:
    name = secrets.token_hex(16)
    target = upload_dir() / name
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return name


def _remove_upload(name: str) -> None:
    if name and "/" not in name and name not in {".", ".."}:
        (upload_dir() / name).unlink(missing_ok=True)


def start_audit(user: Any, upload: UploadedFile) -> AuditJob:
    expire_stale_jobs()
    name = _save_upload(upload)
    try:
        job = AuditJob.objects.create(
            owner=user, original_name=(upload.name or "")[:255], upload_name=name, status=AuditStatus.QUEUED
        )
        from .tasks import run_audit

        run_audit.enqueue(str(job.id))
    except BaseException:
        _remove_upload(name)
        raise
    job.refresh_from_db()
    return job


def _posted_at(value: str | None) -> Any:
    if not value:
        return None
    try:  # a date from the export's own text ("2024-02-30", year 0) is shown as written, not sorted on
        dt = parse_datetime(value.replace("Z", "+00:00"))
        if dt is not None and timezone.is_naive(dt):
            dt = timezone.make_aware(dt, timezone.get_fixed_timezone(0))
        if dt is not None:
            dt = dt.astimezone(UTC)  # a far-off offset at year 1 or 9999 would overflow in the database
    except (ValueError, OverflowError):
        return None
    return dt


# NUL (PostgreSQL stores none in text or JSON) and lone surrogates (from a "\ud83d" escape cut in half in
# an export; no database can encode them as UTF-8)
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _storable(value: Any) -> Any:
    """``value`` with each NUL character or lone surrogate replaced by U+FFFD, in every string it holds.
    The replacement has the same length, so the findings' offsets still fit the text."""
    if isinstance(value, str):
        return _UNSTORABLE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_storable(v) for v in value]
    if isinstance(value, dict):
        return {k: _storable(v) for k, v in value.items()}
    return value


class _Deleted(Exception):
    """The member deleted the job while it ran: stop quietly."""


def process_job(job_id: Any) -> None:
    """Run one audit job. Never raises for a bad archive: the job records a plain-words message instead."""
    from ep_checker import CheckerError

    claimed = AuditJob.objects.filter(id=job_id, status=AuditStatus.QUEUED).exclude(upload_name="")
    job = claimed.first()
    if job is None or not claimed.update(status=AuditStatus.RUNNING):
        return
    upload_name = job.upload_name
    try:
        _run(job, upload_dir() / upload_name)
    except _Deleted:
        pass
    except CheckerError as exc:
        _fail(job_id, str(exc) or UNREADABLE)
    except Exception as exc:  # never log the archive's content: the type of error only
        logger.error("Archive audit %s failed: %s", job_id, type(exc).__name__)
        _fail(job_id, FAILED)
    finally:
        _remove_upload(upload_name)
        AuditJob.objects.filter(id=job_id).update(upload_name="")


def _fail(job_id: Any, message: str) -> None:
    with transaction.atomic():
        AuditPost.objects.filter(job_id=job_id).delete()
        AuditJob.objects.filter(id=job_id).update(
            status=AuditStatus.FAILED, error=message[:500], finished_at=timezone.now()
        )


def _run(job: AuditJob, path: Path) -> None:
    from ep_checker import archives

    with path.open("rb") as fh:
        data = io.BytesIO(fh.read())
    data.name = job.original_name or "your archive"  # the core names the file in its messages
    archive = archives.open_archive(data)
    AuditJob.objects.filter(id=job.id).update(platform=archive.format_name[:40])

    def progress(done: int, total: int) -> None:
        if not AuditJob.objects.filter(id=job.id).update(processed=done, total=total):
            raise _Deleted

    report = archives.audit(archive, progress=progress)
    rows = [
        AuditPost(
            job_id=job.id, position=position, post_id=_storable(str(ap.post.id))[:200],
            source=_storable(str(ap.post.source))[:40], date=_storable(str(ap.post.date or ""))[:40],
            posted_at=_posted_at(_storable(ap.post.date or "")), text=_storable(ap.post.text),
            risk=ap.result.risk, risk_rank=AuditPost.RISK_RANK.get(ap.result.risk, 0),
            findings=_storable([f.to_dict() for f in ap.result.findings]),
        )
        for position, ap in enumerate(report.posts, start=1)
    ]
    with transaction.atomic():
        if not AuditJob.objects.select_for_update().filter(id=job.id).exists():
            raise _Deleted
        AuditPost.objects.bulk_create(rows, batch_size=500)
        AuditJob.objects.filter(id=job.id).update(
            status=AuditStatus.DONE, total=report.total, processed=report.total,
            count_stop=report.by_risk.get("stop", 0), count_review=report.by_risk.get("review", 0),
            count_ok=report.by_risk.get("ok", 0), finished_at=timezone.now(),
        )


STALE_AFTER = timedelta(hours=6)
STALE = (
    "Checking your archive was interrupted (the server restarted). Please upload it again; nothing was kept."
)


def expire_stale_jobs(now: Any = None) -> int:
    """Fail jobs a stopped worker left behind and delete their uploads and any orphaned upload file."""
    now = now or timezone.now()
    stale = AuditJob.objects.filter(
        status__in=[AuditStatus.QUEUED, AuditStatus.RUNNING], created_at__lt=now - STALE_AFTER
    )
    count = 0
    for job in stale:
        _remove_upload(job.upload_name)
        _fail(job.id, STALE)
        AuditJob.objects.filter(id=job.id).update(upload_name="")
        count += 1
    waiting = set(AuditJob.objects.exclude(upload_name="").values_list("upload_name", flat=True))
    cutoff = (now - STALE_AFTER).timestamp()
    for path in upload_dir().iterdir():
        if path.name not in waiting and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
    return count


def delete_job(job: AuditJob) -> None:
    """Remove the job, its results and any upload still waiting."""
    name = job.upload_name
    with transaction.atomic():
        job.posts.all().delete()
        job.delete()
    _remove_upload(name)


def report_of(job: AuditJob) -> Any:
    """Rebuild the core's AuditReport from the stored rows (for the core's CSV writer)."""
    from ep_checker import CheckResult, Finding
    from ep_checker.archives import AuditedPost, AuditReport, Post

    posts = [
        AuditedPost(
            Post(p.post_id, p.date or None, p.text, p.source),
            CheckResult(p.risk, [Finding(**f) for f in p.findings], ""),
        )
        for p in job.posts.order_by("position")
    ]
    return AuditReport(
        format=job.platform, total=job.total, posts=posts,
        by_risk={"stop": job.count_stop, "review": job.count_review, "ok": job.count_ok},
    )


def write_csv(job: AuditJob, out: Any) -> int:
    """One header row, then one row per finding (the core's ``write_csv`` columns)."""
    from ep_checker.archives import write_csv as core_write_csv

    return int(core_write_csv(report_of(job), out))
