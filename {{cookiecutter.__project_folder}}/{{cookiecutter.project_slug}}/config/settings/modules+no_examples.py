"""The project's own apps, its business modules among them, and the providers they call.

`manage.py startmodule` adds each new module to LOCAL_APPS here (and its API to
config/urls.py). How a provider is described: INTEGRATIONS in base.py.
"""

from typing import Any

# One entry per business module; each module is a Django app under modules/.
LOCAL_APPS = [
    "{{ cookiecutter.project_slug }}.core",
    "{{ cookiecutter.project_slug }}.core.events",
    # The project's user model and accounts: in every project, examples or not.
    "{{ cookiecutter.project_slug }}.modules.users",
]

INTEGRATIONS: dict[str, dict[str, Any]] = {}
