"""What the running project tells about itself: structured logs, correlation ids and request ids."""
