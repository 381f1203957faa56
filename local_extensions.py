"""Jinja extension that gives the hooks the baked project's own naming rules.

The rules live once, in the generated project's `core/modularity/naming.py`; the pre-generation hook
embeds that file's source so the template and the baked project refuse the same names.
"""

from pathlib import Path

from jinja2.ext import Extension

NAMING_RULES = (
    Path(__file__).parent
    / "{{cookiecutter.__project_folder}}"
    / "{{cookiecutter.project_slug}}"
    / "core"
    / "modularity"
    / "naming.py"
)


class NamingRulesExtension(Extension):
    def __init__(self, environment):
        super().__init__(environment)
        environment.globals["naming_rules_source"] = NAMING_RULES.read_text(encoding="utf-8")
