"""Background jobs of the checker (Django's tasks interface, via the django-tasks backport).

Only the job's id travels through the task queue: the archive itself waits in a private file and the
results are written to the job's own rows. ``eprofessional serve`` runs the database worker alongside
the web server; tests use the immediate backend.
"""

from __future__ import annotations

from django_tasks import task


@task()
def run_audit(job_id: str) -> None:
    from .auditing import process_job

    process_job(job_id)
