"""The database: SQLite, in a file of the project folder unless DATABASE_URL says otherwise."""

from {{ cookiecutter.project_slug }}.config.settings.environment import BASE_DIR, env

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# SQLite that holds up beside a worker process: WAL lets readers run during a write, IMMEDIATE
# takes the write lock when a transaction starts (instead of failing to upgrade a read lock
# with "database is locked"), and the timeout makes writers wait for each other.
DATABASES["default"]["OPTIONS"] = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
# The test database is a file, not memory, so that worker processes started by tests see it.
DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "test-db.sqlite3")}
