from django.core.mail import EmailMultiAlternatives


def account_email_send(
    *, subject: str, body: str, html_body: str, from_email: str, to: list[str]
) -> None:
    """Send an e-mail allauth rendered about an account, as plain text with an HTML part."""
    message = EmailMultiAlternatives(subject, body, from_email, to)
    if html_body:
        message.attach_alternative(html_body, "text/html")
    message.send()
