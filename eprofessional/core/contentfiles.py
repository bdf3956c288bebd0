"""Read and validate the content files under ``content/`` (see docs/content.md).

Pure functions over YAML: no database, so tests can validate content on its own and the loaders can refuse
bad content before writing anything.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

NATIONS = ("england", "wales", "scotland", "northern-ireland")
CASE_SETTINGS = (
    "children-and-families",
    "fostering-and-adoption",
    "care-leavers",
    "adults",
    "mental-health",
    "learning-disability",
    "older-people",
    "students",
    "managers",
)
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PRINCIPLE_ID = re.compile(r"^COE-(2014|2021):[0-9]+(?:\.[0-9]+)*$")
ASKED_MAX = 200
_ASKED_KEY = re.compile(r"^( *)asked:")


def without_asked(raw: bytes) -> bytes:
    """A section file's bytes without its ``asked`` lists (the key line and the lines nested under it).

    ``asked`` is search metadata, not policy text, so adding or rewording a phrasing must not make the
    policy look changed (the edition's content hash is taken over the files without it).
    """
    out: list[str] = []
    indent: int | None = None
    for line in raw.decode("utf-8").splitlines(keepends=True):
        if indent is not None:
            stripped = line.lstrip(" ")
            depth = len(line) - len(stripped)
            if stripped.strip() and (depth > indent or (depth == indent and stripped.startswith("- "))):
                continue
            indent = None
        match = _ASKED_KEY.match(line)
        if match:
            indent = len(match.group(1))
            continue
        out.append(line)
    return "".join(out).encode("utf-8")


def asked_errors(value: Any, where: str) -> list[str]:
    """``asked``: optional list of short, distinct, non-empty strings (ways people ask about a document)."""
    if value is None:
        return []
    if not isinstance(value, list):
        return [f"{where}: asked must be a list of strings"]
    errors: list[str] = []
    seen: set[str] = set()
    for item in value:
        if not isinstance(item, str) or not item.strip():
            errors.append(f"{where}: asked has an empty or non-text entry")
            continue
        if len(item) > ASKED_MAX:
            errors.append(f"{where}: asked entry longer than {ASKED_MAX} characters: {item[:40]!r}...")
        key = " ".join(item.lower().split())
        if key in seen:
            errors.append(f"{where}: asked entry {item!r} is used twice")
        seen.add(key)
    return errors


class ContentError(Exception):
    """The content files are not valid; ``errors`` lists every problem found."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        shown = "\n".join(f"  - {e}" for e in errors[:50])
        more = f"\n  ... and {len(errors) - 50} more" if len(errors) > 50 else ""
        super().__init__(f"{len(errors)} problem(s) in the content files:\n{shown}{more}")


@dataclass
class Content:
    root: Path
    taxonomy: dict[str, Any]
    principles: list[dict[str, Any]] = field(default_factory=list)
    regulators: list[dict[str, Any]] = field(default_factory=list)
    standards: list[dict[str, Any]] = field(default_factory=list)
    legislation: list[dict[str, Any]] = field(default_factory=list)
    edition: dict[str, Any] = field(default_factory=dict)
    sections: list[dict[str, Any]] = field(default_factory=list)
    cases: list[dict[str, Any]] = field(default_factory=list)
    policy_hash: str = ""

    @property
    def topic_keys(self) -> set[str]:
        return set(self.taxonomy.get("topics", {}))

    @property
    def clauses(self) -> list[dict[str, Any]]:
        return [c for s in self.sections for c in s.get("clauses", [])]


def _load_yaml(path: Path, errors: list[str]) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        errors.append(f"{path.name}: cannot be read as YAML ({exc})")
        return None


def read_content(root: Path) -> Content:
    """Read every content file. Raises ContentError if files are unreadable or badly shaped."""
    errors: list[str] = []
    taxonomy = _load_yaml(root / "taxonomy.yaml", errors) or {}
    content = Content(root=root, taxonomy=taxonomy)

    reg_dir = root / "registers"
    for path in sorted(reg_dir.glob("*.yaml")) if reg_dir.is_dir() else []:
        data = _load_yaml(path, errors) or {}
        if not isinstance(data, dict):
            errors.append(f"registers/{path.name}: expected a mapping at the top")
            continue
        for kind in ("principles", "regulators", "standards", "legislation"):
            items = data.get(kind) or []
            if not isinstance(items, list):
                errors.append(f"registers/{path.name}: {kind} must be a list")
                continue
            getattr(content, kind).extend(items)

    digest = hashlib.sha256()
    edition_path = root / "policy" / "edition.yaml"
    if edition_path.exists():
        content.edition = _load_yaml(edition_path, errors) or {}
        digest.update(edition_path.read_bytes())
    for path in sorted((root / "policy" / "sections").glob("*.yaml")):
        data = _load_yaml(path, errors)
        digest.update(without_asked(path.read_bytes()))
        if isinstance(data, dict):
            data["_file"] = path.name
            content.sections.append(data)
        elif data is not None:
            errors.append(f"policy/sections/{path.name}: expected a mapping")
    content.sections.sort(key=lambda s: (s.get("number") or 0, s.get("_file", "")))
    content.policy_hash = digest.hexdigest()

    for path in sorted((root / "cases").glob("*.yaml")):
        data = _load_yaml(path, errors)
        if isinstance(data, dict):
            data["_file"] = path.name
            content.cases.append(data)
        elif data is not None:
            errors.append(f"cases/{path.name}: expected a mapping")
    if errors:
        raise ContentError(errors)
    return content


def _text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _unique(items: list[dict[str, Any]], key: str, what: str, errors: list[str]) -> set[str]:
    seen: set[str] = set()
    for item in items:
        value = item.get(key)
        if not _text(value):
            errors.append(f"{what}: an entry has no {key}")
            continue
        if value in seen:
            errors.append(f"{what}: {key} {value!r} is used twice")
        seen.add(str(value))
    return seen


def validate(content: Content) -> list[str]:
    """Return every problem found; an empty list means the content is valid."""
    errors: list[str] = []
    topics = content.topic_keys
    if not topics:
        errors.append("taxonomy.yaml has no topics")

    principle_ids = _unique(content.principles, "id", "principles", errors)
    for p in content.principles:
        pid = p.get("id", "?")
        if _text(pid) and not PRINCIPLE_ID.match(pid):
            errors.append(f"principle {pid!r}: ID must look like COE-2014:2.3.3")
        for key in ("code", "value", "number", "title", "summary"):
            if not _text(str(p.get(key, "")) if p.get(key) is not None else ""):
                errors.append(f"principle {pid}: missing {key}")
    regulator_keys = _unique(content.regulators, "key", "regulators", errors)
    for r in content.regulators:
        for key in ("name", "url"):
            if not _text(r.get(key)):
                errors.append(f"regulator {r.get('key')}: missing {key}")
        if r.get("nation") and r["nation"] not in NATIONS:
            errors.append(f"regulator {r.get('key')}: unknown nation {r['nation']!r}")
    standard_keys = _unique(content.standards, "key", "standards", errors)
    for s in content.standards:
        if s.get("regulator") not in regulator_keys:
            errors.append(f"standard {s.get('key')}: unknown regulator {s.get('regulator')!r}")
        for key in ("document", "title", "summary", "url"):
            if not _text(s.get(key)):
                errors.append(f"standard {s.get('key')}: missing {key}")
    legislation_keys = _unique(content.legislation, "key", "legislation", errors)
    for law in content.legislation:
        for key in ("act", "title", "summary", "url"):
            if not _text(law.get(key)):
                errors.append(f"legislation {law.get('key')}: missing {key}")
        if not isinstance(law.get("year"), int):
            errors.append(f"legislation {law.get('key')}: year must be a number")
        nations = law.get("nations")
        if not isinstance(nations, list) or not nations or any(n not in NATIONS for n in nations):
            errors.append(f"legislation {law.get('key')}: nations must be a non-empty list of nation keys")
        if _text(law.get("url")) and not str(law["url"]).startswith("https://"):
            errors.append(f"legislation {law.get('key')}: url must be an https link")

    # Policy
    if content.sections:
        if not isinstance(content.edition.get("version"), int):
            errors.append("policy/edition.yaml: version must be a whole number")
        for key in ("title", "summary"):
            if not _text(content.edition.get(key)):
                errors.append(f"policy/edition.yaml: missing {key}")
        if not isinstance(content.edition.get("published_at"), dt.datetime | dt.date):
            errors.append("policy/edition.yaml: published_at must be a date and time")
    section_anchors = _unique(content.sections, "anchor", "sections", errors)
    numbers = [s.get("number") for s in content.sections]
    if len(numbers) != len(set(numbers)):
        errors.append("sections: two sections share a number")
    clause_anchors: set[str] = set()
    for s in content.sections:
        where = f"section {s.get('anchor') or s.get('_file')}"
        if not isinstance(s.get("number"), int):
            errors.append(f"{where}: number must be a whole number")
        if not _text(s.get("title")):
            errors.append(f"{where}: missing title")
        if s.get("anchor") and not SLUG.match(str(s["anchor"])):
            errors.append(f"{where}: anchor must be a lower-case slug")
        clauses = s.get("clauses")
        if not isinstance(clauses, list) or not clauses:
            errors.append(f"{where}: has no clauses")
            continue
        for c in clauses:
            anchor = c.get("anchor")
            cwhere = f"clause {anchor or '?'} in {where}"
            if not _text(anchor) or not SLUG.match(str(anchor)):
                errors.append(f"{cwhere}: anchor must be a lower-case slug")
            elif anchor in clause_anchors or anchor in section_anchors:
                errors.append(f"{cwhere}: anchor is used twice")
            else:
                clause_anchors.add(anchor)
            if not _text(c.get("text")):
                errors.append(f"{cwhere}: missing text")
            ps = c.get("principles") or []
            if not ps:
                errors.append(f"{cwhere}: needs at least one Code of Ethics principle")
            errors.extend(f"{cwhere}: unknown principle {p!r}" for p in ps if p not in principle_ids)
            ts = c.get("topics") or []
            if not ts:
                errors.append(f"{cwhere}: needs at least one topic")
            errors.extend(f"{cwhere}: unknown topic {t!r}" for t in ts if t not in topics)
            errors.extend(
                f"{cwhere}: unknown standard {k!r}" for k in c.get("standards") or [] if k not in standard_keys
            )
            errors.extend(
                f"{cwhere}: unknown legislation {k!r}"
                for k in c.get("legislation") or []
                if k not in legislation_keys
            )
            notes = c.get("nations") or {}
            if not isinstance(notes, dict) or any(n not in NATIONS for n in notes):
                errors.append(f"{cwhere}: nations must map nation keys to notes")
            errors.extend(asked_errors(c.get("asked"), cwhere))

    # Cases
    case_ids = _unique(content.cases, "id", "cases", errors)
    for case in content.cases:
        cid = case.get("id", "?")
        where = f"case {cid}"
        if case.get("_file") != f"{cid}.yaml":
            errors.append(f"{where}: file name must be {cid}.yaml")
        for key in ("title", "summary", "situation", "recommended", "reasoning", "record"):
            if not _text(case.get(key)):
                errors.append(f"{where}: missing {key}")
        for key in ("questions", "supervision"):
            if not isinstance(case.get(key), list) or not case.get(key):
                errors.append(f"{where}: {key} must be a non-empty list")
        ps = case.get("principles") or []
        if len(ps) < 2:
            errors.append(f"{where}: needs at least two principles in tension")
        for p in ps:
            pid = p.get("id") if isinstance(p, dict) else p
            if pid not in principle_ids:
                errors.append(f"{where}: unknown principle {pid!r}")
            if isinstance(p, dict) and not _text(p.get("tension")):
                errors.append(f"{where}: principle {pid} needs a tension note")
        errors.extend(f"{where}: unknown legislation {k!r}" for k in case.get("legislation") or [] if k not in legislation_keys)
        errors.extend(f"{where}: unknown standard {k!r}" for k in case.get("standards") or [] if k not in standard_keys)
        nations = case.get("nations") or {}
        if not isinstance(nations, dict) or set(nations) != set(NATIONS):
            errors.append(f"{where}: nations must cover england, wales, scotland and northern-ireland")
        options = case.get("options") or []
        if len(options) < 2:
            errors.append(f"{where}: needs at least two options")
        for o in options:
            if not all(_text(o.get(k)) for k in ("option", "benefits", "risks")):
                errors.append(f"{where}: each option needs option, benefits and risks")
        ts = case.get("topics") or []
        if not ts:
            errors.append(f"{where}: needs at least one topic")
        errors.extend(f"{where}: unknown topic {t!r}" for t in ts if t not in topics)
        errors.extend(f"{where}: unknown setting {s!r}" for s in case.get("settings") or [] if s not in CASE_SETTINGS)
        errors.extend(asked_errors(case.get("asked"), where))
        if content.sections:
            errors.extend(
                f"{where}: unknown policy clause {a!r}" for a in case.get("clauses") or [] if a not in clause_anchors
            )
    del case_ids
    return errors


def load_valid_content(root: Path) -> Content:
    content = read_content(root)
    errors = validate(content)
    if errors:
        raise ContentError(errors)
    return content
