"""The test loop of a new project: how long a developer waits from the bake to a green suite.

    uv run python bench/test_loop.py [--json PATH]

Bakes the default project into a temporary folder and times, one after another, as a developer
would meet them:

- `uv sync` with an empty uv cache (everything downloaded, as on a new machine), then again
  with the cache the first sync filled (a new project on a machine that has made one before);
- `uv run pytest`, twice: the first run also writes bytecode and creates the test databases;
- `uv run pytest -n 0`, the same tests in one process, for the ratio that parallel runs win;
- `make test`, every gate.

Each step is timed by the wall clock and by the CPU time of the processes it ran, measured
side by side in one run: compare the ratios between rows, not the seconds between machines.
"""

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import results_file
from cookiecutter.main import cookiecutter

TEMPLATE_DIR = Path(__file__).resolve().parents[1]
PARALLEL_RUN = "pytest, second run"


@dataclass(frozen=True)
class Result:
    step: str
    wall_seconds: float
    cpu_seconds: float
    tests: int | None
    ratio_to_parallel: float | None = None


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(step: str, command: list[str], *, cwd: Path, env: dict[str, str]) -> Result:
    """Run `command` to the end; fail loudly if it fails, since a failed step times nothing."""
    cpu_before, started = children_cpu_seconds(), time.perf_counter()
    finished = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    output = finished.stdout + finished.stderr
    if finished.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{output[-4000:]}")
    passed = re.search(r"(\d+) passed", output)
    tests = int(passed.group(1)) if passed else None
    return Result(step, round(wall, 2), round(children_cpu_seconds() - cpu_before, 2), tests)


def measure(scratch: Path) -> list[Result]:
    config_file = scratch / "cookiecutter.yaml"
    config_file.write_text(f"replay_dir: {scratch / 'replay'}\n", encoding="utf-8")
    project = Path(
        cookiecutter(
            str(TEMPLATE_DIR),
            no_input=True,
            output_dir=str(scratch / "projects"),
            config_file=str(config_file),
        )
    )
    env = {key: value for key, value in os.environ.items() if key != "VIRTUAL_ENV"}
    env["UV_CACHE_DIR"] = str(scratch / "uv-cache")  # empty: the first sync downloads all

    rows = [timed("uv sync, empty cache", ["uv", "sync"], cwd=project, env=env)]
    (project / ".venv").rename(project / ".venv-cold")
    rows.append(timed("uv sync, warm cache", ["uv", "sync"], cwd=project, env=env))
    rows.append(timed("pytest, first run", ["uv", "run", "pytest"], cwd=project, env=env))
    parallel = timed(PARALLEL_RUN, ["uv", "run", "pytest"], cwd=project, env=env)
    serial = timed(
        "pytest -n 0, one process", ["uv", "run", "pytest", "-n", "0"], cwd=project, env=env
    )
    rows += [parallel, serial, timed("make test", ["make", "test"], cwd=project, env=env)]
    return [
        Result(
            **{
                **asdict(row),
                "ratio_to_parallel": round(row.wall_seconds / parallel.wall_seconds, 2),
            }
        )
        if row.step.startswith("pytest")
        else row
        for row in rows
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the rows to this JSON file")
    arguments = parser.parse_args()
    run = results_file.this_run()
    with tempfile.TemporaryDirectory() as scratch:
        rows = measure(Path(scratch))

    print(f"{'step':<28}{'wall s':>9}{'CPU s':>9}{'tests':>7}{'ratio':>12}")
    for row in rows:
        tests = "" if row.tests is None else str(row.tests)
        ratio = "" if row.ratio_to_parallel is None else f"{row.ratio_to_parallel:.2f}"
        print(f"{row.step:<28}{row.wall_seconds:>9.1f}{row.cpu_seconds:>9.1f}{tests:>7}{ratio:>12}")
    if arguments.json:
        results_file.write([asdict(row) for row in rows], arguments.json, run=run)


if __name__ == "__main__":
    main()
