"""Liveness and readiness probes, and the checks readiness runs."""
