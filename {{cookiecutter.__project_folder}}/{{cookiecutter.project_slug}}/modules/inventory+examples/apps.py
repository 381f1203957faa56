from django.apps import AppConfig


class InventoryConfig(AppConfig):
    name = "{{ cookiecutter.project_slug }}.modules.inventory"
    label = "inventory"
