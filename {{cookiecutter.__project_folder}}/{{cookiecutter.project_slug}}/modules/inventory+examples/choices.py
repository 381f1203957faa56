from django.db import models


class StockMovementKind(models.TextChoices):
    RECEIVED = "received", "Received"
    RESERVED = "reserved", "Reserved"
    RELEASED = "released", "Released"
