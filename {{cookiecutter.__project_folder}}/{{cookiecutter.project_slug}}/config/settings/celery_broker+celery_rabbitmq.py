"""Celery's broker: RabbitMQ."""

from {{ cookiecutter.project_slug }}.config.settings.environment import env

CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="amqp://guest:guest@127.0.0.1:5672//")
