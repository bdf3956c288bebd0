"""``python -m ep_checker check ...`` / ``python -m ep_checker audit-archive ...``."""

import sys

from .cli import main

sys.exit(main())
