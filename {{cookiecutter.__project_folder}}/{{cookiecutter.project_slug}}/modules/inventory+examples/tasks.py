"""The inventory module's tasks: none yet. Each is a thin `_<name>_task` calling one service."""
