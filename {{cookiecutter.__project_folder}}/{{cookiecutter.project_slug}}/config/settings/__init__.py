"""Settings per environment: base holds what they share, local/test/production override a few.

base.py composes the files beside it, one per choice this project was generated with (its
database, task queue, event bus...): each says at its top what it configures.
"""
