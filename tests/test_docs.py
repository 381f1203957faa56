"""The documentation site builds with every warning an error, and its benchmarks are the runs'."""

import importlib
import os
import shutil
import struct
import subprocess
import sys
from dataclasses import asdict, fields
from pathlib import Path
from types import ModuleType

import pytest

from tests.baking import TEMPLATE_DIR

DOCS_DIR = TEMPLATE_DIR / "docs"
BENCH_DIR = TEMPLATE_DIR / "bench"
RESULTS_DIR = BENCH_DIR / "results"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def mkdocs_build(config_file: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--config-file",
            str(config_file),
            "--site-dir",
            str(site_dir),
        ],
        capture_output=True,
        text=True,
        check=False,
        # Material prints a banner about MkDocs 2 on every build; it is not about our pages.
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == PNG_SIGNATURE, f"{path} is not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


@pytest.fixture
def bench(monkeypatch: pytest.MonkeyPatch) -> dict[str, ModuleType]:
    """The bench scripts as modules, imported the way they run: with bench/ on the path."""
    monkeypatch.syspath_prepend(str(BENCH_DIR))
    return {
        name: importlib.import_module(name)
        for name in ("report", "results_file", "event_throughput", "task_throughput", "test_loop")
    }


def test_docs_build_strict(tmp_path: Path) -> None:
    build = mkdocs_build(TEMPLATE_DIR / "mkdocs.yml", tmp_path / "site")

    assert build.returncode == 0, build.stdout + build.stderr
    assert "WARNING" not in build.stderr, build.stderr
    for page in ("index.html", "options/index.html", "benchmarks/index.html"):
        assert (tmp_path / "site" / page).is_file(), page
    assert (tmp_path / "site" / "img" / "event_throughput.png").is_file()


@pytest.mark.parametrize(
    ("page_text", "problem"),
    [
        ("[a page](no-such-page.md)", "no-such-page.md"),
        ("[a section](architecture.md#no-such-section)", "no-such-section"),
        (None, "orphan.md"),
    ],
    ids=["missing-page", "missing-anchor", "page-not-in-nav"],
)
def test_docs_build_fails_on(tmp_path: Path, page_text: str | None, problem: str) -> None:
    shutil.copy(TEMPLATE_DIR / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(DOCS_DIR, tmp_path / "docs")
    if page_text is None:
        (tmp_path / "docs" / "orphan.md").write_text("# Orphan\n", encoding="utf-8")
    else:
        with (tmp_path / "docs" / "quickstart.md").open("a", encoding="utf-8") as page:
            page.write(f"\nSee {page_text}.\n")

    build = mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")

    assert build.returncode != 0, build.stderr
    assert problem in build.stderr


def test_benchmarks_page_is_what_the_report_writes_from_the_results(
    bench: dict[str, ModuleType],
) -> None:
    report = bench["report"]
    events = report.results_file.read(RESULTS_DIR / "events.json")
    tasks = report.results_file.read_if_present(RESULTS_DIR / "tasks.json")
    loop = report.results_file.read_if_present(RESULTS_DIR / "loop.json")

    committed = (DOCS_DIR / report.PAGE).read_text(encoding="utf-8")

    assert committed == report.page(events, tasks, loop), (
        "docs/benchmarks.md is stale: run `uv run python bench/report.py` and commit the result"
    )
    assert f"]({report.EVENT_CHART})" in committed
    assert png_size(DOCS_DIR / report.EVENT_CHART) == (800, 450)


def test_report_reads_what_the_benchmarks_write(
    bench: dict[str, ModuleType], tmp_path: Path
) -> None:
    event_throughput, task_throughput = bench["event_throughput"], bench["task_throughput"]
    run = bench["results_file"].this_run()
    results_dir, docs_dir = tmp_path / "results", tmp_path / "docs"
    results_dir.mkdir()

    def result(module: ModuleType, **values: object) -> object:
        names = {field.name for field in fields(module.Result)}
        return module.Result(**{name: values[name] for name in names})

    event_rows = [
        result(
            event_throughput,
            bus="outbox",
            relays=2,
            events=5000,
            events_per_second=1234.5,
            p50_ms=3.0,
            p99_ms=12.0,
            publish_per_second=1300.0,
            drain_per_second=2500.0,
        ),
        result(
            event_throughput,
            bus="inprocess",
            relays=0,
            events=5000,
            events_per_second=900.0,
            p50_ms=0.2,
            p99_ms=0.3,
            publish_per_second=900.0,
            drain_per_second=None,
        ),
    ]
    event_throughput.write_json(event_rows, results_dir / "events.json", run=run)
    task_rows = [
        result(
            task_throughput,
            backend=backend,
            database="postgresql",
            tasks=5000,
            enqueue_per_second=1500.0,
            drain_per_second=drain,
            steady_per_second=drain + 20,
        )
        for backend, drain in (("celery_redis", 300.0), ("database (django-tasks-db)", 240.0))
    ]
    task_throughput.write_json(task_rows, task_rows[0], results_dir / "tasks.json", run=run)
    loop_rows = [
        result(
            bench["test_loop"],
            template=template,
            step=step,
            wall_seconds=wall,
            cpu_seconds=cpu,
            tests=tests,
            speedup=speedup,
        )
        for template, step, wall, cpu, tests, speedup in (
            ("this", "uv sync, empty cache", 9.5, 4.25, None, None),
            ("this", "pytest, second run", 12.0, 20.0, 203, 8.25),
            ("v0.2.0", "pytest, second run", 99.0, 70.0, 201, None),
        )
    ]
    bench["results_file"].write(
        [asdict(row) for row in loop_rows], results_dir / "loop.json", run=run
    )

    bench["report"].write_report(results_dir=results_dir, docs_dir=docs_dir)

    page = (docs_dir / "benchmarks.md").read_text(encoding="utf-8")
    assert f"One run on {run['date']}, on {run['cpus']} CPUs" in page
    assert "| outbox | 2 | 5,000 | 1,234 | 3.0 | 12.0 | 1,300 | 2,500 |" in page
    dash = bench["report"].NO_VALUE
    assert f"| in-process | {dash} | 5,000 | 900 | 0.2 | 0.3 | 900 | {dash} |" in page
    assert "was met in this run (outbox (2 relays))" in page
    assert "| database (django-tasks-db) | postgresql | 5,000 | 1,500 | 240 | 260 | 0.80 |" in page
    assert f"| this | uv sync, empty cache | 9.5 | 4.2 | {dash} | {dash} |" in page
    assert "| this | pytest, second run | 12.0 | 20.0 | 203 | 8.25 |" in page
    assert f"| v0.2.0 | pytest, second run | 99.0 | 70.0 | 201 | {dash} |" in page
    assert png_size(docs_dir / "img" / "event_throughput.png") == (800, 450)


def test_readme_tells_how_to_read_the_docs() -> None:
    readme = (TEMPLATE_DIR / "README.md").read_text(encoding="utf-8")

    assert "`uv run mkdocs serve`" in readme
