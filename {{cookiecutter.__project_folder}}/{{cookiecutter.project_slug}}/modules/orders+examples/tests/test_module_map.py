from {{ cookiecutter.project_slug }}.core.modularity.module_map import (
    Arrow,
    Module,
    module_map_build,
)


def test_module_map_shows_orders_publishing_to_inventory_and_reading_its_api() -> None:
    """The two example modules as the map sees them (other modules may come and go)."""
    module_map = module_map_build()
    modules = {module.name: module for module in module_map.modules}

    assert modules["inventory"] == Module(
        name="inventory",
        models=("StockItem", "StockMovement"),
        publishes=(),
        handles=("OrderCancelled", "OrderPlaced"),
        api=("stock_items_get_many",),
    )
    assert modules["orders"] == Module(
        name="orders",
        models=("FulfilmentNotification", "Order", "OrderLine"),
        publishes=("OrderCancelled", "OrderPlaced"),
        handles=(),
        api=(),
    )
    assert {
        Arrow(source="orders", label="OrderCancelled", target="inventory"),
        Arrow(source="orders", label="OrderPlaced", target="inventory"),
    } <= set(module_map.events)
    assert Arrow(source="orders", label="stock_items_get_many", target="inventory") in (
        module_map.calls
    )
