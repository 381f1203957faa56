import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from {{ cookiecutter.project_slug }}.modules.users.models import User
from {{ cookiecutter.project_slug }}.modules.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ADD = reverse("admin:users_user_add")
CHANGELIST = reverse("admin:users_user_changelist")


def change_url(user: User) -> str:
    return reverse("admin:users_user_change", args=[user.pk])


def change_form(user: User, **values: object) -> dict[str, object]:
    """What the change page posts for `user` as it is, with `values` typed over it."""
    form: dict[str, object] = {
        "email": user.email,
        "name": user.name,
        "groups": [],
        "user_permissions": [],
    }
    if user.is_staff:
        form["is_staff"] = "on"
    form.update(values)
    return form


def test_user_admin_pages_render(admin_client: Client) -> None:
    user = UserFactory.create(email="ada@example.com")

    assert admin_client.get(ADD).status_code == 200
    assert admin_client.get(change_url(user)).status_code == 200
    listing = admin_client.get(CHANGELIST, {"q": "ada@"})
    assert listing.status_code == 200
    assert list(listing.context["cl"].result_list) == [user]


def test_user_admin_add_creates_the_account_through_the_service(admin_client: Client) -> None:
    response = admin_client.post(ADD, {"email": "Ada@Example.COM", "name": "Ada", "is_staff": "on"})

    assert response.status_code == 302
    # Lower-cased: the form alone keeps the spelling; user_create normalises it.
    user = User.objects.get(name="Ada")
    assert (user.email, user.is_staff, user.is_superuser) == ("ada@example.com", True, False)
    assert not user.has_usable_password()


def test_user_admin_add_reports_an_email_taken_in_other_letter_case(
    admin_client: Client,
) -> None:
    UserFactory.create(email="ada@example.com")

    response = admin_client.post(ADD, {"email": "ADA@example.com", "name": "Ada"})

    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    assert not User.objects.filter(name="Ada").exists()


def test_user_admin_change_updates_the_account_through_the_service(
    admin_client: Client,
) -> None:
    user = UserFactory.create(email="ada@example.com", name="Ada")
    group = Group.objects.create(name="Support")

    response = admin_client.post(
        change_url(user),
        change_form(
            user,
            email="Countess@Example.com",
            name="Ada Lovelace",
            is_staff="on",
            groups=[group.pk],
            # Read-only on the page: a forged value is ignored.
            is_superuser="on",
        ),
    )

    assert response.status_code == 302
    user.refresh_from_db()
    # Lower-cased: user_update normalises the address.
    assert (user.email, user.name, user.is_staff, user.is_superuser) == (
        "countess@example.com",
        "Ada Lovelace",
        True,
        False,
    )
    assert list(user.groups.all()) == [group]


def test_user_admin_change_reports_an_email_taken_in_other_letter_case(
    admin_client: Client,
) -> None:
    UserFactory.create(email="grace@example.com")
    user = UserFactory.create(email="ada@example.com")

    response = admin_client.post(change_url(user), change_form(user, email="Grace@Example.com"))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    user.refresh_from_db()
    assert user.email == "ada@example.com"


def test_user_admin_deactivate_action_deactivates_through_the_service(
    admin_client: Client,
) -> None:
    leaving, staying = UserFactory.create_batch(2)

    response = admin_client.post(
        CHANGELIST,
        {"action": "deactivate_users", "_selected_action": [leaving.pk]},
        follow=True,
    )

    assert response.status_code == 200
    leaving.refresh_from_db()
    staying.refresh_from_db()
    assert (leaving.is_active, staying.is_active) == (False, True)
    assert "Deactivated 1 user(s)." in [str(message) for message in response.context["messages"]]


def test_user_admin_offers_no_way_to_delete_an_account(admin_client: Client) -> None:
    user = UserFactory.create()

    page = admin_client.get(change_url(user)).content.decode()
    actions = admin_client.get(CHANGELIST).context["action_form"].fields["action"].choices

    assert reverse("admin:users_user_delete", args=[user.pk]) not in page
    assert [name for name, _ in actions if name] == ["deactivate_users"]
