"""Shapes of the users API's input and output; no business rules live here.

Input serializers are never given an instance, hence `Serializer[None]`.
"""

from rest_framework import serializers

from {{ cookiecutter.project_slug }}.modules.users.models import User


class UserUpdateInputSerializer(serializers.Serializer[None]):
    name = serializers.CharField(max_length=150, allow_blank=True)


class UserOutputSerializer(serializers.Serializer[User]):
    public_id = serializers.UUIDField()
    email = serializers.EmailField()
    name = serializers.CharField()
    created_at = serializers.DateTimeField()
