"""The project's own apps, its business modules among them, and the providers they call.

`manage.py startmodule` adds each new module to LOCAL_APPS here (and its API to
config/urls.py). How a provider is described: INTEGRATIONS in base.py.
"""

from typing import Any

from {{ cookiecutter.project_slug }}.config.settings.environment import env

# One entry per business module; each module is a Django app under modules/.
LOCAL_APPS = [
    "{{ cookiecutter.project_slug }}.core",
    "{{ cookiecutter.project_slug }}.core.events",
    # The project's user model and accounts: in every project, examples or not.
    "{{ cookiecutter.project_slug }}.modules.users",
    "{{ cookiecutter.project_slug }}.modules.inventory",
    "{{ cookiecutter.project_slug }}.modules.orders",
]

INTEGRATIONS: dict[str, dict[str, Any]] = {
    "fulfilment": {
        "BASE_URL": env("FULFILMENT_BASE_URL", default=""),
        "API_KEY": env("FULFILMENT_API_KEY", default=""),
        "CONNECT_TIMEOUT": env.float("FULFILMENT_CONNECT_TIMEOUT", default=3.0),
        "READ_TIMEOUT": env.float("FULFILMENT_READ_TIMEOUT", default=10.0),
        "FAILURE_THRESHOLD": env.int("FULFILMENT_FAILURE_THRESHOLD", default=5),
        "RESET_TIMEOUT": env.float("FULFILMENT_RESET_TIMEOUT", default=60.0),
    },
}
# A fulfilment notification that failed this many times is parked as failed.
FULFILMENT_MAX_ATTEMPTS = env.int("FULFILMENT_MAX_ATTEMPTS", default=10)
