"""Jinja extension that gives the hooks the baked project's own naming rules.

The rules live once, in the generated project's `core/modularity/naming.py`; the
pre-generation hook embeds that file's source so the template and the baked project refuse
the same names.

Not named `local_extensions`: `cruft update` renders two versions of the template in one
process, and Python would hand the second the first one's cached module. The file is found
when the extension starts, not when it is imported, for the same reason.
"""

from pathlib import Path

from jinja2.ext import Extension

PROJECT_TEMPLATE = Path(__file__).parent / "{{cookiecutter.__project_folder}}"


class NamingRulesExtension(Extension):
    def __init__(self, environment):
        super().__init__(environment)
        (rules,) = PROJECT_TEMPLATE.glob("*/core/**/naming.py")
        environment.globals["naming_rules_source"] = rules.read_text(encoding="utf-8")
