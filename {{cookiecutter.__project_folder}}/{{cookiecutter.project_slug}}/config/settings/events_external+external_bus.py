"""Events that also leave the project: the outbox's relay puts them on the external bus.

Which bus, and where it is: external_bus.py.
"""

from {{ cookiecutter.project_slug }}.config.settings.environment import env
from {{ cookiecutter.project_slug }}.config.settings.external_bus import *  # noqa: F403

# The names of the events that also go to the external bus (comma-separated in the
# environment); every other event stays inside the project.
EVENTS_EXTERNALIZED: list[str] = env.list(
    "EVENTS_EXTERNALIZED",
    # By default, the example modules' order events (if the project was generated with them).
    default={{ (["orders.order_placed", "orders.order_cancelled"] if cookiecutter.include_example_modules == "yes" else []) | tojson }},
)
