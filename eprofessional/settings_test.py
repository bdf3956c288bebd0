"""Settings for the test suite: the real settings with EP_TESTING on (fast hashing, plain HTTP)."""

import os

os.environ.setdefault("EP_TESTING", "true")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

from eprofessional.settings import *  # noqa: F403
