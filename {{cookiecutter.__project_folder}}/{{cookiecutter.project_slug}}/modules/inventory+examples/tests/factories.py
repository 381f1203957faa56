import factory

from {{ cookiecutter.project_slug }}.modules.inventory.models import StockItem


class StockItemFactory(factory.django.DjangoModelFactory[StockItem]):
    class Meta:
        model = StockItem

    sku = factory.Sequence(lambda number: f"SKU-{number:05d}")
    name = factory.Faker("word")
    quantity_on_hand = 0
    quantity_reserved = 0
