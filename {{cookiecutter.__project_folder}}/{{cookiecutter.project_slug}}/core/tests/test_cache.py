import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

pytestmark = pytest.mark.django_db(transaction=True)


def test_migrate_creates_the_database_cache_table() -> None:
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE django_cache")

    call_command("migrate", verbosity=0)

    assert "django_cache" in connection.introspection.table_names()


def test_database_cache_round_trip() -> None:
    cache.set("greeting", {"hello": "world"}, timeout=60)

    assert cache.get("greeting") == {"hello": "world"}
