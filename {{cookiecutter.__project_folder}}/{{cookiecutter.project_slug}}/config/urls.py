from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

# One entry per business module, each under /api/<module>/.
api_urlpatterns: list[URLPattern | URLResolver] = [
{%- if cookiecutter.include_example_modules == "yes" %}
    path("inventory/", include("{{ cookiecutter.project_slug }}.modules.inventory.urls")),
    path("orders/", include("{{ cookiecutter.project_slug }}.modules.orders.urls")),
{% endif -%}
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/", include(api_urlpatterns)),
]
