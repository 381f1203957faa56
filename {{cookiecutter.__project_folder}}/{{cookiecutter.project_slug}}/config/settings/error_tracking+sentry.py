"""Errors in production, and logged errors, go to Sentry once SENTRY_DSN is set.

Development and tests never report (only production.py imports this file).
"""

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration

from {{ cookiecutter.project_slug }}.config.settings.environment import env

SENTRY_DSN = env("SENTRY_DSN", default="")
if SENTRY_DSN:
    sentry_sdk.init(
        dsn=SENTRY_DSN,
        # Sentry also turns on its integration of each other library it finds installed:
        # Celery's where Celery runs the tasks, Redis's, boto3's...
        integrations=[DjangoIntegration()],
        environment=env("SENTRY_ENVIRONMENT", default="production"),
        release=env("SENTRY_RELEASE", default=None),
        # Performance tracing is off unless sampled: set e.g. 0.1 for a tenth of requests.
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
        # No user ids, cookies or request bodies leave the system unless you decide so.
        send_default_pii=False,
    )
