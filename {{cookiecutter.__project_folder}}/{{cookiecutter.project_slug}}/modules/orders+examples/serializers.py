"""Shapes of the orders API's input and output; no business rules live here.

Input serializers are never given an instance, hence `Serializer[None]`.
"""

from rest_framework import serializers

from {{ cookiecutter.project_slug }}.modules.orders.models import OrderLine
from {{ cookiecutter.project_slug }}.modules.orders.selectors import OrderWithTotal


class OrderLineInputSerializer(serializers.Serializer[None]):
    sku = serializers.CharField(max_length=64)
    quantity = serializers.IntegerField(min_value=1)
    unit_price = serializers.DecimalField(max_digits=10, decimal_places=2, min_value=0)


class OrderPlaceInputSerializer(serializers.Serializer[None]):
    # An empty list is the service's business rule to refuse, with its own error code.
    lines = OrderLineInputSerializer(many=True)


class OrderLineOutputSerializer(serializers.Serializer[OrderLine]):
    sku = serializers.CharField()
    quantity = serializers.IntegerField()
    unit_price = serializers.DecimalField(max_digits=10, decimal_places=2)


class OrderOutputSerializer(serializers.Serializer[OrderWithTotal]):
    public_id = serializers.UUIDField()
    status = serializers.CharField()
    total = serializers.DecimalField(max_digits=12, decimal_places=2)
    lines = OrderLineOutputSerializer(many=True)
    created_at = serializers.DateTimeField()
    cancelled_at = serializers.DateTimeField(allow_null=True)
