"""Events between modules, in-process: handlers run right after commit; nothing to configure."""
