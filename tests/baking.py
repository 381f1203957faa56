"""Helpers shared by the template's tests: the options, baking, and reading a baked project."""

import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cookiecutter.main import cookiecutter

TEMPLATE_DIR = Path(__file__).resolve().parents[1]
# The one module skeleton: `manage.py startmodule` renders it, the example modules follow it.
MODULE_SKELETON = (
    TEMPLATE_DIR
    / "{{cookiecutter.__project_folder}}"
    / "{{cookiecutter.project_slug}}"
    / "core"
    / "modularity"
    / "module_skeleton"
)
COOKIECUTTER_JSON = json.loads((TEMPLATE_DIR / "cookiecutter.json").read_text(encoding="utf-8"))

# Every option that is a choice, with its choices; the first choice is the default.
OPTIONS: dict[str, list[str]] = {
    name: value
    for name, value in COOKIECUTTER_JSON.items()
    if isinstance(value, list) and not name.startswith("_")
}


def all_combinations() -> list[dict[str, str]]:
    names = list(OPTIONS)
    return [
        dict(zip(names, values, strict=True)) for values in itertools.product(*OPTIONS.values())
    ]


def option_pairs(combination: dict[str, str]) -> set[tuple[tuple[str, str], ...]]:
    """Every pair of (option, value) that `combination` sets together."""
    return set(itertools.combinations(sorted(combination.items()), 2))


def all_pairs_combinations(*, required: list[dict[str, str]]) -> list[dict[str, str]]:
    """Few combinations that together set every pair of option values at least once.

    One combination is taken for each partial answer in `required` (completed with the
    values that cover most pairs not yet covered); then, greedily, whichever covers the most
    of what is left, until nothing is. The result is the same on every run.
    """
    candidates = all_combinations()
    uncovered = set().union(*map(option_pairs, candidates))
    chosen = []

    def take(matching: list[dict[str, str]]) -> None:
        nonlocal uncovered
        best = max(matching, key=lambda combination: len(option_pairs(combination) & uncovered))
        chosen.append(best)
        uncovered -= option_pairs(best)

    for partial in required:
        take([c for c in candidates if partial.items() <= c.items()])
    while uncovered:
        take(candidates)
    return chosen


def combination_id(combination: dict[str, str]) -> str:
    return "-".join(f"{name}={value}" for name, value in combination.items())


def bake(output_dir: Path, config_file: Path, **answers: Any) -> Path:
    """Bake the template without prompts into `output_dir` and return the project folder."""
    return Path(
        cookiecutter(
            str(TEMPLATE_DIR),
            no_input=True,
            extra_context=answers,
            output_dir=str(output_dir),
            config_file=str(config_file),
        )
    )


def settings_text(package: Path) -> str:
    """Every settings file of the bake: base.py and the fragments the hook kept for it."""
    folder = package / "config" / "settings"
    return "".join(path.read_text() for path in sorted(folder.glob("*.py")))


def bake_ok(cookies: Any, **answers: str) -> Path:
    """Bake with pytest-cookies' `cookies` fixture; fail unless the bake succeeds."""
    result = cookies.bake(extra_context=answers)
    assert result.exception is None, result.exception
    assert result.exit_code == 0
    return Path(result.project_path)


def project_files(project: Path) -> Iterator[Path]:
    """The baked project's own files (not a virtual environment or caches made later)."""
    skipped = {".venv", ".pytest_cache", ".ruff_cache", "__pycache__"}
    for path in sorted(project.rglob("*")):
        if path.is_file() and not skipped.intersection(path.relative_to(project).parts):
            yield path


def module_skeleton_files() -> list[str]:
    """Every file a module has, by its path inside the module, as the skeleton lays it out."""
    return sorted(
        path.relative_to(MODULE_SKELETON).as_posix().removesuffix("-tpl")
        for path in MODULE_SKELETON.rglob("*-tpl")
    )
