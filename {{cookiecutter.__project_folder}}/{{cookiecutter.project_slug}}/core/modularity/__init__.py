"""Developer tooling for the module layout: the relations check, the module map, `startmodule`
and the skeleton it copies."""

# Where business modules live; every module is a Django app directly under it.
MODULES_PACKAGE = "{{ cookiecutter.project_slug }}.modules"
