"""Where the project is and what its environment says: every settings file reads through here."""

import tomllib
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parents[3]
# Name, version and description, as pyproject.toml declares them.
PROJECT = tomllib.loads((BASE_DIR / "pyproject.toml").read_text(encoding="utf-8"))["project"]

env = environ.Env()
# Variables already set in the environment win over the file.
env.read_env(BASE_DIR / ".env")
