from typing import Self

from django.db import models
from django.db.models import F


# Generic in the model, so that this file needs no import of models.py (the layer above).
class StockItemQuerySet[ModelT: models.Model](models.QuerySet[ModelT]):
    def in_stock(self) -> Self:
        """Items with at least one unit that is on hand and not reserved."""
        return self.filter(quantity_on_hand__gt=F("quantity_reserved"))
