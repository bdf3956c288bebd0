"""Settings for e-Professional, all read from the environment.

One file, safe production defaults, loud errors on bad values. See docs/configuration.md.
Environment variables (all optional unless stated):

- ``EP_DEBUG``            true/false, default false.
- ``SECRET_KEY``          required when EP_DEBUG is false (or ``SECRET_KEY_FILE`` naming a file).
- ``ALLOWED_HOSTS``       comma separated, default ``127.0.0.1,localhost``.
- ``DATABASE_URL``        ``sqlite:///ABSOLUTE/PATH`` or ``postgres://USER@HOST/NAME``;
                          default: ``var/eprofessional.sqlite3`` inside the project.
- ``EP_HTTPS``            true/false, default true: secure cookies, HSTS and HTTPS redirect.
                          ``eprofessional serve`` sets it to false because it serves plain HTTP on loopback.
- ``EMAIL_URL``-style settings: ``EMAIL_HOST`` (if set, SMTP is used; otherwise emails print to the console),
  ``EMAIL_PORT``, ``EMAIL_HOST_USER``, ``EMAIL_HOST_PASSWORD``, ``EMAIL_USE_TLS``, ``DEFAULT_FROM_EMAIL``.
- ``EP_LOGIN_ATTEMPTS``   failed sign-ins allowed per account+address in 15 minutes, default 5.
- ``EP_LOGIN_LOCKOUT_SECONDS``  how long those failures count (and lock sign-in), default 900.
- ``EP_RATE_*``           rate limits as REQUESTS/SECONDS or ``off`` (docs/configuration.md).
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("EP_VAR_DIR", BASE_DIR / "var"))
CONTENT_DIR = Path(os.environ.get("EP_CONTENT_DIR", BASE_DIR / "content"))

_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {value}")
    return value


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_secret(name: str) -> str | None:
    value = os.environ.get(name)
    if value:
        return value
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        try:
            return Path(file_name).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"{name}_FILE names {file_name!r}, which cannot be read: {exc}") from exc
    return None


DEBUG = env_bool("EP_DEBUG", False)
TESTING = env_bool("EP_TESTING", False)

SECRET_KEY = env_secret("SECRET_KEY") or ""
if not SECRET_KEY:
    if DEBUG or TESTING:
        SECRET_KEY = "insecure-development-key-never-use-in-production"  # noqa: S105
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY (or SECRET_KEY_FILE) must be set when EP_DEBUG is false. "
            "`eprofessional serve` creates one for local use in var/secret_key."
        )
elif len(SECRET_KEY) < 32 and not (DEBUG or TESTING):
    raise ImproperlyConfigured("SECRET_KEY must be at least 32 characters long")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name at least one host")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "template_partials",
    "ninja",
    "eprofessional.accounts",
    "eprofessional.core",
    "eprofessional.policy",
    "eprofessional.guidance",
    "eprofessional.community",
    "django_tasks",
    "django_tasks_db",
    "eprofessional.checks",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "eprofessional.core.middleware.ContentSecurityPolicyMiddleware",
    "eprofessional.core.middleware.NoStoreForPrivatePagesMiddleware",
]

ROOT_URLCONF = "eprofessional.urls"
FORM_RENDERER = "eprofessional.core.formrenderer.FormRenderer"  # templates/forms/, docs/forms.md
WSGI_APPLICATION = "eprofessional.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "eprofessional" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "eprofessional.core.context_processors.site",
                "eprofessional.community.context_processors.community",
            ],
        },
    },
]

_default_db = f"sqlite:///{VAR_DIR / 'eprofessional.sqlite3'}"
_database_url = os.environ.get("DATABASE_URL", "").strip() or _default_db
try:
    DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=60)}
except Exception as exc:  # dj_database_url raises several types for a bad URL
    raise ImproperlyConfigured(f"DATABASE_URL is not a database URL this platform understands: {exc}") from exc
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
    )
elif DATABASES["default"]["ENGINE"] not in {"django.db.backends.postgresql"}:
    raise ImproperlyConfigured("DATABASE_URL must name SQLite or PostgreSQL")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:profile"
LOGOUT_REDIRECT_URL = "core:home"
# Sign in with a username or an email address.
AUTHENTICATION_BACKENDS = ["eprofessional.accounts.backends.UsernameOrEmailBackend"]

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if TESTING:
    # Argon2 is deliberately slow; tests of hashing itself override this.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_ATTEMPTS = env_int("EP_LOGIN_ATTEMPTS", 5, minimum=1)
LOGIN_LOCKOUT_SECONDS = env_int("EP_LOGIN_LOCKOUT_SECONDS", 15 * 60, minimum=1)


def env_rate(name: str, default: str) -> tuple[int, int] | None:
    """A rate limit written ``REQUESTS/SECONDS`` (``30/60``: 30 requests a minute), or ``off``."""
    raw = os.environ.get(name, default).strip().lower()
    if raw in {"off", "none", "0"}:
        return None
    count, _, seconds = raw.partition("/")
    try:
        rate = (int(count), int(seconds))
    except ValueError:
        raise ImproperlyConfigured(f"{name} must look like 30/60 (requests/seconds) or off, not {raw!r}") from None
    if rate[0] < 1 or rate[1] < 1:
        raise ImproperlyConfigured(f"{name} needs at least 1 request in at least 1 second, not {raw!r}")
    return rate


# Rate limits (eprofessional/core/ratelimit.py): scope -> (requests, seconds) per member or per client address.
RATE_LIMITS: dict[str, tuple[int, int] | None] = {
    "check": env_rate("EP_RATE_CHECK", "60/60"),  # POST /check/ and POST /api/check together
    "photo": env_rate("EP_RATE_PHOTO", "30/600"),  # photo checks and clean copies
    "archive": env_rate("EP_RATE_ARCHIVE", "10/3600"),  # archive uploads
    "sign-up": env_rate("EP_RATE_SIGN_UP", "10/3600"),  # per client address
    "password-reset": env_rate("EP_RATE_PASSWORD_RESET", "10/3600"),  # per client address
    "password-reset-email": env_rate("EP_RATE_PASSWORD_RESET_EMAIL", "3/3600"),  # per email address typed
}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "ep_cache",
    }
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns about a missing root
STATICFILES_DIRS = [BASE_DIR / "eprofessional" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Uploads: the checker reads photos and archives in memory or a temporary file and never keeps them.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Security. EP_HTTPS=false only for plain-HTTP loopback serving (eprofessional serve) and tests.
HTTPS = env_bool("EP_HTTPS", not (DEBUG or TESTING))
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False
SECURE_SSL_REDIRECT = HTTPS and env_bool("EP_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("EP_BEHIND_PROXY", False) else None
SECURE_HSTS_SECONDS = env_int("EP_HSTS_SECONDS", 31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# No inline script anywhere: every script is a static file from this origin.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'self'; object-src 'none'"
)

if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env_secret("EMAIL_HOST_PASSWORD") or ""
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "e-Professional <no-reply@eprofessional.invalid>")
SITE_NAME = "e-Professional"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # Request bodies are never logged; the checker's drafts must not reach any log.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        # Pillow's debug output quotes photo metadata (names, serials, GPS): never let it through.
        "PIL": {"level": "WARNING"},
    },
}

NINJA_PAGINATION_PER_PAGE = 50

# Background jobs (the archive audit): Django's tasks interface through the django-tasks backport.
# The database backend needs no extra server; `eprofessional serve` also runs its worker (db_worker).
# Tests run jobs immediately in the enqueuing thread.
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if TESTING
        else "django_tasks_db.DatabaseBackend",
    }
}
