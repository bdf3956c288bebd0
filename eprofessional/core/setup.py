"""Bring a database up to date: migrations, the cache table and the content files. Idempotent."""

from __future__ import annotations

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from eprofessional.core.contentfiles import load_valid_content


def pending_migrations() -> bool:
    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def prepare_database() -> list[str]:
    lines = []
    if pending_migrations():
        call_command("migrate", interactive=False, verbosity=0)
        lines.append("Database migrated.")
    call_command("createcachetable", verbosity=0)
    lines.extend(load_content())
    return lines


def load_content() -> list[str]:
    from eprofessional.guidance.loading import load_cases
    from eprofessional.policy.loading import load_edition, load_registers

    content = load_valid_content(settings.CONTENT_DIR)
    report = load_registers(content)
    report.edition = load_edition(content)
    lines = report.lines()
    if content.cases:
        lines.append(load_cases(content))
    from eprofessional.core import search

    search.invalidate()
    return lines
