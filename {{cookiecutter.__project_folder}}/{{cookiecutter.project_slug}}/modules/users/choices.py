"""The users module's fixed sets of values: none yet."""
