import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User


# Typed as Django's own User, the project's user model until AUTH_USER_MODEL names another.
class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda number: f"user{number}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    is_staff = False
    # Hashed like a real password; `UserFactory.create(password="...")` hashes the one given.
    password = factory.django.Password("correct horse battery staple")
