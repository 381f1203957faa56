from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q

from {{ cookiecutter.project_slug }}.core.models import BaseModel
from {{ cookiecutter.project_slug }}.modules.inventory.choices import StockMovementKind
from {{ cookiecutter.project_slug }}.modules.inventory.managers import StockItemQuerySet

sku_validator = RegexValidator(
    r"^[A-Z0-9][A-Z0-9-]{0,63}$",
    "A SKU is upper-case letters, digits and dashes, starting with a letter or digit.",
)


class StockItem(BaseModel):
    # The SKU is the item's identity for other modules: they store it, never a foreign key.
    sku = models.CharField(max_length=64, unique=True, validators=[sku_validator])
    name = models.CharField(max_length=200)
    quantity_on_hand = models.PositiveIntegerField(default=0)
    quantity_reserved = models.PositiveIntegerField(default=0)

    objects = StockItemQuerySet.as_manager()

    class Meta:
        ordering = ["sku"]
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity_reserved__lte=F("quantity_on_hand")),
                name="inventory_stockitem_reserved_within_on_hand",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sku} ({self.name})"

    @property
    def quantity_available(self) -> int:
        return self.quantity_on_hand - self.quantity_reserved


class StockMovement(models.Model):
    """One change to an item's stock, kept as the audit trail behind its quantities."""

    item = models.ForeignKey(StockItem, on_delete=models.CASCADE, related_name="movements")
    kind = models.CharField(max_length=16, choices=StockMovementKind.choices)
    quantity = models.PositiveIntegerField()
    reference = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gte=1), name="inventory_stockmovement_quantity_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.quantity} x {self.item_id}"
