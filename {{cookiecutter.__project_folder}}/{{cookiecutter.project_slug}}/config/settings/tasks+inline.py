"""No task queue: tasks run in the web process right after the transaction commits.

`manage.py run_scheduler` runs periodic ones.
"""

# No app to install after Django's own (base.py).
TASK_QUEUE_APPS: list[str] = []
