"""Inventory: stock items, what is on hand and what is reserved."""
