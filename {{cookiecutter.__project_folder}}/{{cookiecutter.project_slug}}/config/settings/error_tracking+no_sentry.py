"""Errors in production are logged (LOGGING), and reported nowhere else."""
