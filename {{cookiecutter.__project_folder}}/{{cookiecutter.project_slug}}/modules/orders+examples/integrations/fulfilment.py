"""The fulfilment provider's HTTP API: it ships what customers order."""

from collections.abc import Sequence
from dataclasses import dataclass

from {{ cookiecutter.project_slug }}.core.integrations import provider_request

PROVIDER = "fulfilment"


@dataclass(frozen=True, kw_only=True)
class FulfilmentLine:
    sku: str
    quantity: int


def fulfilment_order_create(
    *, idempotency_key: str, order_id: str, lines: Sequence[FulfilmentLine]
) -> str:
    """Ask the provider to ship an order; return its reference for the shipment.

    The idempotency key makes a repeated call (a retry after a lost answer) ship once.
    Raises core.integrations' errors: transient, permanent, or circuit open.
    """
    response = provider_request(
        PROVIDER,
        "POST",
        "/orders",
        json={
            "order_id": order_id,
            "lines": [{"sku": line.sku, "quantity": line.quantity} for line in lines],
        },
        headers={"Idempotency-Key": idempotency_key},
    )
    try:
        body = response.json()
    except ValueError:
        return ""
    return str(body.get("reference", "")) if isinstance(body, dict) else ""
