"""The external bus: an AWS EventBridge bus.

Credentials: boto3's usual chain; EVENTS_EVENTBRIDGE_ENDPOINT_URL is for local stand-ins such
as moto.
"""

from {{ cookiecutter.project_slug }}.config.settings.environment import env

EVENTS_AWS_REGION = env("EVENTS_AWS_REGION", default="eu-west-1")
EVENTS_EVENTBRIDGE_BUS = env(
    "EVENTS_EVENTBRIDGE_BUS",
    default="{{ cookiecutter.project_slug }}",
)
EVENTS_EVENTBRIDGE_SOURCE = env(
    "EVENTS_EVENTBRIDGE_SOURCE",
    default="{{ cookiecutter.project_slug }}",
)
EVENTS_EVENTBRIDGE_ENDPOINT_URL = env("EVENTS_EVENTBRIDGE_ENDPOINT_URL", default="")
