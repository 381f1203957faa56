from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def cookiecutter_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cookiecutter config that keeps replay files out of the developer's home folder."""
    home = tmp_path_factory.mktemp("cookiecutter-home")
    config_file = home / "config.yaml"
    config_file.write_text(
        f"cookiecutters_dir: {home / 'templates'}\nreplay_dir: {home / 'replay'}\n",
        encoding="utf-8",
    )
    return config_file


@pytest.fixture
def output_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "output"
    folder.mkdir()
    return folder


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the full tier's long tests first, so that the short ones fill in around them."""
    items.sort(key=lambda item: item.get_closest_marker("full") is None)
