pytest_plugins = ["{{ cookiecutter.project_slug }}.core.testing.fixtures"]
