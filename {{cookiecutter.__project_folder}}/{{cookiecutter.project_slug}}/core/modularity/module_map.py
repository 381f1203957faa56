"""The map of the project's modules, computed from the code: what each holds, publishes,
handles and lets others read, and which modules read it.

Core imports no module: the modules are found at run time, as the installed apps in
`modules/`, and their source is parsed for imports of each other's `api`.
"""

import ast
import importlib
import importlib.util
import inspect
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from django.apps import AppConfig, apps

from {{ cookiecutter.project_slug }}.core.events.base import Event, subscriptions
from {{ cookiecutter.project_slug }}.core.modularity import MODULES_PACKAGE

# Code that never runs in production: its imports are no dependency between modules.
UNMAPPED_FOLDERS = frozenset({"migrations", "tests"})


@dataclass(frozen=True, kw_only=True)
class Module:
    name: str
    models: tuple[str, ...]
    publishes: tuple[str, ...]  # the Event classes its events.py declares
    handles: tuple[str, ...]  # the Event classes its handlers subscribe to
    api: tuple[str, ...]  # the public functions its api.py defines


@dataclass(frozen=True, kw_only=True, order=True)
class Arrow:
    """An arrow of the diagram, from one module to another, labelled with what passes."""

    source: str
    label: str
    target: str


@dataclass(frozen=True, kw_only=True)
class ModuleMap:
    modules: tuple[Module, ...]
    # From the module that declares an event to each module that handles it.
    events: tuple[Arrow, ...]
    # From a module to each module whose api function it imports.
    calls: tuple[Arrow, ...]

    def callers(self, *, module: str, function: str) -> list[str]:
        """The modules that import `function` from `module`'s api."""
        return [
            call.source for call in self.calls if (call.target, call.label) == (module, function)
        ]


def module_map_build() -> ModuleMap:
    """The map of the installed modules: models, declared events, handlers and api calls."""
    configs = {
        name: config
        for config in apps.get_app_configs()
        if (name := _module_name(config)) is not None
    }
    handled: defaultdict[str, set[str]] = defaultdict(set)
    events: set[Arrow] = set()
    for event_type, handler in subscriptions():
        handler_module = _module_name(apps.get_containing_app_config(handler.__module__))
        if handler_module is None:
            continue
        handled[handler_module].add(event_type.__name__)
        publisher = _module_name(apps.get_containing_app_config(event_type.__module__))
        if publisher is not None:
            events.add(Arrow(source=publisher, label=event_type.__name__, target=handler_module))

    api = {name: _defined_in(config, "api", _is_function) for name, config in configs.items()}
    provider_by_api = {f"{config.name}.api": name for name, config in configs.items()}
    calls: set[Arrow] = set()
    for caller, config in configs.items():
        for imported_from, function in _names_imported_by_app(config):
            provider = provider_by_api.get(imported_from)
            if provider is not None and provider != caller and function in api[provider]:
                calls.add(Arrow(source=caller, label=function, target=provider))

    return ModuleMap(
        modules=tuple(
            Module(
                name=name,
                models=tuple(sorted(model.__name__ for model in config.get_models())),
                publishes=_defined_in(config, "events", _is_event_type),
                handles=tuple(sorted(handled[name])),
                api=api[name],
            )
            for name, config in sorted(configs.items())
        ),
        events=tuple(sorted(events)),
        calls=tuple(sorted(calls)),
    )


def module_map_markdown(module_map: ModuleMap) -> str:
    """The map as Markdown: a Mermaid flowchart, then a table with a row per module."""
    lines = [
        "# Modules",
        "",
        "Computed from the code by `python manage.py modules`: `--write` rewrites this file,",
        "`--check` (part of `make test`) fails while it is out of date.",
        "",
        "```mermaid",
        "flowchart LR",
        *(f'    {_node(module.name)}["{module.name}"]' for module in module_map.modules),
        *(
            f"    {_node(arrow.source)} -->|{arrow.label}| {_node(arrow.target)}"
            for arrow in module_map.events
        ),
        *(
            f"    {_node(arrow.source)} -.->|{arrow.label}| {_node(arrow.target)}"
            for arrow in module_map.calls
        ),
        "```",
        "",
        "A solid arrow is an event, from the module that publishes it to a module that handles it;",
        "a dotted arrow is a read, from a module to the module whose `api.py` function it calls.",
        "",
        "| Module | Models | Publishes | Handles | API (called by) |",
        "| --- | --- | --- | --- | --- |",
    ]
    for module in module_map.modules:
        api = [
            _code(function) + _called_by(module_map.callers(module=module.name, function=function))
            for function in module.api
        ]
        cells = [
            _code(module.name),
            _listed(map(_code, module.models)),
            _listed(map(_code, module.publishes)),
            _listed(map(_code, module.handles)),
            _listed(api),
        ]
        lines.append(f"| {' | '.join(cells)} |")
    if not module_map.modules:
        lines += [
            "",
            "No modules yet: a module is a Django app in `modules/`, listed in `LOCAL_APPS`.",
        ]
    return "\n".join(lines) + "\n"


def names_imported(source: str) -> set[tuple[str, str]]:
    """(module, name) for each name that Python source takes from a module it imports.

    `from m import f` gives (m, f); so does `m.f` after `import m`, `import m as x` (`x.f`)
    or `from parent import m`.
    """
    tree = ast.parse(source)
    names: set[tuple[str, str]] = set()
    modules_by_local_name: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                modules_by_local_name[alias.asname or alias.name] = alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                names.add((node.module, alias.name))
                modules_by_local_name[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name | ast.Attribute):
            module = modules_by_local_name.get(ast.unparse(node.value))
            if module is not None:
                names.add((module, node.attr))
    return names


def _module_name(config: AppConfig | None) -> str | None:
    """The module an installed app is ("orders"), or None for an app that is no module."""
    if config is None or not config.name.startswith(f"{MODULES_PACKAGE}."):
        return None
    return config.name.removeprefix(f"{MODULES_PACKAGE}.")


def _defined_in(config: AppConfig, file: str, kind: Callable[[object], bool]) -> tuple[str, ...]:
    """The public names of a kind that an app's file defines (`file` = "api" for api.py)."""
    path = f"{config.name}.{file}"
    if importlib.util.find_spec(path) is None:
        return ()
    module = importlib.import_module(path)
    return tuple(
        sorted(
            name
            for name, value in vars(module).items()
            if not name.startswith("_")
            and kind(value)
            and getattr(value, "__module__", None) == module.__name__
        )
    )


def _is_event_type(value: object) -> bool:
    return isinstance(value, type) and issubclass(value, Event)


def _is_function(value: object) -> bool:
    return callable(value) and inspect.isfunction(inspect.unwrap(value))


def _names_imported_by_app(config: AppConfig) -> set[tuple[str, str]]:
    root = Path(config.path)
    names: set[tuple[str, str]] = set()
    for path in root.rglob("*.py"):
        if not UNMAPPED_FOLDERS.intersection(path.relative_to(root).parts):
            names |= names_imported(path.read_text(encoding="utf-8"))
    return names


def _node(module: str) -> str:
    # A Mermaid id of its own: a module may be named like a Mermaid keyword ("end", "style").
    return f"{module}_module"


def _code(name: str) -> str:
    return f"`{name}`"


def _listed(items: Iterable[str]) -> str:
    return ", ".join(items) or "-"


def _called_by(callers: list[str]) -> str:
    return f" ({', '.join(map(_code, callers))})" if callers else ""
