"""pytest fixtures of users and their API clients, for every module's tests.

Registered in the project's conftest.py, beside core.testing.fixtures.
"""

import pytest
from rest_framework.test import APIClient

from {{ cookiecutter.project_slug }}.modules.users.models import User
from {{ cookiecutter.project_slug }}.modules.users.tests.factories import UserFactory


@pytest.fixture
def user(db: None) -> User:
    return UserFactory.create()


@pytest.fixture
def staff_user(db: None) -> User:
    return UserFactory.create(is_staff=True)


@pytest.fixture
def user_client(user: User) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def staff_client(staff_user: User) -> APIClient:
    client = APIClient()
    client.force_authenticate(staff_user)
    return client
