"""Settings for the test suite: fast and self-contained, with the same database engine as base."""

from {{ cookiecutter.project_slug }}.config.settings.base import *  # noqa: F403

SECRET_KEY = "insecure-key-for-tests-only"
DEBUG = False
# Hashing passwords properly is slow on purpose; tests need not pay for it.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
