"""The policy as a PDF, rendered by WeasyPrint from a dedicated template and cached per version.

Published versions are immutable, so each PDF is rendered once and kept under ``VAR_DIR/pdf``. The file
name carries a fingerprint of the version's full content (and of the template and stylesheet), so a
different database or a changed layout can never serve a stale file.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import get_template, render_to_string
from django.utils import timezone

from .models import NATION_KEYS, Nation, PolicyVersion

TEMPLATE = "policy/pdf.html"
STYLESHEET = "css/pdf.css"


def _stylesheet_path() -> Path:
    found = finders.find(STYLESHEET)
    if not found:
        raise FileNotFoundError(STYLESHEET)
    return Path(found if isinstance(found, str) else found[0])


def _fingerprint(version: PolicyVersion, sections: list[Any]) -> str:
    from .serializers import section_data, version_summary

    data = {**version_summary(version), "sections": [section_data(s) for s in sections]}
    template_source = Path(get_template(TEMPLATE).origin.name).read_bytes()  # type: ignore[attr-defined]
    digest = hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode())
    digest.update(template_source)
    digest.update(_stylesheet_path().read_bytes())
    return digest.hexdigest()[:20]


def render_pdf(version: PolicyVersion, sections: list[Any]) -> bytes:
    from weasyprint import CSS, HTML

    labels = dict(Nation.choices)
    principles: dict[str, Any] = {}
    standards: dict[str, Any] = {}
    legislation: dict[str, Any] = {}
    for section in sections:
        for clause in section.clauses.all():
            notes = clause.nation_notes or {}
            clause.notes = [(labels[k], notes[k]) for k in NATION_KEYS if notes.get(k)]
            for p in clause.principles.all():
                principles.setdefault(p.id, p)
            for s in clause.standards.all():
                standards.setdefault(s.key, s)
            for law in clause.legislation.all():
                legislation.setdefault(law.key, law)
    html = render_to_string(
        TEMPLATE,
        {
            "version": version,
            "sections": sections,
            "principles": sorted(principles.values(), key=lambda p: (p.code_version, p.sort_key)),
            "standards": sorted(standards.values(), key=lambda s: (s.regulator.name, s.key)),
            "legislation": sorted(legislation.values(), key=lambda x: (x.act, x.key)),
            "generated_at": timezone.now(),
        },
    )
    stylesheet = CSS(filename=str(_stylesheet_path()))
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(stylesheets=[stylesheet]) or b""


def policy_pdf_path(version: PolicyVersion) -> Path:
    """The cached PDF for a published version, rendering it first if needed."""
    sections = list(version.ordered_sections())
    directory = Path(settings.VAR_DIR) / "pdf"
    path = directory / f"social-media-policy-v{version.number}-{_fingerprint(version, sections)}.pdf"
    if path.exists():
        return path
    directory.mkdir(parents=True, exist_ok=True)
    data = render_pdf(version, sections)
    fd, tmp = tempfile.mkstemp(dir=directory, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
