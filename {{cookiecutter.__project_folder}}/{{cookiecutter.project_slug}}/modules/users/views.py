"""One view per action: parse the request, call one service or selector, render the result.

Signing up, logging in and out, passwords and two-factor are allauth's (/_allauth/); these
views are the account's own data, for whoever is logged in.
"""

from typing import cast

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from {{ cookiecutter.project_slug }}.modules.users.models import User
from {{ cookiecutter.project_slug }}.modules.users.serializers import (
    UserOutputSerializer,
    UserUpdateInputSerializer,
)
from {{ cookiecutter.project_slug }}.modules.users.services import user_update


class UserMeApi(APIView):
    @extend_schema(responses=UserOutputSerializer)
    def get(self, request: Request) -> Response:
        return Response(UserOutputSerializer(cast(User, request.user)).data)

    @extend_schema(request=UserUpdateInputSerializer, responses=UserOutputSerializer)
    def patch(self, request: Request) -> Response:
        serializer = UserUpdateInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        user = user_update(user=cast(User, request.user), data=serializer.validated_data)
        return Response(UserOutputSerializer(user).data)
