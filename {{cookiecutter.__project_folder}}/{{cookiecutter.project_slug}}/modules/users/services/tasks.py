"""The only way to schedule the users module's tasks: by name, after the transaction commits."""

from {{ cookiecutter.project_slug }}.core.tasks import enqueue_on_commit


def delay_account_email_send(
    *, subject: str, body: str, html_body: str, from_email: str, to: list[str]
) -> None:
    """Send an e-mail about an account (a verification code, a reset link) after commit."""
    enqueue_on_commit(
        "users.account_email_send",
        subject=subject,
        body=body,
        html_body=html_body,
        from_email=from_email,
        to=to,
    )
