from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class CoreEventsConfig(AppConfig):
    name = "{{ cookiecutter.project_slug }}.core.events"
    label = "core_events"
    verbose_name = "Events"

    def ready(self) -> None:
        # Import every app's handlers.py, so each process knows every subscriber.
        autodiscover_modules("handlers")
