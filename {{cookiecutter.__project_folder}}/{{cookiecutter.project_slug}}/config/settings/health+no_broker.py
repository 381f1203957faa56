"""The readiness probe (/health/ready/) checks the database and the cache: there is no broker."""
