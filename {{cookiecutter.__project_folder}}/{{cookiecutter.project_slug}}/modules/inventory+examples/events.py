"""Events the inventory module publishes.

None yet: inventory only reacts to other modules. Declare outgoing events here when another
module needs to learn about a change in stock.
"""
