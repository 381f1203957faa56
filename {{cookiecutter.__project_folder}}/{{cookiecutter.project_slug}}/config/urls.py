from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
{%- if cookiecutter.include_example_modules == "yes" %}
    path("api/inventory/", include("{{ cookiecutter.project_slug }}.modules.inventory.urls")),
    path("api/orders/", include("{{ cookiecutter.project_slug }}.modules.orders.urls")),
{%- endif %}
]
