"""A new business module from the skeleton in module_skeleton/, registered and ready.

`manage.py startmodule` calls `module_create`. Everything is checked and rendered before the
first write, so a refused name, an existing module or an unexpected settings file leaves the
project untouched.
"""

import keyword
import re
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.template import Context, Engine

from {{ cookiecutter.project_slug }}.core.modularity import MODULES_PACKAGE
from {{ cookiecutter.project_slug }}.core.modularity.naming import MAX_NAME_LENGTH, name_problem

SKELETON = Path(__file__).parent / "module_skeleton"
TEMPLATE_SUFFIX = "-tpl"
CAMEL_CASE_IDENTIFIER = re.compile(r"[A-Z][A-Za-z0-9]*")
# Names the skeleton's files import; a model variable of the same name would shadow them.
SKELETON_NAMES = frozenset(
    {"admin", "extend_schema", "factory", "models", "path", "publish", "pytest", "serializers"}
    | {"settings", "status", "timezone", "transaction", "uuid"}
)
# Where startmodule registers a module: the first "]" line after each opening line.
INSTALLED_APPS_LIST = "LOCAL_APPS = ["
API_URLS_LIST = "api_urlpatterns: list[URLPattern | URLResolver] = ["


class ModuleCreationError(Exception):
    """The module cannot be created; nothing was written."""


@dataclass(frozen=True)
class Registration:
    path: Path
    text: str


def module_create(*, name: str, model_class: str, package_dir: Path) -> list[Path]:
    """Create module `name` with a starter model `model_class`; return the files written."""
    _refuse_bad_names(name=name, model_class=model_class)
    module_dir = package_dir / "modules" / name
    if module_dir.exists():
        raise ModuleCreationError(f"{module_dir} already exists; nothing was changed")
    package = package_dir.name
    registrations = [
        _registered(
            package_dir / "config" / "settings" / "modules.py",
            opening=INSTALLED_APPS_LIST,
            marker=f'"{MODULES_PACKAGE}.{name}"',
            entry=[f'    "{MODULES_PACKAGE}.{name}",'],
        ),
        _registered(
            package_dir / "config" / "urls.py",
            opening=API_URLS_LIST,
            marker=f'"{MODULES_PACKAGE}.{name}.urls"',
            # Exploded, so the line stays formatted whatever the length of the names.
            entry=[
                "    path(",
                f'        "{name}/",',
                f'        include("{MODULES_PACKAGE}.{name}.urls"),',
                "    ),",
            ],
        ),
    ]
    files = _rendered_skeleton(
        skeleton_context(package=package, name=name, model_class=model_class)
    )

    module_dir.mkdir()
    written = []
    for relative_path, text in files.items():
        path = module_dir / relative_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    for registration in registrations:
        registration.path.write_text(registration.text, encoding="utf-8")
        written.append(registration.path)
    return written


def default_model_class(name: str) -> str:
    """A model name for module `name`: billing -> Billing, customer_accounts -> CustomerAccount.

    A guess at the singular, good for regular plurals; --model names anything else.
    """
    if name.endswith("ies"):
        singular = f"{name[:-3]}y"
    elif name.endswith("s") and not name.endswith("ss"):
        singular = name[:-1]
    else:
        singular = name
    return "".join(part.capitalize() for part in singular.split("_"))


def skeleton_context(*, package: str, name: str, model_class: str) -> dict[str, str]:
    model_snake = _snake_case(model_class)
    return {
        "package": package,
        "module": name,
        "module_class": "".join(part.capitalize() for part in name.split("_")),
        "module_title": name.replace("_", " ").capitalize(),
        "model_class": model_class,
        "model_snake": model_snake,
        "model_words": model_snake.replace("_", " "),
        "model_slug": model_snake.replace("_", "-"),
        "model_lower": model_class.lower(),
    }


def _refuse_bad_names(*, name: str, model_class: str) -> None:
    problem = name_problem(name, kind="module name")
    if problem:
        raise ModuleCreationError(problem)
    if apps.is_installed(f"{MODULES_PACKAGE}.{name}") or name in apps.app_configs:
        raise ModuleCreationError(f"an installed app already has the label {name!r}")
    if not CAMEL_CASE_IDENTIFIER.fullmatch(model_class) or len(model_class) > MAX_NAME_LENGTH:
        raise ModuleCreationError(
            f"the model name {model_class!r} must be CamelCase ASCII letters and digits, "
            f"starting with a capital, at most {MAX_NAME_LENGTH} characters"
        )
    model_snake = _snake_case(model_class)
    if keyword.iskeyword(model_snake) or model_snake in SKELETON_NAMES:
        raise ModuleCreationError(
            f"the model name {model_class!r} would make {model_snake!r} a variable, "
            "which Python or the starter code already uses; choose another with --model"
        )


def _registered(path: Path, *, opening: str, marker: str, entry: list[str]) -> Registration:
    text = path.read_text(encoding="utf-8")
    if marker in text:
        raise ModuleCreationError(f"{path} already registers the module; nothing was changed")
    lines = text.splitlines(keepends=True)
    stripped = [line.rstrip("\n") for line in lines]
    added = [f"{line}\n" for line in entry]
    # An empty list is one line, as the formatter writes it: open it up.
    empty = f"{opening}]"
    if empty in stripped:
        at = stripped.index(empty)
        new_lines = [*lines[:at], f"{opening}\n", *added, "]\n", *lines[at + 1 :]]
        return Registration(path=path, text="".join(new_lines))
    if opening not in stripped or "]" not in stripped[stripped.index(opening) :]:
        raise ModuleCreationError(
            f"{path} has no {opening!r} list ending with a ']' line; nothing was changed"
        )
    closing = stripped.index("]", stripped.index(opening))
    return Registration(path=path, text="".join([*lines[:closing], *added, *lines[closing:]]))


def _rendered_skeleton(context: dict[str, str]) -> dict[Path, str]:
    engine = Engine(autoescape=False)
    rendered: dict[Path, str] = {}
    for template in sorted(SKELETON.rglob(f"*{TEMPLATE_SUFFIX}")):
        relative = template.relative_to(SKELETON).as_posix().removesuffix(TEMPLATE_SUFFIX)
        source = template.read_text(encoding="utf-8")
        rendered[Path(relative)] = engine.from_string(source).render(Context(context))
    return rendered


def _snake_case(camel: str) -> str:
    words = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", camel)
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", words).lower()
