"""System checks for the module boundaries that import-linter cannot see.

A foreign key written as a string ("inventory.StockItem") imports nothing, yet it couples two
modules as tightly as an import: joins, cascades and migrations across the boundary. So
relations between modules are checked here, on the loaded models, by `manage.py check`.
"""

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig, apps
from django.conf import settings
from django.core.checks import CheckMessage, Error

from {{ cookiecutter.project_slug }}.core.modularity import MODULES_PACKAGE


def module_label(app_config: AppConfig) -> str | None:
    """The label of the business module `app_config` is, or None for any other app."""
    return app_config.label if app_config.name.startswith(f"{MODULES_PACKAGE}.") else None


def cross_module_relations_check(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    """Refuse relations from a module's model to another module's, unless allow-listed."""
    allowed = set(settings.MODULE_RELATIONS_ALLOWED_TO)
    errors: list[CheckMessage] = []
    for app_config in app_configs or apps.get_app_configs():
        source = module_label(app_config)
        if source is None:
            continue
        for model in app_config.get_models():
            for field in [*model._meta.local_fields, *model._meta.local_many_to_many]:
                target_model = field.related_model
                if not field.is_relation or target_model is None or isinstance(target_model, str):
                    continue
                target = module_label(target_model._meta.app_config)
                if target in {None, source} or target in allowed:
                    continue
                errors.append(
                    Error(
                        f"{model._meta.label}.{field.name} is a relation to "
                        f"{target_model._meta.label}, a model of the {target} module.",
                        hint=(
                            f"Store the {target} module's public id instead, or add "
                            f'"{target}" to settings.MODULE_RELATIONS_ALLOWED_TO.'
                        ),
                        obj=field,
                        id="modules.E001",
                    )
                )
    return errors
