"""Background tasks on the database: django.tasks with django-tasks-db; no broker."""

from {{ cookiecutter.project_slug }}.config.settings.environment import env

# Installed after Django's own apps (base.py): the tables of the queue.
TASK_QUEUE_APPS = ["django_tasks_db"]

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
