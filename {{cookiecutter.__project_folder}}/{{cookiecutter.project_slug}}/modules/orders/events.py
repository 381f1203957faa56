"""Events the orders module publishes.

None yet: the orders and inventory modules are still independent of each other. When other
modules must react to orders (inventory reserving stock for a placed order, say), the events
are declared here and published from the services after commit.
"""
