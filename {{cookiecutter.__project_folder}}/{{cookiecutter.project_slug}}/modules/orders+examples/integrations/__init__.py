"""Clients of the third-party providers this module deals with; called by its services only."""
