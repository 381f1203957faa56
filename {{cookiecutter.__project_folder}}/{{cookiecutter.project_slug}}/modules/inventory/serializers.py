"""Shapes of the inventory API's input and output; no business rules live here."""

from rest_framework import serializers


class StockItemOutputSerializer(serializers.Serializer):
    sku = serializers.CharField()
    name = serializers.CharField()
    quantity_on_hand = serializers.IntegerField()
    quantity_reserved = serializers.IntegerField()
    quantity_available = serializers.IntegerField()
    last_movement_at = serializers.DateTimeField(allow_null=True)


class StockItemFilterSerializer(serializers.Serializer):
    in_stock = serializers.BooleanField(required=False, default=False)


class StockItemCreateInputSerializer(serializers.Serializer):
    sku = serializers.CharField(max_length=64)
    name = serializers.CharField(max_length=200)


class StockReceiveInputSerializer(serializers.Serializer):
    quantity = serializers.IntegerField(min_value=1)
    reference = serializers.CharField(max_length=100, required=False, default="")
