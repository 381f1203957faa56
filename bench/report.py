"""Write the benchmarks page and its chart from the benchmarks' own JSON output.

    uv run python bench/report.py

Reads `bench/results/events.json` (from `bench/event_throughput.py --json`) and, when present,
`bench/results/tasks.json` (from `bench/task_throughput.py --json`) and `bench/results/loop.json`
(from `bench/test_loop.py --json`); writes
`docs/benchmarks.md` and `docs/img/event_throughput.png`. Nothing on the page is typed in: a
test checks that the committed page is what this script writes from the committed results.
"""

import argparse
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # files only: no display, the same output everywhere

import matplotlib.pyplot as plt  # after use(): the backend is chosen before pyplot loads
import results_file
from matplotlib.ticker import StrMethodFormatter

TEMPLATE_DIR = Path(__file__).resolve().parents[1]
RESULTS_DIR = TEMPLATE_DIR / "bench" / "results"
DOCS_DIR = TEMPLATE_DIR / "docs"
PAGE = "benchmarks.md"
EVENT_CHART = "img/event_throughput.png"
BUS_LABELS = {
    "outbox": "outbox",
    "inprocess": "in-process",
    "redis_streams": "Redis Streams",
    "eventbridge": "EventBridge",
}
# The outbox's target, as bench/event_throughput.py states it, on its live rows.
TARGET_EVENTS_PER_SECOND = 1000
TARGET_P99_MS = 1000
NO_VALUE = "\u2013"  # an en dash, for a cell with nothing to show
LIVE_COLOUR = "#3f7fbf"
DRAIN_COLOUR = "#e08a2c"


def number(value: float, decimals: int = 0) -> str:
    return f"{value:,.{decimals}f}"


def run_note(run: dict[str, Any]) -> str:
    """One sentence on when and on what a run happened."""
    machine = [f"{run['cpus']} CPUs"] if run.get("cpus") else []
    machine += [run[key] for key in ("cpu_model", "system") if run.get(key)]
    if run.get("python"):
        machine.append(f"Python {run['python']}")
    if run.get("load_average_before") is not None:
        machine.append(f"load average {run['load_average_before']:.2f} before the run")
    sentence = f"One run on {run['date']}"
    if machine:
        sentence += f", on {', '.join(machine)}"
    if run.get("note"):
        sentence += f" ({run['note']})"
    return sentence + "."


def bus_label(row: dict[str, Any], *, separator: str = " ") -> str:
    label = BUS_LABELS.get(row["bus"], row["bus"])
    relays = {0: "no relay", 1: "1 relay"}.get(row["relays"], f"{row['relays']} relays")
    return f"{label}{separator}({relays})" if separator == " " else f"{label}{separator}{relays}"


def outbox_target_verdict(rows: list[dict[str, Any]]) -> str:
    outbox = [row for row in rows if row["bus"] == "outbox"]
    met = [
        row
        for row in outbox
        if row["events_per_second"] >= TARGET_EVENTS_PER_SECOND and row["p99_ms"] < TARGET_P99_MS
    ]
    if not outbox:
        return "The outbox was not measured in this run."
    target = (
        f"at least {number(TARGET_EVENTS_PER_SECOND)} events/s live with a p99 under "
        f"{number(TARGET_P99_MS)} ms"
    )
    if met:
        return f"The outbox's target, {target}, was met in this run ({bus_label(met[0])})."
    best = max(outbox, key=lambda row: row["events_per_second"])
    fastest_drain = max(row["drain_per_second"] or 0 for row in outbox)
    return (
        f"The outbox's target, {target}, was not met live in this run: the best live rate was "
        f"{number(best['events_per_second'])} events/s (p99 {number(best['p99_ms'], 1)} ms), "
        f"bounded by the one publishing process ({number(best['publish_per_second'])} "
        f"publishes/s), while the relays drained a backlog at up to {number(fastest_drain)} "
        "events/s."
    )


def events_section(run: dict[str, Any], rows: list[dict[str, Any]]) -> list[str]:
    lines = [
        "## Events",
        "",
        "`bench/event_throughput.py` bakes a project per event bus (PostgreSQL, the database task",
        "queue) and sends a probe event whose one handler writes a row. *Live*: one process",
        "publishes every event, one transaction each, as a service would, while the relay",
        "processes deliver; latency runs from the event's `occurred_at` to its handler's row.",
        "*Publish/s* is that publisher's own loop, a ceiling for live events/s. *Drain*: every",
        "event is published first, then the relays start; events per second from the first",
        "handled to the last. See [the outbox](events/outbox.md) for how delivery works.",
        "",
        run_note(run),
        "",
        "| bus | relays | events | live events/s | p50 ms | p99 ms | publish/s | drain events/s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        drain = row["drain_per_second"]
        lines.append(
            f"| {BUS_LABELS.get(row['bus'], row['bus'])} | {row['relays'] or NO_VALUE} "
            f"| {number(row['events'])} | {number(row['events_per_second'])} "
            f"| {number(row['p50_ms'], 1)} | {number(row['p99_ms'], 1)} "
            f"| {number(row['publish_per_second'])} "
            f"| {number(drain) if drain is not None else NO_VALUE} |"
        )
    lines += [
        "",
        outbox_target_verdict(rows),
        "",
        f"![Live and drain events per second, per bus and number of relays]({EVENT_CHART})",
        "",
    ]
    return lines


def tasks_section(tasks: tuple[dict[str, Any], list[dict[str, Any]]] | None) -> list[str]:
    lines = ["## Tasks", ""]
    if tasks is None:
        return [
            *lines,
            "No task-queue results are in `bench/results/` yet: run",
            "`uv run python bench/task_throughput.py --json bench/results/tasks.json`, then",
            "this report.",
            "[The database queue](tasks/database.md#throughput-and-when-to-switch-to-celery)",
            "discusses an earlier run.",
            "",
        ]
    run, rows = tasks
    ratio_key = next((key for key in rows[0] if key.startswith("ratio_to_")), None)
    lines += [
        "`bench/task_throughput.py` bakes a project per task-queue backend and pushes the same",
        "small task (one insert, one count) through each. All tasks are enqueued first, then two",
        "workers drain them. *Drain* counts from launching the workers, start-up included;",
        "*steady* from the first task to the last. See",
        "[the database queue](tasks/database.md#throughput-and-when-to-switch-to-celery) for",
        "when to switch to Celery.",
        "",
        run_note(run),
        "",
    ]
    header = "| backend | database | tasks | enqueue/s | drain tasks/s | steady tasks/s |"
    rule = "| --- | --- | ---: | ---: | ---: | ---: |"
    if ratio_key:
        header += f" ratio to {ratio_key.removeprefix('ratio_to_')} |"
        rule += " ---: |"
    lines += [header, rule]
    for row in rows:
        line = (
            f"| {row['backend']} | {row['database']} | {number(row['tasks'])} "
            f"| {number(row['enqueue_per_second'])} | {number(row['drain_per_second'])} "
            f"| {number(row['steady_per_second'])} |"
        )
        if ratio_key:
            line += f" {row[ratio_key]:.2f} |"
        lines.append(line)
    return [*lines, ""]


def loop_section(loop: tuple[dict[str, Any], list[dict[str, Any]]] | None) -> list[str]:
    lines = ["## The test loop of a new project", ""]
    if loop is None:
        return [
            *lines,
            "No test-loop results are in `bench/results/` yet: run",
            "`uv run python bench/test_loop.py --json bench/results/loop.json`, then this report.",
            "",
        ]
    run, rows = loop
    lines += [
        "`bench/test_loop.py` bakes the default project from this template and from an earlier",
        "version of it, and times what a developer waits for: installing the project (with uv's",
        "cache empty, then warm), its tests (as `pytest` runs them, and in one process with",
        "`-n 0` where it runs them in parallel), and `make test` with every gate. *CPU* is the",
        "CPU time of every process the step ran; *speed-up* is the earlier template's wall time",
        "for the step over this one's.",
        "",
        run_note(run),
        "",
        "| template | step | wall s | CPU s | tests | speed-up |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        tests = NO_VALUE if row["tests"] is None else number(row["tests"])
        speedup = NO_VALUE if row["speedup"] is None else f"{row['speedup']:.2f}"
        lines.append(
            f"| {row['template']} | {row['step']} | {row['wall_seconds']:.1f} "
            f"| {row['cpu_seconds']:.1f} | {tests} | {speedup} |"
        )
    return [*lines, ""]


def page(
    events: tuple[dict[str, Any], list[dict[str, Any]]],
    tasks: tuple[dict[str, Any], list[dict[str, Any]]] | None,
    loop: tuple[dict[str, Any], list[dict[str, Any]]] | None = None,
) -> str:
    """The benchmarks page, in Markdown."""
    lines = [
        "# Benchmarks",
        "",
        "<!-- Written by bench/report.py from bench/results/*.json; do not edit by hand. -->",
        "",
        "Every figure and the chart on this page come from the benchmarks' own JSON output in",
        "`bench/results/`. To refresh them, run a benchmark with `--json` (PostgreSQL, Redis and",
        "RabbitMQ on 127.0.0.1), then `uv run python bench/report.py`, which rewrites this page",
        "and its chart. Runs on a shared machine vary by 10 to 20 %: compare ratios, not absolute",
        "figures.",
        "",
        *events_section(*events),
        *tasks_section(tasks),
        *loop_section(loop),
    ]
    return "\n".join(lines)


def event_chart(run: dict[str, Any], rows: list[dict[str, Any]], path: Path) -> None:
    """A bar chart of live and drain events per second for each bus and number of relays."""
    labels = [bus_label(row, separator="\n") for row in rows]
    positions = range(len(rows))
    width = 0.38
    figure, axes = plt.subplots(figsize=(8, 4.5), dpi=100)
    live = axes.bar(
        [x - width / 2 for x in positions],
        [row["events_per_second"] for row in rows],
        width,
        label="live (one publisher)",
        color=LIVE_COLOUR,
    )
    drain = axes.bar(
        [x + width / 2 for x in positions],
        [row["drain_per_second"] or 0 for row in rows],
        width,
        label="drain (backlog)",
        color=DRAIN_COLOUR,
    )
    axes.bar_label(live, fmt="{:,.0f}", fontsize=8, padding=2)
    axes.bar_label(
        drain,
        labels=[
            number(row["drain_per_second"]) if row["drain_per_second"] else "no relay"
            for row in rows
        ],
        fontsize=8,
        padding=2,
    )
    axes.axhline(
        TARGET_EVENTS_PER_SECOND,
        color="#555555",
        linestyle="--",
        linewidth=1,
        label=f"outbox target, live ({number(TARGET_EVENTS_PER_SECOND)}/s)",
    )
    axes.set_xticks(list(positions), labels)
    axes.set_ylabel("events per second")
    axes.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    axes.set_title(f"Event throughput per bus, run of {run['date']}")
    axes.spines[["top", "right"]].set_visible(False)
    axes.margins(y=0.12)
    axes.legend(frameon=False, loc="upper left")
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    # No timestamp or version in the file: the same results give the same bytes.
    figure.savefig(path, metadata={"Software": None})
    plt.close(figure)


def write_report(*, results_dir: Path, docs_dir: Path) -> None:
    events = results_file.read(results_dir / "events.json")
    tasks = results_file.read_if_present(results_dir / "tasks.json")
    loop = results_file.read_if_present(results_dir / "loop.json")
    docs_dir.mkdir(parents=True, exist_ok=True)
    (docs_dir / PAGE).write_text(page(events, tasks, loop), encoding="utf-8")
    event_chart(*events, docs_dir / EVENT_CHART)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=Path, default=RESULTS_DIR, help="the JSON files' folder")
    parser.add_argument("--docs", type=Path, default=DOCS_DIR, help="the documentation folder")
    arguments = parser.parse_args()
    write_report(results_dir=arguments.results, docs_dir=arguments.docs)


if __name__ == "__main__":
    main()
