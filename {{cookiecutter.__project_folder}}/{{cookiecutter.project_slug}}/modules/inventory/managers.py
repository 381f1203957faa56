from typing import TYPE_CHECKING

from django.db import models
from django.db.models import F

if TYPE_CHECKING:
    pass


class StockItemQuerySet(models.QuerySet["StockItem"]):
    def in_stock(self) -> "StockItemQuerySet":
        """Items with at least one unit that is on hand and not reserved."""
        return self.filter(quantity_on_hand__gt=F("quantity_reserved"))
