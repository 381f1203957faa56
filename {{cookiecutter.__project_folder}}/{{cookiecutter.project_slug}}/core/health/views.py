"""The health probes' HTTP side: plain Django views, outside the API's authentication.

core.health.middleware.HealthProbeMiddleware serves them, ahead of host validation.
"""

from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from {{ cookiecutter.project_slug }}.core.health.checks import CheckResult, readiness


@never_cache
@require_GET
def health_live(request: HttpRequest) -> JsonResponse:
    """The process is up and serving requests; touches no database, cache or broker."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def health_ready(request: HttpRequest) -> JsonResponse:
    """Every backing service answers: 200 with each check, or 503 naming those that failed."""
    results = readiness()
    failing = [result.name for result in results if not result.ok]
    body = {
        "status": "failing" if failing else "ok",
        "failing": failing,
        "checks": {result.name: _check_report(result) for result in results},
    }
    return JsonResponse(body, status=503 if failing else 200)


def _check_report(result: CheckResult) -> dict[str, object]:
    report: dict[str, object] = {"ok": result.ok, "duration_ms": result.duration_ms}
    if result.error:
        report["error"] = result.error
    return report
