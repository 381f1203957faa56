pytest_plugins = [
    "{{ cookiecutter.project_slug }}.core.testing.fixtures",
    "{{ cookiecutter.project_slug }}.modules.users.tests.fixtures",
]
