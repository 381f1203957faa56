from django.db import models


class TaskProbe(models.Model):
    """One row per run of a probe task, written by whichever process ran it."""

    key = models.CharField(max_length=100, db_index=True)
    process_id = models.IntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.key} (pid {self.process_id})"
