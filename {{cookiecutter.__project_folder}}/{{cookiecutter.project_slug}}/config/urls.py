from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

# One entry per business module, each under /api/<module>/.
api_urlpatterns: list[URLPattern | URLResolver] = [
    path("users/", include("{{ cookiecutter.project_slug }}.modules.users.urls")),
{%- if cookiecutter.include_example_modules == "yes" %}
    path("inventory/", include("{{ cookiecutter.project_slug }}.modules.inventory.urls")),
    path("orders/", include("{{ cookiecutter.project_slug }}.modules.orders.urls")),
{%- endif %}
]

urlpatterns = [
    path("admin/", admin.site.urls),
    # Accounts, by django-allauth: /_allauth/browser/v1/... and /_allauth/app/v1/...
    path("_allauth/", include("allauth.headless.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("api/", include(api_urlpatterns)),
]
