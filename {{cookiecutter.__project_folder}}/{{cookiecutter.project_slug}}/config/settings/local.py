"""Settings for a developer's machine: debug on, secrets from the .env file."""

from {{ cookiecutter.project_slug }}.config.settings.base import *  # noqa: F403
from {{ cookiecutter.project_slug }}.config.settings.base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env("DJANGO_SECRET_KEY")
# E-mail is printed to the console instead of being sent.
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
# allauth's own specification of the accounts API, at /_allauth/openapi.html.
HEADLESS_SERVE_SPECIFICATION = True
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])

REST_FRAMEWORK["DEFAULT_RENDERER_CLASSES"] = [  # noqa: F405
    "rest_framework.renderers.JSONRenderer",
    "rest_framework.renderers.BrowsableAPIRenderer",
]
