from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction


@contextmanager
def rolled_back() -> Iterator[None]:
    """Run the block in a transaction that is rolled back when the block ends."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)
