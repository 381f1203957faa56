"""Settings shared by every environment; what differs per deployment comes from the environment.

What depends on the choices this project was generated with is in the files beside this one,
each imported below and named where its settings would otherwise be.
"""

import django_stubs_ext

from {{ cookiecutter.project_slug }}.config.settings import environment
from {{ cookiecutter.project_slug }}.config.settings.accounts import *  # noqa: F403
from {{ cookiecutter.project_slug }}.config.settings.database import *  # noqa: F403
from {{ cookiecutter.project_slug }}.config.settings.database import DATABASES
from {{ cookiecutter.project_slug }}.config.settings.events import *  # noqa: F403
from {{ cookiecutter.project_slug }}.config.settings.events_external import *  # noqa: F403
from {{ cookiecutter.project_slug }}.config.settings.modules import *  # noqa: F403
from {{ cookiecutter.project_slug }}.config.settings.modules import LOCAL_APPS
from {{ cookiecutter.project_slug }}.config.settings.tasks import *  # noqa: F403
from {{ cookiecutter.project_slug }}.config.settings.tasks import TASK_QUEUE_APPS
from {{ cookiecutter.project_slug }}.core.observability.logs import logging_config

# Lets classes such as ModelAdmin[Order] be subscripted at run time, as the type stubs allow.
django_stubs_ext.monkeypatch()

# The project folder, what pyproject.toml says of the project, and `env`, which reads the
# environment and the .env file: environment.py, which every settings file reads through.
BASE_DIR = environment.BASE_DIR
PROJECT = environment.PROJECT
env = environment.env

DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS: list[str] = env.list("DJANGO_ALLOWED_HOSTS", default=[])

DJANGO_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
THIRD_PARTY_APPS = [
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    # Accounts: sign-up, log-in, passwords and two-factor, as an API (accounts.py).
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.headless",
    # The task queue's own app, if it has one: tasks.py.
    *TASK_QUEUE_APPS,
]
# LOCAL_APPS, the core apps and then one per business module: modules.py.
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS
# Modules refer to each other's records by public id. A real relation (foreign key,
# one-to-one, many-to-many) into another module is allowed only into the modules listed
# here, by app label: users, whose User is settings.AUTH_USER_MODEL (accounts.py).
# core.modularity.checks enforces it.
MODULE_RELATIONS_ALLOWED_TO = ["users"]

MIDDLEWARE = [
    # First, so that everything after it, and every log line, runs under the request's id.
    "{{ cookiecutter.project_slug }}.core.observability.middleware.RequestIdMiddleware",
    # /health/live/ and /health/ready/, whatever the Host header and the scheme.
    "{{ cookiecutter.project_slug }}.core.health.middleware.HealthProbeMiddleware",
    # Before anything else that answers, so that answers to other origins carry CORS headers.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "{{ cookiecutter.project_slug }}.config.urls"
WSGI_APPLICATION = "{{ cookiecutter.project_slug }}.config.wsgi.application"
ASGI_APPLICATION = "{{ cookiecutter.project_slug }}.config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# DATABASES, for this project's database engine: database.py.
# Transactions are explicit, in services; a request-wide one would hide their boundaries.
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The database is the cache: one moving part fewer. The core app creates the table on migrate.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "django_cache",
    },
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# Where `collectstatic` gathers static files, for whitenoise to serve.
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=BASE_DIR / "staticfiles")

# Outgoing e-mail, sent from tasks, never from a request: an SMTP server.
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": env("DJANGO_EMAIL_HOST", default="localhost"),
            "port": env.int("DJANGO_EMAIL_PORT", default=25),
            "username": env("DJANGO_EMAIL_USER", default=""),
            "password": env("DJANGO_EMAIL_PASSWORD", default=""),
            "use_tls": env.bool("DJANGO_EMAIL_USE_TLS", default=False),
            "timeout": 10,
        },
    },
}
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="noreply@localhost")

REST_FRAMEWORK = {
    # A browser's session (with CSRF), or the X-Session-Token an app got from allauth.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "allauth.headless.contrib.rest_framework.authentication.XSessionTokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
    ],
    "EXCEPTION_HANDLER": "{{ cookiecutter.project_slug }}.core.api.errors.handle_exception",
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}

# The OpenAPI schema (/api/schema/) and its Swagger UI (/api/docs/). `make test` fails on any
# warning of the schema generator: give each view method an @extend_schema.
SPECTACULAR_SETTINGS = {
    "TITLE": {{ cookiecutter.project_name | tojson }},{{ "  # noqa: E501" if (cookiecutter.project_name | tojson | length) > 86 else "" }}
    "DESCRIPTION": (
        f"{PROJECT['description']}\n\nSign up, log in and get a session token through the "
        "accounts API of django-allauth under `/_allauth/`; its own specification is served "
        "at [/_allauth/openapi.html](/_allauth/openapi.html) in development."
    ),
    "VERSION": PROJECT["version"],
    "SERVE_INCLUDE_SCHEMA": False,
    # Separate request and response components, so read-only and write-only fields are exact.
    "COMPONENT_SPLIT_REQUEST": True,
}

# Background tasks: declared and scheduled through core.tasks; the backend's own settings (its
# queue, its broker): tasks.py. A failed task that has retries left is retried after its
# back-off (doubling, with jitter) times this factor.
TASKS_RETRY_BACKOFF_SCALE = env.float("TASKS_RETRY_BACKOFF_SCALE", default=1.0)

# Events between modules: published and handled through core.events. Their delivery
# settings: events.py; the events that also leave the project, and where to:
# events_external.py.

# The readiness probe (/health/ready/) checks each backing service; it gives up on a broker
# after this many seconds.
HEALTH_CHECK_TIMEOUT = env.float("HEALTH_CHECK_TIMEOUT", default=3.0)

# Structured logs (core/observability/logs.py): JSON lines where a machine reads them
# (production's default), readable lines on a console. Every line carries the correlation id
# of its request or task.
LOG_FORMAT = env("DJANGO_LOG_FORMAT", default="console")
LOGGING = logging_config(
    json=LOG_FORMAT == "json",
    level=env("DJANGO_LOG_LEVEL", default="INFO"),
)

# Third-party providers, called from tasks only, through core.integrations: INTEGRATIONS, in
# modules.py beside the modules that call them. Per provider NAME: where it is (NAME_BASE_URL
# in the environment), its credentials, how long a call may take, and its circuit breaker: open
# after FAILURE_THRESHOLD transient failures in a row, try again RESET_TIMEOUT seconds later.
# Credentials come from the environment only.
