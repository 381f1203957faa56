"""The health probes, answered before host validation and the HTTPS redirect."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from {{ cookiecutter.project_slug }}.core.health.views import health_live, health_ready

# Probes are answered here, not through the URL configuration: an orchestrator calls the
# container by its address (not one of ALLOWED_HOSTS) over plain HTTP (no TLS redirect).
HEALTH_PROBES: dict[str, Callable[[HttpRequest], HttpResponse]] = {
    "/health/live/": health_live,
    "/health/ready/": health_ready,
}


class HealthProbeMiddleware:
    """Answer /health/live/ and /health/ready/ before any host or HTTPS check."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        probe = HEALTH_PROBES.get(request.path_info)
        if probe is not None:
            return probe(request)
        return self.get_response(request)
