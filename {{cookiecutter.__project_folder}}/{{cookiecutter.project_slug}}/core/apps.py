from typing import Any

from django.apps import AppConfig
from django.core import checks
from django.core.management import call_command
from django.db.models.signals import post_migrate
from django.utils.module_loading import autodiscover_modules

from {{ cookiecutter.project_slug }}.core.integrations.checks import integrations_configured_check
from {{ cookiecutter.project_slug }}.core.modularity.checks import cross_module_relations_check
from {{ cookiecutter.project_slug }}.core.observability.logs import structlog_configure


def create_cache_table(*, using: str, **kwargs: Any) -> None:
    """The database cache's table is not a migration; create it wherever migrate runs."""
    call_command("createcachetable", database=using, verbosity=0)


class CoreConfig(AppConfig):
    name = "{{ cookiecutter.project_slug }}.core"
    label = "core"

    def ready(self) -> None:
        structlog_configure()
        post_migrate.connect(create_cache_table, sender=self)
        checks.register(cross_module_relations_check)
        # Only with `check --deploy`: local and test settings may leave a provider unset.
        checks.register(integrations_configured_check, deploy=True)
        # Import every app's tasks.py, so each process knows every task by name.
        autodiscover_modules("tasks")
