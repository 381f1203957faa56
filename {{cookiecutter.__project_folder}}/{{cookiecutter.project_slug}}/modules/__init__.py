"""Business modules: one Django app per domain, meeting only through events and `api`."""
