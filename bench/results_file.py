"""The JSON file a benchmark writes with --json: its rows, and when and where it ran.

    {"run": {"date": "2026-11-24", "cpus": 2, ...}, "rows": [{...}, ...]}

`bench/report.py` turns these files into the benchmarks page, so every figure and its context
come from a run, never from typing.
"""

import datetime
import json
import os
import platform
from pathlib import Path
from typing import Any


def cpu_model() -> str | None:
    """The processor's model name, from /proc/cpuinfo where there is one."""
    with_model_name = Path("/proc/cpuinfo")
    if with_model_name.is_file():
        for line in with_model_name.read_text(encoding="utf-8").splitlines():
            key, _, value = line.partition(":")
            if key.strip() == "model name":
                return value.strip()
    return platform.processor() or None


def this_run() -> dict[str, Any]:
    """When and on what the run happened, as the report prints it."""
    return {
        "date": datetime.datetime.now(datetime.UTC).date().isoformat(),
        "cpus": os.cpu_count(),
        "cpu_model": cpu_model(),
        "system": platform.platform(terse=True),
        "python": platform.python_version(),
        "load_average_before": round(os.getloadavg()[0], 2),
    }


def write(rows: list[dict[str, Any]], path: Path, *, run: dict[str, Any]) -> None:
    path.write_text(json.dumps({"run": run, "rows": rows}, indent=2) + "\n", encoding="utf-8")


def read(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The run's description and its rows."""
    content = json.loads(path.read_text(encoding="utf-8"))
    return content["run"], content["rows"]


def read_if_present(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
    """`read(path)`, or None where that benchmark has not been run yet."""
    return read(path) if path.is_file() else None
