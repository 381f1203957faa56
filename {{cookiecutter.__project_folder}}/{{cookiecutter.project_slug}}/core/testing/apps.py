from django.apps import AppConfig


class CoreTestingConfig(AppConfig):
    """Installed by the test settings only: probe tasks that worker tests run for real."""

    name = "{{ cookiecutter.project_slug }}.core.testing"
    label = "core_testing"
