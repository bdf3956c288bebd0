"""e-Professional before-you-post checker: a pure-Python core (no Django).

>>> from ep_checker import check
>>> check("Court tomorrow for the Kowalski kids").risk
'stop'
"""

from .engine import MAX_CHARS, check, nhs_valid, redact
from .errors import CheckerError
from .model import CheckResult, Finding

__all__ = ["MAX_CHARS", "CheckResult", "CheckerError", "Finding", "check", "nhs_valid", "redact"]
