"""Rules for the names of the project package and of its modules.

The template's pre-generation hook embeds this file verbatim to check the project slug, so
the project keeps the exact rules it was named by, for its own tools to apply to new modules.
Standard library only, because the hook runs it outside the project.
"""

import keyword
import re
import sys

MAX_NAME_LENGTH = 30

LOWERCASE_IDENTIFIER = re.compile(r"[a-z][a-z0-9_]*")

# Labels of the apps Django ships; an app with the same label cannot be installed beside them.
DJANGO_APP_LABELS = frozenset(
    {
        "admin",
        "admindocs",
        "auth",
        "contenttypes",
        "flatpages",
        "gis",
        "humanize",
        "messages",
        "postgres",
        "redirects",
        "sessions",
        "sitemaps",
        "sites",
        "staticfiles",
        "syndication",
    }
)

# Packages a generated project imports or creates, and names its test runners treat specially.
PROJECT_RESERVED_NAMES = frozenset(
    {
        "boto3",
        "celery",
        "config",
        "core",
        "django",
        "environ",
        "factory",
        "faker",
        "importlinter",
        "kombu",
        "modules",
        "psycopg",
        "pytest",
        "redis",
        "rest_framework",
        "test",
        "tests",
    }
)


def name_problem(name: str, *, kind: str) -> str | None:
    """Say why `name` cannot name a package of this project, or return None when it can."""
    if not name:
        return f"the {kind} is empty"
    if not LOWERCASE_IDENTIFIER.fullmatch(name):
        return (
            f"the {kind} {name!r} must start with a lowercase letter and contain only "
            "lowercase ASCII letters, digits and underscores"
        )
    if len(name) > MAX_NAME_LENGTH:
        return f"the {kind} {name!r} is longer than {MAX_NAME_LENGTH} characters"
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        return f"the {kind} {name!r} is a Python keyword"
    if name in sys.stdlib_module_names:
        return f"the {kind} {name!r} shadows the standard library module of that name"
    if name in DJANGO_APP_LABELS:
        return f"the {kind} {name!r} clashes with the label of Django's own app {name!r}"
    if name in PROJECT_RESERVED_NAMES:
        return f"the {kind} {name!r} is already used by the project or one of its dependencies"
    return None
