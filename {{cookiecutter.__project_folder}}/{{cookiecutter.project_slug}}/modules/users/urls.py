from django.urls import path

from {{ cookiecutter.project_slug }}.modules.users.views import UserMeApi

app_name = "users"

urlpatterns = [
    path("me/", UserMeApi.as_view(), name="user-me"),
]
