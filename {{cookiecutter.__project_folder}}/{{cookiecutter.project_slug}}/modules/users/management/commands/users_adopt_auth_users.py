"""Move the accounts of a project that began on Django's `auth.User` into `users.User`.

Projects baked from the template before the users module (v0.2.0 and older) keep their
accounts in `auth_user`. After `cruft update` their settings say AUTH_USER_MODEL =
"users.User", but Django does not swap the user model of a live database (Django ticket
#25313): `migrate` stops with InconsistentMigrationHistory, because admin's first migration
was applied before users.0001_initial, and the accounts are still in `auth_user`.

Run this once, after the update and BEFORE `migrate`, with a backup at hand. In one
transaction (on PostgreSQL and SQLite), it creates the users tables as users.0001_initial
would, copies every account (same id and password hash) with its groups and permissions,
points every foreign key to the user model at the new table, moves the `auth.user` content
type to `users.user`, and records users.0001_initial as applied. It refuses, changing
nothing, if it ran before or while two accounts share an e-mail address (the new login).
`auth_user` and its two tables stay; drop them once you are satisfied.
"""

import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.db import connection, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.backends.utils import CursorWrapper
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.db.migrations.state import ProjectState
from django.utils import timezone

from {{ cookiecutter.project_slug }}.modules.users.managers import normalized_email

USERS_INITIAL = ("users", "0001_initial")
NAME_MAX_LENGTH = 150  # users.User.name

COPY_ACCOUNT = """
    INSERT INTO users_user (id, password, last_login, is_superuser, is_staff, is_active,
                            created_at, email, name, public_id, updated_at)
    SELECT id, password, last_login, is_superuser, is_staff, is_active, date_joined,
           %s, %s, %s, %s
    FROM auth_user WHERE id = %s
"""
COPY_GROUPS = """
    INSERT INTO users_user_groups (user_id, group_id)
    SELECT user_id, group_id FROM auth_user_groups
"""
COPY_PERMISSIONS = """
    INSERT INTO users_user_user_permissions (user_id, permission_id)
    SELECT user_id, permission_id FROM auth_user_user_permissions
"""


@dataclass(frozen=True)
class Account:
    """A row of auth_user, with the e-mail address and the name it gets in users_user."""

    id: int
    email: str
    name: str


class Command(BaseCommand):
    help = (
        "Once, after `cruft update` and before `migrate`: move the accounts of auth.User "
        "(auth_user) into users.User. Refuses, changing nothing, if they cannot be moved."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        with connection.cursor() as cursor:
            refuse_unless_adoptable(cursor)
            accounts = accounts_read(cursor)
        refuse_conflicting_accounts(accounts)

        # One transaction; on SQLite the editor also defers foreign key checks to its end.
        with connection.schema_editor(atomic=True) as editor, connection.cursor() as cursor:
            state = migrated_state()
            user_model = state.apps.get_model("users", "User")
            editor.create_model(user_model)  # with users_user_groups and ..._user_permissions
            accounts_copy(cursor, accounts)
            cursor.execute(COPY_GROUPS)
            groups = cursor.rowcount
            cursor.execute(COPY_PERMISSIONS)
            permissions = cursor.rowcount
            for sql in connection.ops.sequence_reset_sql(no_style(), [user_model]):
                cursor.execute(sql)
            repointed = foreign_keys_repoint(editor, cursor, state)
            content_type_moved = content_type_move()
            MigrationRecorder(connection).record_applied(*USERS_INITIAL)

        self.stdout.write(
            f"Accounts copied from auth_user to users_user: {len(accounts)} (group "
            f"memberships: {groups}, permissions: {permissions})."
        )
        for field in repointed:
            self.stdout.write(f"Pointed {field} at users_user.")
        if content_type_moved:
            self.stdout.write("Moved the content type auth.user to users.user.")
        self.stdout.write(
            self.style.SUCCESS(
                "Recorded users.0001_initial as applied. Now run `manage.py migrate`. Drop "
                "auth_user, auth_user_groups and auth_user_user_permissions once satisfied."
            )
        )


def refuse_unless_adoptable(cursor: CursorWrapper) -> None:
    """Only auth_user, with no users tables yet, can be adopted: only once."""
    tables = connection.introspection.table_names(cursor)
    applied = MigrationRecorder(connection).applied_migrations()
    if "users_user" in tables or USERS_INITIAL in applied:
        raise CommandError(
            "users_user exists or users.0001_initial is applied: the accounts were adopted "
            "already, or the project began on users.User. Nothing changed."
        )
    # An empty auth_user is adopted too: `migrate` needs users.0001 recorded either way.
    if "auth_user" not in tables:
        raise CommandError("There is no auth_user table: nothing to adopt. Nothing changed.")


def accounts_read(cursor: CursorWrapper) -> list[Account]:
    cursor.execute("SELECT id, email, first_name, last_name FROM auth_user ORDER BY id")
    return [
        Account(id=id_, email=normalized_email(email), name=f"{first} {last}".strip())
        for id_, email, first, last in cursor.fetchall()
    ]


def refuse_conflicting_accounts(accounts: list[Account]) -> None:
    """users.User logs in by e-mail address: each account needs one, of its own."""
    ids_by_email: dict[str, list[int]] = defaultdict(list)
    for account in accounts:
        ids_by_email[account.email].append(account.id)
    problems = [
        f"ids {', '.join(map(str, ids))} share the address {email}"
        for email, ids in ids_by_email.items()
        if email and len(ids) > 1
    ]
    problems += [
        f"id {account.id} has no e-mail address" for account in accounts if not account.email
    ]
    problems += [
        f"id {account.id} has a name longer than {NAME_MAX_LENGTH} characters"
        for account in accounts
        if len(account.name) > NAME_MAX_LENGTH
    ]
    if problems:
        raise CommandError(
            "Fix these accounts in auth_user first (letter case and spaces around an address "
            "do not count). Nothing changed.\n" + "\n".join(f"  {line}" for line in problems)
        )


def migrated_state() -> ProjectState:
    """The models as the database holds them, once users.0001_initial counts as applied."""
    loader = MigrationLoader(connection)
    applied = [key for key in loader.applied_migrations or {} if key in loader.graph.nodes]
    return loader.project_state([*applied, USERS_INITIAL])


def accounts_copy(cursor: CursorWrapper, accounts: list[Account]) -> None:
    now = models.DateTimeField().get_db_prep_value(timezone.now(), connection)
    cursor.executemany(
        COPY_ACCOUNT,
        [
            (
                account.email,
                account.name,
                models.UUIDField().get_db_prep_value(uuid.uuid4(), connection),
                now,
                account.id,
            )
            for account in accounts
        ],
    )


def foreign_keys_repoint(
    editor: BaseDatabaseSchemaEditor, cursor: CursorWrapper, state: ProjectState
) -> list[str]:
    """Each foreign key to the user model that still references auth_user now references
    users_user, as `migrate` would have made it (constraint, column type)."""
    user_model = state.apps.get_model("users", "User")
    auth_user = state.apps.get_model("auth", "User")
    tables = connection.introspection.table_names(cursor)
    repointed = []
    for model in state.apps.get_models(include_auto_created=True):
        if model._meta.db_table not in tables:
            continue  # its migrations are not applied yet: `migrate` creates it
        constraints = connection.introspection.get_constraints(cursor, model._meta.db_table)
        references_auth_user = {
            tuple(constraint["columns"])
            for constraint in constraints.values()
            if constraint["foreign_key"] == ("auth_user", "id")
        }
        for field in model._meta.local_fields:
            if (
                isinstance(field, models.ForeignKey)  # and OneToOneField
                and field.related_model is user_model
                and (field.column,) in references_auth_user
            ):
                editor.alter_field(model, field_to_auth_user(field, auth_user), field)
                repointed.append(f"{model._meta.label}.{field.name}")
    return repointed


def field_to_auth_user(
    field: models.ForeignKey[Any, Any], auth_user: type[models.Model]
) -> models.ForeignKey[Any, Any]:
    """The foreign key as it was made while the user model was auth.User."""
    old_field = field.clone()
    old_field.remote_field.model = auth_user
    old_field.set_attributes_from_name(field.name)
    old_field.model = field.model
    return old_field


def content_type_move() -> bool:
    """Permissions and admin log entries follow the content type of the user model."""
    if ContentType.objects.filter(app_label="users", model="user").exists():
        return False
    moved = ContentType.objects.filter(app_label="auth", model="user").update(app_label="users")
    ContentType.objects.clear_cache()
    return moved == 1
