"""Result objects of the checker."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

RISK_ORDER = {"ok": 0, "review": 1, "stop": 2}
SEVERITY_ORDER = {"info": 0, "review": 1, "stop": 2}


@dataclass
class Finding:
    category: str
    start: int
    end: int
    text: str
    severity: str
    message: str = ""
    topics: list[str] = field(default_factory=list)
    suggestion: str = ""
    clauses: list[str] = field(default_factory=list)
    rule: str = ""
    why: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "severity": self.severity,
            "message": self.message,
            "topics": list(self.topics),
            "suggestion": self.suggestion,
            "clauses": list(self.clauses),
            "rule": self.rule,
            "why": self.why,
        }


@dataclass
class CheckResult:
    risk: str
    findings: list[Finding]
    redacted: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "risk": self.risk,
            "findings": [f.to_dict() for f in self.findings],
            "redacted": self.redacted,
        }
