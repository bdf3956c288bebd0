"""Settings for the test suite: the real settings with EP_TESTING on (fast hashing, plain HTTP)."""

import os

os.environ.setdefault("EP_TESTING", "true")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

from eprofessional.settings import *  # noqa: F403

# Rate limits high enough that no test meets one by accident; tests of the limits set small ones.
RATE_LIMITS = {scope: (100_000, 60) for scope in RATE_LIMITS}  # noqa: F405
