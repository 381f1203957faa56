"""No external bus: events stay inside the project."""
