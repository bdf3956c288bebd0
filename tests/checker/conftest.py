"""Pure tests of the ep_checker package: no Django, no database.

Run with: PYTHONPATH=. python -m pytest tests/checker -p no:django -q
(They also pass under pytest-django, which they simply do not use.)
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
