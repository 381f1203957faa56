"""The users module's tasks: thin, private, and scheduled only through services.tasks."""

from {{ cookiecutter.project_slug }}.core.tasks import task
from {{ cookiecutter.project_slug }}.modules.users.services import account_email_send


# A mail server that is down for a while is tried again (30 s, 60 s, 120 s ... apart).
@task(name="users.account_email_send", retries=5, retry_backoff=30)
def _account_email_send_task(
    *, subject: str, body: str, html_body: str, from_email: str, to: list[str]
) -> None:
    account_email_send(
        subject=subject, body=body, html_body=html_body, from_email=from_email, to=to
    )
