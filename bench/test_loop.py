"""The test loop of a new project: how long a developer waits from the bake to a green suite.

    uv run python bench/test_loop.py [--against v0.2.0] [--json PATH]

Bakes the default project, from this template and from an earlier version of it (a git
revision, `--against`), and times for each, one after another, as a developer would meet them:

- `uv sync` with an empty uv cache (everything downloaded, as on a new machine), then again
  with the cache the first sync filled (a new project on a machine that has made one before);
- `uv run pytest`, twice: the first run also writes bytecode and creates the test databases;
- `uv run pytest -n 0`, the same tests in one process (where pytest runs them in parallel);
- `make test`, every gate.

Each step is timed by the wall clock and by the CPU time of the processes it ran. Both
templates are measured side by side in one run: compare the ratios, not the seconds between
machines.
"""

import argparse
import io
import os
import re
import resource
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import results_file
from cookiecutter.main import cookiecutter

TEMPLATE_DIR = Path(__file__).resolve().parents[1]
# The commit that CHANGELOG.md calls v0.2.0 (a clone may lack its tag).
V0_2_0 = "94b0692a067dbd1b051439b9793898eee94a29fc"


@dataclass(frozen=True)
class Result:
    template: str
    step: str
    wall_seconds: float
    cpu_seconds: float
    tests: int | None
    # The earlier template's wall time for the same step over this one's: how many times faster.
    speedup: float | None = None


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(
    template: str, step: str, command: list[str], *, cwd: Path, env: dict[str, str]
) -> Result:
    """Run `command` to the end; fail loudly if it fails, since a failed step times nothing."""
    cpu_before, started = children_cpu_seconds(), time.perf_counter()
    finished = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    output = finished.stdout + finished.stderr
    if finished.returncode != 0:
        sys.exit(f"{template}: {' '.join(command)} failed:\n{output[-4000:]}")
    passed = re.search(r"(\d+) passed", output)
    tests = int(passed.group(1)) if passed else None
    cpu = children_cpu_seconds() - cpu_before
    return Result(template, step, round(wall, 2), round(cpu, 2), tests)


def template_at(revision: str, folder: Path) -> Path:
    """This repository's template as it was at `revision` (a tag or a commit)."""
    archive = subprocess.run(
        ["git", "archive", "--format=tar", revision],
        cwd=TEMPLATE_DIR,
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def measure(template_dir: Path, label: str, scratch: Path) -> list[Result]:
    scratch.mkdir()
    config_file = scratch / "cookiecutter.yaml"
    config_file.write_text(f"replay_dir: {scratch / 'replay'}\n", encoding="utf-8")
    project = Path(
        cookiecutter(
            str(template_dir),
            no_input=True,
            output_dir=str(scratch / "projects"),
            config_file=str(config_file),
        )
    )
    env = {key: value for key, value in os.environ.items() if key != "VIRTUAL_ENV"}
    env["UV_CACHE_DIR"] = str(scratch / "uv-cache")  # empty: the first sync downloads all

    def step(name: str, *command: str) -> Result:
        return timed(label, name, list(command), cwd=project, env=env)

    rows = [step("uv sync, empty cache", "uv", "sync")]
    shutil.rmtree(project / ".venv")
    rows += [
        step("uv sync, warm cache", "uv", "sync"),
        step("pytest, first run", "uv", "run", "pytest"),
        step("pytest, second run", "uv", "run", "pytest"),
    ]
    if "pytest-xdist" in (project / "pyproject.toml").read_text():
        rows.append(step("pytest -n 0, one process", "uv", "run", "pytest", "-n", "0"))
    return [*rows, step("make test", "make", "test")]


def with_speedups(current: list[Result], earlier: list[Result]) -> list[Result]:
    walls = {row.step: row.wall_seconds for row in earlier}
    return [
        Result(**{**asdict(row), "speedup": round(walls[row.step] / row.wall_seconds, 2)})
        if row.step in walls
        else row
        for row in current
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--against", default=V0_2_0, help="the earlier template's git revision (v0.2.0's commit)"
    )
    parser.add_argument("--json", type=Path, help="also write the rows to this JSON file")
    arguments = parser.parse_args()
    label = "v0.2.0" if arguments.against == V0_2_0 else arguments.against[:12]
    run = {**results_file.this_run(), "note": f"this template against {label}"}
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        earlier_dir = template_at(arguments.against, root / "earlier-template")
        earlier = measure(earlier_dir, label, root / "earlier")
        current = measure(TEMPLATE_DIR, "this", root / "current")
    rows = [*with_speedups(current, earlier), *earlier]

    print(f"{'template':<10}{'step':<28}{'wall s':>9}{'CPU s':>9}{'tests':>7}{'speed-up':>10}")
    for row in rows:
        tests = "" if row.tests is None else str(row.tests)
        speedup = "" if row.speedup is None else f"{row.speedup:.2f}"
        print(
            f"{row.template:<10}{row.step:<28}{row.wall_seconds:>9.1f}{row.cpu_seconds:>9.1f}"
            f"{tests:>7}{speedup:>10}"
        )
    if arguments.json:
        results_file.write([asdict(row) for row in rows], arguments.json, run=run)


if __name__ == "__main__":
    main()
