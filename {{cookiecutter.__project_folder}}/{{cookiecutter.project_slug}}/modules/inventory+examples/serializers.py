"""Shapes of the inventory API's input and output; no business rules live here.

Input serializers are never given an instance, hence `Serializer[None]`.
"""

from rest_framework import serializers

from {{ cookiecutter.project_slug }}.modules.inventory.selectors import StockItemWithLastMovement


class StockItemOutputSerializer(serializers.Serializer[StockItemWithLastMovement]):
    sku = serializers.CharField()
    name = serializers.CharField()
    quantity_on_hand = serializers.IntegerField()
    quantity_reserved = serializers.IntegerField()
    quantity_available = serializers.IntegerField()
    last_movement_at = serializers.DateTimeField(allow_null=True)


class StockItemFilterSerializer(serializers.Serializer[None]):
    in_stock = serializers.BooleanField(required=False, default=False)


class StockItemCreateInputSerializer(serializers.Serializer[None]):
    sku = serializers.CharField(max_length=64)
    name = serializers.CharField(max_length=200)


class StockReceiveInputSerializer(serializers.Serializer[None]):
    quantity = serializers.IntegerField(min_value=1)
    reference = serializers.CharField(max_length=100, required=False, default="")
