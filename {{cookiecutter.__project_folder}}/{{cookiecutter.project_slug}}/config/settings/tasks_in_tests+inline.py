"""No task queue: tasks run in-process right after commit, in tests as deployed."""
