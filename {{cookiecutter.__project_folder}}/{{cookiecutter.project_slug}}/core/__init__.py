"""The shared kernel: small, stable, and unaware of the business modules."""
