"""How long a bake takes: the cookiecutter command as a user runs it, and the bake alone.

    uv run python bench/bake_time.py [runs]

Both are measured side by side in one run; the command includes starting Python and
importing cookiecutter, which the in-process bake does not.
"""

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cookiecutter.main import cookiecutter

TEMPLATE_DIR = Path(__file__).resolve().parents[1]


def time_command(output_dir: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "cookiecutter",
            "--no-input",
            "-o",
            str(output_dir),
            str(TEMPLATE_DIR),
        ],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def time_in_process(output_dir: Path, config_file: Path) -> float:
    started = time.perf_counter()
    cookiecutter(
        str(TEMPLATE_DIR), no_input=True, output_dir=str(output_dir), config_file=str(config_file)
    )
    return time.perf_counter() - started


def main(runs: int) -> None:
    command, in_process = [], []
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        config_file = root / "config.yaml"
        config_file.write_text(f"replay_dir: {root / 'replay'}\n", encoding="utf-8")
        for run in range(runs):
            command.append(time_command(root / f"command-{run}"))
            in_process.append(time_in_process(root / f"in-process-{run}", config_file))

    print(f"{'bake, ' + str(runs) + ' runs':<32}{'median s':>10}{'max s':>10}")
    for label, times in [("cookiecutter --no-input", command), ("in process", in_process)]:
        print(f"{label:<32}{statistics.median(times):>10.3f}{max(times):>10.3f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
