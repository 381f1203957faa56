"""Orders: what customers ask for, from placing an order to cancelling it."""
