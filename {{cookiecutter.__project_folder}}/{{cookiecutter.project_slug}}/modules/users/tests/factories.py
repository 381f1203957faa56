import factory

from {{ cookiecutter.project_slug }}.modules.users.models import User


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User

    email = factory.Sequence(lambda number: f"user{number}@example.com")
    name = factory.Sequence(lambda number: f"User {number}")
    is_staff = False
    # Hashed like a real password; `UserFactory.create(password="...")` hashes the one given.
    password = factory.django.Password("correct horse battery staple")
