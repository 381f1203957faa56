import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.core.testing.assertions import assert_error_response
from {{ cookiecutter.project_slug }}.modules.users.models import User
from {{ cookiecutter.project_slug }}.modules.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ME = reverse("users:user-me")


def test_user_me_returns_the_logged_in_account() -> None:
    user = UserFactory.create(email="ada@example.com", name="Ada")
    UserFactory.create()
    client = APIClient()
    client.force_authenticate(user)

    response = client.get(ME)

    assert response.status_code == 200
    assert response.json() == {
        "public_id": str(user.public_id),
        "email": "ada@example.com",
        "name": "Ada",
        "created_at": user.created_at.isoformat().replace("+00:00", "Z"),
    }


@pytest.mark.parametrize("method", ["get", "patch"])
def test_user_me_refuses_anonymous_callers(api_client: APIClient, method: str) -> None:
    response = getattr(api_client, method)(ME, {"name": "Ada"}, format="json")

    assert_error_response(response, status=403, code="not_authenticated")


def test_user_me_patch_renames_the_account(user_client: APIClient, user: User) -> None:
    response = user_client.patch(ME, {"name": "Ada Lovelace"}, format="json")

    assert response.status_code == 200
    assert response.json()["name"] == "Ada Lovelace"
    user.refresh_from_db()
    assert user.name == "Ada Lovelace"


def test_user_me_patch_changes_nothing_but_the_name(user_client: APIClient, user: User) -> None:
    email = user.email

    response = user_client.patch(
        ME,
        {"name": "Ada", "email": "other@example.com", "is_staff": True, "is_superuser": True},
        format="json",
    )

    assert response.status_code == 200
    user.refresh_from_db()
    assert (user.name, user.email, user.is_staff, user.is_superuser) == (
        "Ada",
        email,
        False,
        False,
    )


def test_user_me_patch_reports_bad_input_as_field_errors(
    user_client: APIClient, user: User
) -> None:
    name = user.name

    response = user_client.patch(ME, {"name": "x" * 151}, format="json")

    body = assert_error_response(response, status=400, code="invalid")
    assert set(body["extra"]["fields"]) == {"name"}
    user.refresh_from_db()
    assert user.name == name


def test_user_me_is_declared_with_both_security_schemes(api_client: APIClient) -> None:
    response = api_client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")

    schema = response.json()
    schemes = schema["components"]["securitySchemes"]
    assert schemes.keys() == {"cookieAuth", "XSessionTokenAuth"}
    assert schemes["cookieAuth"] == {"type": "apiKey", "in": "cookie", "name": "sessionid"}
    # allauth's drf-spectacular extension describes its header.
    token = schemes["XSessionTokenAuth"]
    assert (token["type"], token["in"], token["name"]) == ("apiKey", "header", "X-Session-Token")
    for operation in schema["paths"]["/api/users/me/"].values():
        assert operation["security"] == [{"cookieAuth": []}, {"XSessionTokenAuth": []}]
