"""What other modules may read from orders: types and functions, never models.

Other modules' services import this file, and no other file of orders. Inventory's services
type the lines of an OrderPlaced event with OrderPlacedLine, declared beside the event.
"""

from {{ cookiecutter.project_slug }}.modules.orders.events import OrderPlacedLine

__all__ = ["OrderPlacedLine"]
