"""Background tasks on Celery (config/celery.py): `make worker` runs them, `make scheduler` beat.

The broker's own settings: celery_broker.py.
"""

from {{ cookiecutter.project_slug }}.config.settings.celery_broker import *  # noqa: F403
from {{ cookiecutter.project_slug }}.config.settings.environment import env

# Installed after Django's own apps (base.py): where failed tasks are kept.
TASK_QUEUE_APPS = ["django_celery_results"]

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
