"""The readiness probe (/health/ready/) also checks the broker this project runs on."""

from {{ cookiecutter.project_slug }}.config.settings.environment import env

# It gives up on a broker after this many seconds.
HEALTH_CHECK_TIMEOUT = env.float("HEALTH_CHECK_TIMEOUT", default=3.0)
