"""Settings per environment: base holds everything, local/test/production override a few values."""
