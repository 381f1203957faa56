"""Settings shared by every environment; what differs per deployment comes from the environment."""

import tomllib
from pathlib import Path
from typing import Any

import django_stubs_ext
import environ

from {{ cookiecutter.project_slug }}.core.observability.logs import logging_config

# Lets classes such as ModelAdmin[Order] be subscripted at run time, as the type stubs allow.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parents[3]
# Name, version and description, as pyproject.toml declares them.
PROJECT = tomllib.loads((BASE_DIR / "pyproject.toml").read_text(encoding="utf-8"))["project"]

env = environ.Env()
# Variables already set in the environment win over the file.
env.read_env(BASE_DIR / ".env")

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
{%- if cookiecutter.task_queue == "database" %}
    "django_tasks_db",
{%- elif cookiecutter.task_queue.startswith("celery") %}
    "django_celery_results",
{%- endif %}
]
# One entry per business module; each module is a Django app under modules/.
LOCAL_APPS = [
    "{{ cookiecutter.project_slug }}.core",
    "{{ cookiecutter.project_slug }}.core.events",
{%- if cookiecutter.include_example_modules == "yes" %}
    "{{ cookiecutter.project_slug }}.modules.inventory",
    "{{ cookiecutter.project_slug }}.modules.orders",
{%- endif %}
]
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS
# Modules refer to each other's records by public id. A real relation (foreign key,
# one-to-one, many-to-many) into another module is allowed only into the modules listed
# here, by app label: a shared upstream module such as "accounts", say. core.modularity.checks
# enforces it.
MODULE_RELATIONS_ALLOWED_TO: list[str] = []

MIDDLEWARE = [
    # First, so that everything after it, and every log line, runs under the request's id.
    "{{ cookiecutter.project_slug }}.core.observability.middleware.RequestIdMiddleware",
    # /health/live/ and /health/ready/, whatever the Host header and the scheme.
    "{{ cookiecutter.project_slug }}.core.health.middleware.HealthProbeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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
{% if cookiecutter.database == "postgresql" %}
DATABASES = {
    "default": env.db(
        "DATABASE_URL",
        default="postgres://postgres@127.0.0.1:5432/{{ cookiecutter.project_slug }}",
    ),
}
# Keep connections open between requests and tasks (reconnecting per task costs about 8x in
# worker throughput) and check them before reuse, so a restarted server is noticed.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
{%- else %}
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# SQLite that holds up beside a worker process: WAL lets readers run during a write, IMMEDIATE
# takes the write lock when a transaction starts (instead of failing to upgrade a read lock
# with "database is locked"), and the timeout makes writers wait for each other.
DATABASES["default"]["OPTIONS"] = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
{%- endif %}
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
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
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
    "TITLE": {{ cookiecutter.project_name | tojson }},{% if (cookiecutter.project_name | tojson | length) > 86 %}  # noqa: E501{% endif %}
    "DESCRIPTION": PROJECT["description"],
    "VERSION": PROJECT["version"],
    "SERVE_INCLUDE_SCHEMA": False,
    # Separate request and response components, so read-only and write-only fields are exact.
    "COMPONENT_SPLIT_REQUEST": True,
}

# Background tasks: declared and scheduled through core.tasks ({{ cookiecutter.task_queue }} backend).
# A failed task is retried after its back-off (doubling, with jitter) times this factor.
TASKS_RETRY_BACKOFF_SCALE = env.float("TASKS_RETRY_BACKOFF_SCALE", default=1.0)
{%- if cookiecutter.task_queue == "database" %}
# The database is the queue: `manage.py db_worker` runs tasks, `manage.py run_scheduler` enqueues
# periodic ones. Queues: "default", and "low" for bulk work that may wait.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "low"],
    },
}
# A task RUNNING for longer than this is taken to have lost its worker and is run again,
# at most TASKS_MAX_ATTEMPTS times in all; keep it above the slowest task's run time.
TASKS_RUNNING_TIMEOUT = env.int("TASKS_RUNNING_TIMEOUT", default=15 * 60)
TASKS_MAX_ATTEMPTS = env.int("TASKS_MAX_ATTEMPTS", default=5)
{%- elif cookiecutter.task_queue.startswith("celery") %}
# Celery (config/celery.py): `make worker` runs tasks, `make scheduler` runs beat.
{%- if cookiecutter.task_queue == "celery_redis" %}
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="redis://127.0.0.1:6379/0")
# Redis redelivers a task whose worker died only after this many seconds; keep it above the
# slowest task's run time.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
}
{%- else %}
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="amqp://guest:guest@127.0.0.1:5672//")
{%- endif %}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Keep database connections across tasks; config/celery.py closes expired ones around each
# task, as Django does around each request.
CELERY_DB_REUSE_MAX = 1_000_000
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_DEFAULT_QUEUE = "default"
# Acknowledge a task once it has run, and give it back if its worker dies meanwhile.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Results of successful tasks are not kept; failures are, in the database (and the admin).
CELERY_RESULT_BACKEND = "django-db"
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_STORE_ERRORS_EVEN_IF_IGNORED = True
CELERY_RESULT_EXTENDED = True
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=15 * 60)
# Workers log through LOGGING (structured, with each task's correlation id), not Celery's own.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
{%- else %}
# No queue: tasks run in the web process right after the transaction commits, and
# `manage.py run_scheduler` runs periodic ones.
{%- endif %}

# Events between modules ({{ cookiecutter.event_bus }} bus): published and handled through core.events.
{%- if cookiecutter.event_bus != "inprocess" %}
# A handler that keeps failing is retried with back-off (doubling from EVENTS_RETRY_BACKOFF
# seconds), then parked as failed after EVENTS_MAX_ATTEMPTS attempts, until resubmitted with
# `manage.py event_publications --resubmit`. Delivered publications are kept this many days.
EVENTS_MAX_ATTEMPTS = env.int("EVENTS_MAX_ATTEMPTS", default=8)
EVENTS_RETRY_BACKOFF = env.float("EVENTS_RETRY_BACKOFF", default=2.0)
EVENTS_RETENTION_DAYS = env.int("EVENTS_RETENTION_DAYS", default=7)
{%- endif %}
{%- if cookiecutter.event_bus == "redis_streams" %}
# Externalized events are also added to one Redis stream per event name.
EVENTS_REDIS_URL = env("EVENTS_REDIS_URL", default="redis://127.0.0.1:6379/1")
EVENTS_STREAM_PREFIX = env("EVENTS_STREAM_PREFIX", default="{{ cookiecutter.project_slug }}.")
EVENTS_STREAM_MAXLEN = env.int("EVENTS_STREAM_MAXLEN", default=100_000)
{%- elif cookiecutter.event_bus == "eventbridge" %}
# Externalized events are also put on an AWS EventBridge bus (credentials: boto3's usual
# chain; EVENTS_EVENTBRIDGE_ENDPOINT_URL is for local stand-ins such as moto).
EVENTS_AWS_REGION = env("EVENTS_AWS_REGION", default="eu-west-1")
EVENTS_EVENTBRIDGE_BUS = env(
    "EVENTS_EVENTBRIDGE_BUS",
    default="{{ cookiecutter.project_slug }}",
)
EVENTS_EVENTBRIDGE_SOURCE = env(
    "EVENTS_EVENTBRIDGE_SOURCE",
    default="{{ cookiecutter.project_slug }}",
)
EVENTS_EVENTBRIDGE_ENDPOINT_URL = env("EVENTS_EVENTBRIDGE_ENDPOINT_URL", default="")
{%- endif %}
{%- if cookiecutter.task_queue.startswith("celery") or cookiecutter.event_bus == "redis_streams" %}

# The readiness probe (/health/ready/) gives up on a broker after this many seconds.
HEALTH_CHECK_TIMEOUT = env.float("HEALTH_CHECK_TIMEOUT", default=3.0)
{%- endif %}

# Structured logs (core/observability/logs.py): JSON lines where a machine reads them
# (production's default), readable lines on a console. Every line carries the correlation id
# of its request or task.
LOG_FORMAT = env("DJANGO_LOG_FORMAT", default="console")
LOGGING = logging_config(
    json=LOG_FORMAT == "json",
    level=env("DJANGO_LOG_LEVEL", default="INFO"),
)

# Third-party providers, called from tasks only, through core.integrations. Per provider:
# where it is, its credentials, how long a call may take, and its circuit breaker: open after
# FAILURE_THRESHOLD transient failures in a row, try again RESET_TIMEOUT seconds later.
# Credentials come from the environment only.
{%- if cookiecutter.include_example_modules == "yes" %}
INTEGRATIONS: dict[str, dict[str, Any]] = {
    "fulfilment": {
        "BASE_URL": env("FULFILMENT_BASE_URL", default=""),
        "API_KEY": env("FULFILMENT_API_KEY", default=""),
        "CONNECT_TIMEOUT": env.float("FULFILMENT_CONNECT_TIMEOUT", default=3.0),
        "READ_TIMEOUT": env.float("FULFILMENT_READ_TIMEOUT", default=10.0),
        "FAILURE_THRESHOLD": env.int("FULFILMENT_FAILURE_THRESHOLD", default=5),
        "RESET_TIMEOUT": env.float("FULFILMENT_RESET_TIMEOUT", default=60.0),
    },
}
# A fulfilment notification that failed this many times is parked as failed.
FULFILMENT_MAX_ATTEMPTS = env.int("FULFILMENT_MAX_ATTEMPTS", default=10)
{%- else %}
INTEGRATIONS: dict[str, dict[str, Any]] = {}
{%- endif %}
