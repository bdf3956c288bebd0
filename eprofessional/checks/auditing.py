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

import csv
import logging
import os
import secrets
from collections.abc import Iterable
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
PROGRESS_EVERY = 25
CSV_HEADER = ["date", "post_id", "post_risk", "category", "severity", "flagged_text", "message", "suggestion",
              "topics", "clauses", "post_text"]


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


def _risk_rank(risk: str) -> int:
    return AuditPost.RISK_RANK.get(risk, 0)


def _field(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _when(value: Any) -> tuple[Any, str]:
    """(aware datetime or None, the date as text) from what the archive reader gives."""
    if value is None or value == "":
        return None, ""
    if hasattr(value, "isoformat") and hasattr(value, "year"):
        dt = value
    else:
        dt = parse_datetime(str(value))
    if dt is None or not hasattr(dt, "hour"):
        return None, str(value)[:40]
    if timezone.is_naive(dt):
        dt = timezone.make_aware(dt, timezone.get_fixed_timezone(0))
    return dt, dt.date().isoformat()


def _still_there(job_id: Any) -> bool:
    return AuditJob.objects.filter(id=job_id).exists()


def process_job(job_id: Any) -> None:
    """Run one audit job. Never raises for a bad archive: the job records a plain-words message."""
    job = AuditJob.objects.filter(id=job_id).first()
    if job is None:
        return
    upload_name = job.upload_name
    try:
        if job.status != AuditStatus.QUEUED or not upload_name:
            return
        AuditJob.objects.filter(id=job.id).update(status=AuditStatus.RUNNING)
        _run(job, upload_dir() / upload_name)
    except Exception as exc:  # the message shown must not quote the archive: no post text in logs
        from ep_checker import CheckerError

        message = str(exc) if isinstance(exc, CheckerError) else FAILED
        if not isinstance(exc, CheckerError):
            logger.error("Archive audit %s failed with %s", job_id, type(exc).__name__)
        AuditJob.objects.filter(id=job_id).update(
            status=AuditStatus.FAILED, error=message[:500], finished_at=timezone.now()
        )
        AuditPost.objects.filter(job_id=job_id).delete()
    finally:
        _remove_upload(upload_name)
        AuditJob.objects.filter(id=job_id).update(upload_name="")


def _run(job: AuditJob, path: Path) -> None:
    from ep_checker import archives

    archive = archives.open_archive(path, filename=job.original_name)
    platform = str(_field(archive, "platform", "") or "")
    posts = list(archive.iter_posts())
    AuditJob.objects.filter(id=job.id).update(platform=platform[:40], total=len(posts), processed=0)
    counts = {"stop": 0, "review": 0, "ok": 0}
    rows: list[AuditPost] = []

    def flush(processed: int) -> bool:
        if not _still_there(job.id):
            return False
        with transaction.atomic():
            AuditPost.objects.bulk_create(rows)
            AuditJob.objects.filter(id=job.id).update(
                processed=processed, count_stop=counts["stop"], count_review=counts["review"],
                count_ok=counts["ok"],
            )
        rows.clear()
        return True

    from ep_checker import check

    for position, post in enumerate(posts, start=1):
        text = str(_field(post, "text", "") or "")
        result = check(text) if text.strip() else None
        risk = str(result.risk) if result is not None else "ok"
        counts[risk] = counts.get(risk, 0) + 1
        posted_at, posted_on = _when(_field(post, "date") or _field(post, "created_at") or _field(post, "timestamp"))
        rows.append(AuditPost(
            job_id=job.id, position=position, post_id=str(_field(post, "id", "") or "")[:200],
            posted_at=posted_at, posted_on=posted_on, text=text, risk=risk, risk_rank=_risk_rank(risk),
            findings=[f.to_dict() for f in result.findings] if result is not None else [],
        ))
        if (position % PROGRESS_EVERY == 0) and not flush(position):
            return  # the member deleted the job while it ran
    if flush(len(posts)):
        AuditJob.objects.filter(id=job.id).update(status=AuditStatus.DONE, finished_at=timezone.now())


def delete_job(job: AuditJob) -> None:
    name = job.upload_name
    with transaction.atomic():
        job.posts.all().delete()
        job.delete()
    _remove_upload(name)


def finding_rows(job: AuditJob) -> Iterable[list[str]]:
    for post in job.posts.order_by("-risk_rank", "position"):
        for f in post.findings:
            yield [
                post.posted_on, post.post_id, post.risk, str(f.get("category", "")), str(f.get("severity", "")),
                str(f.get("text", "")), str(f.get("message", "")), str(f.get("suggestion", "")),
                " ".join(f.get("topics", []) or []), " ".join(f.get("clauses", []) or []), post.text,
            ]


def _safe_cell(value: str) -> str:
    """Spreadsheet programs run cells that start with = + - @ as formulas: neutralise them."""
    return "'" + value if value[:1] in {"=", "+", "-", "@", "\t", "\r"} else value


def write_csv(job: AuditJob, out: Any) -> None:
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for row in finding_rows(job):
        writer.writerow([_safe_cell(v) for v in row])
