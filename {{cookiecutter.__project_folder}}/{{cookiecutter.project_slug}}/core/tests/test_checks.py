"""The cross-module relations check, on throwaway models in an isolated app registry.

Two contrib apps stand in for business modules (MODULES_PACKAGE is pointed at
django.contrib), so the check is shown on real relations whatever modules the project has.
"""

from collections.abc import Iterator

import pytest
from django.apps import apps
from django.apps.registry import Apps
from django.core.checks import CheckMessage
from django.db import models
from django.test.utils import isolate_apps
from pytest_django import Settings

from {{ cookiecutter.project_slug }}.core.modularity import checks
from {{ cookiecutter.project_slug }}.core.modularity.checks import cross_module_relations_check


@pytest.fixture
def registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[Apps]:
    monkeypatch.setattr(checks, "MODULES_PACKAGE", "django.contrib")
    with isolate_apps("django.contrib.auth", "django.contrib.contenttypes") as isolated:
        assert isolated is not None
        yield isolated


@pytest.fixture
def target_model(registry: Apps) -> type[models.Model]:
    """A model of the "contenttypes" module, for the "auth" module's models to point at."""

    class Target(models.Model):
        class Meta:
            app_label = "contenttypes"

    return Target


def run_check(registry: Apps) -> list[CheckMessage]:
    return cross_module_relations_check(app_configs=list(registry.get_app_configs()))


def test_relation_into_another_module_is_an_error(
    registry: Apps, target_model: type[models.Model]
) -> None:
    class Source(models.Model):
        target = models.ForeignKey(target_model, on_delete=models.PROTECT)

        class Meta:
            app_label = "auth"

    [error] = run_check(registry)

    assert error.id == "modules.E001"
    assert error.obj is Source._meta.get_field("target")
    assert "auth.Source.target is a relation to contenttypes.Target" in error.msg
    assert '"contenttypes" to settings.MODULE_RELATIONS_ALLOWED_TO' in (error.hint or "")


def test_string_references_one_to_one_and_many_to_many_are_all_seen(
    registry: Apps, target_model: type[models.Model]
) -> None:
    class Source(models.Model):
        by_string = models.ForeignKey("contenttypes.Target", on_delete=models.PROTECT)
        one = models.OneToOneField(target_model, on_delete=models.PROTECT, related_name="+")
        many = models.ManyToManyField(target_model, related_name="+")

        class Meta:
            app_label = "auth"

    fields = {error.obj.name for error in run_check(registry)}

    assert fields == {"by_string", "one", "many"}


def test_relations_inside_a_module_are_allowed(registry: Apps) -> None:
    class Parent(models.Model):
        class Meta:
            app_label = "auth"

    class Child(models.Model):
        parent = models.ForeignKey(Parent, on_delete=models.CASCADE)
        siblings = models.ManyToManyField("self")

        class Meta:
            app_label = "auth"

    assert run_check(registry) == []


def test_allow_listed_module_may_be_related_to(
    registry: Apps, target_model: type[models.Model], settings: Settings
) -> None:
    settings.MODULE_RELATIONS_ALLOWED_TO = ["contenttypes"]

    class Source(models.Model):
        target = models.ForeignKey(target_model, on_delete=models.PROTECT)

        class Meta:
            app_label = "auth"

    assert run_check(registry) == []


def test_project_models_pass() -> None:
    """The project as it stands: its one cross-module relation target, users, is allowed."""
    assert cross_module_relations_check(app_configs=list(apps.get_app_configs())) == []
