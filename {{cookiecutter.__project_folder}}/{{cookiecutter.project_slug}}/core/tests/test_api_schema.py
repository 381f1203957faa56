"""The OpenAPI schema: served, valid, and generated without a single warning."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import path
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.management.commands.spectacular import SchemaGenerationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.test import APIClient
from rest_framework.views import APIView


class UndocumentedApi(APIView):
    """A view the generator cannot describe: no serializer, no @extend_schema."""

    def get(self, request: Request) -> Response:
        return Response({})


# A URL configuration of one undocumented view, for the test that the gate can fail.
urlpatterns = [path("undocumented/", UndocumentedApi.as_view())]


@pytest.fixture(autouse=True)
def generator_warnings_cleared() -> Iterator[None]:
    # The generator counts warnings process-wide; each test starts from none.
    GENERATOR_STATS.reset()
    yield
    GENERATOR_STATS.reset()


def schema_generate(*, output: Path, urlconf: str | None = None) -> None:
    arguments = ["--validate", "--fail-on-warn", "--file", str(output)]
    if urlconf is not None:
        arguments += ["--urlconf", urlconf]
    call_command("spectacular", *arguments)


def test_api_schema_generates_without_warnings(tmp_path: Path) -> None:
    schema_generate(output=tmp_path / "schema.yaml")

    assert "openapi: 3" in (tmp_path / "schema.yaml").read_text(encoding="utf-8")


def test_api_schema_generation_fails_on_an_undocumented_view(tmp_path: Path) -> None:
    with pytest.raises(SchemaGenerationError):
        schema_generate(output=tmp_path / "schema.yaml", urlconf=__name__)


@pytest.mark.django_db
def test_api_schema_is_served_with_the_project_title_and_version(api_client: APIClient) -> None:
    response = api_client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")

    assert response.status_code == 200
    info = response.json()["info"]
    # As pyproject.toml and the project's name say.
    assert info["title"] == settings.SPECTACULAR_SETTINGS["TITLE"]
    assert info["version"] == settings.PROJECT["version"]


@pytest.mark.django_db
def test_api_docs_page_is_served(api_client: APIClient) -> None:
    response = api_client.get("/api/docs/")

    assert response.status_code == 200
    assert b"swagger-ui" in response.content
