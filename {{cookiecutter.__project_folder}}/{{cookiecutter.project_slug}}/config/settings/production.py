"""Settings for deployments: everything secret or host-specific must come from the environment.

`manage.py check --deploy --fail-level WARNING` passes with these settings (a test runs it);
docs of every variable: .env.example. Where errors are reported: error_tracking.py.
"""

from {{ cookiecutter.project_slug }}.config.settings.base import *  # noqa: F403
from {{ cookiecutter.project_slug }}.config.settings.base import MIDDLEWARE, env
from {{ cookiecutter.project_slug }}.config.settings.error_tracking import *  # noqa: F403
from {{ cookiecutter.project_slug }}.core.observability.logs import logging_config

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")

# HTTPS only. Behind a proxy or load balancer that terminates TLS, Django learns that the
# request came over HTTPS from the proxy's X-Forwarded-Proto header: trust it only when the
# proxy sets it (and strips it from clients), which DJANGO_BEHIND_TLS_PROXY says.
if env.bool("DJANGO_BEHIND_TLS_PROXY", default=True):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=False)
if not SECURE_HSTS_PRELOAD:
    # Preloading is a commitment that is slow to undo (hstspreload.org): opt in explicitly.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True

# Static files: fingerprinted names and pre-compressed copies, made by `collectstatic` and
# served by whitenoise with far-future cache headers, right after the security middleware.
# (runserver serves them in development.)
_security = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1
MIDDLEWARE = [
    *MIDDLEWARE[:_security],
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[_security:],
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# One JSON object a line, for the log collector; DJANGO_LOG_FORMAT=console to read them by eye.
LOGGING = logging_config(
    json=env("DJANGO_LOG_FORMAT", default="json") == "json",
    level=env("DJANGO_LOG_LEVEL", default="INFO"),
)
