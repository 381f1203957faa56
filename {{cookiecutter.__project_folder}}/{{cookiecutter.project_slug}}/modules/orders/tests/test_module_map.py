from {{ cookiecutter.project_slug }}.core.module_map import (
    Arrow,
    Module,
    ModuleMap,
    module_map_build,
)


def test_module_map_shows_orders_publishing_to_inventory_and_reading_its_api() -> None:
    assert module_map_build() == ModuleMap(
        modules=(
            Module(
                name="inventory",
                models=("StockItem", "StockMovement"),
                publishes=(),
                handles=("OrderCancelled", "OrderPlaced"),
                api=("stock_items_get_many",),
            ),
            Module(
                name="orders",
                models=("Order", "OrderLine"),
                publishes=("OrderCancelled", "OrderPlaced"),
                handles=(),
                api=(),
            ),
        ),
        events=(
            Arrow(source="orders", label="OrderCancelled", target="inventory"),
            Arrow(source="orders", label="OrderPlaced", target="inventory"),
        ),
        calls=(Arrow(source="orders", label="stock_items_get_many", target="inventory"),),
    )
