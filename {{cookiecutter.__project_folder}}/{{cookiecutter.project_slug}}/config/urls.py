from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

# One entry per business module, each under /api/<module>/.
api_urlpatterns: list[URLPattern | URLResolver] = [
{%- if cookiecutter.include_example_modules == "yes" %}
    path("inventory/", include("{{ cookiecutter.project_slug }}.modules.inventory.urls")),
    path("orders/", include("{{ cookiecutter.project_slug }}.modules.orders.urls")),
{% endif -%}
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include(api_urlpatterns)),
]
