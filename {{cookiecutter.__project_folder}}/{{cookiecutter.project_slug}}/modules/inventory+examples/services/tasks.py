"""Where the inventory module's `delay_<name>` wrappers go: none yet; each enqueues on commit."""
