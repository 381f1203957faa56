"""allauth's hooks into this project: how it sends the e-mails of its flows.

settings.ACCOUNT_ADAPTER names the adapter below.
"""

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.core.mail import EmailMultiAlternatives
from django.utils.html import strip_tags

from {{ cookiecutter.project_slug }}.modules.users.services.tasks import delay_account_email_send


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]  # allauth is untyped
    """allauth, with its e-mails sent by a task instead of inside the request."""

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        # Rendered here, where allauth's request and context are; sent later, from primitives.
        request = allauth_context.request
        message = self.render_mail(
            template_prefix,
            email,
            {
                "request": request,
                "email": email,
                "current_site": get_current_site(request),
                **context,
            },
        )
        body = str(message.body)
        html_body = ""
        if isinstance(message, EmailMultiAlternatives):
            html_body = next(
                (
                    str(content)
                    for content, mimetype in message.alternatives
                    if mimetype == "text/html"
                ),
                "",
            )
        elif message.content_subtype == "html":
            # allauth found an HTML template and no text one: send it as HTML, not as text.
            body, html_body = strip_tags(body), body
        delay_account_email_send(
            subject=str(message.subject),
            body=body,
            html_body=html_body,
            from_email=str(message.from_email),
            to=list(message.to),
        )
