from django.urls import path

from {{ cookiecutter.project_slug }}.modules.orders.views import (
    OrderCancelApi,
    OrderDetailApi,
    OrderListApi,
    OrderPlaceApi,
)

app_name = "orders"

urlpatterns = [
    path("", OrderListApi.as_view(), name="order-list"),
    path("place/", OrderPlaceApi.as_view(), name="order-place"),
    path("<uuid:public_id>/", OrderDetailApi.as_view(), name="order-detail"),
    path("<uuid:public_id>/cancel/", OrderCancelApi.as_view(), name="order-cancel"),
]
