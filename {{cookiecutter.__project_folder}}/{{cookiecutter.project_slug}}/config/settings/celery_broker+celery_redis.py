"""Celery's broker: Redis."""

from {{ cookiecutter.project_slug }}.config.settings.environment import env

CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="redis://127.0.0.1:6379/0")
# Redis redelivers a task whose worker died only after this many seconds; keep it above the
# slowest task's run time.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
}
