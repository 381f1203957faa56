from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from pytest_django import Settings

from {{ cookiecutter.project_slug }}.core.modularity.module_map import (
    Arrow,
    Module,
    ModuleMap,
    module_map_build,
    module_map_markdown,
    names_imported,
)

SHIPPING_AND_BILLING = ModuleMap(
    modules=(
        Module(
            name="billing",
            models=("Invoice",),
            publishes=("InvoicePaid",),
            handles=("ParcelSent",),
            api=("invoice_total_get", "invoices_unpaid_count"),
        ),
        Module(name="shipping", models=(), publishes=("ParcelSent",), handles=(), api=()),
    ),
    events=(Arrow(source="shipping", label="ParcelSent", target="billing"),),
    calls=(Arrow(source="shipping", label="invoice_total_get", target="billing"),),
)


def test_names_imported_finds_names_and_attributes_of_imported_modules() -> None:
    source = """
import billing.api
import payments.api as payments_api
from orders import api
from stock.api import stock_get, stock_list as list_stock
from . import sibling


def place() -> None:
    billing.api.invoice_create()
    payments_api.payment_take()
    api.order_get()
    billing.other.thing()
"""

    assert names_imported(source) == {
        ("billing.api", "invoice_create"),
        ("payments.api", "payment_take"),
        ("orders", "api"),
        ("orders.api", "order_get"),
        ("stock.api", "stock_get"),
        ("stock.api", "stock_list"),
    }


def test_module_map_markdown_draws_events_solid_and_api_calls_dotted() -> None:
    markdown = module_map_markdown(SHIPPING_AND_BILLING)

    diagram = markdown.split("```mermaid\n")[1].split("```")[0]
    assert diagram.splitlines() == [
        "flowchart LR",
        '    billing_module["billing"]',
        '    shipping_module["shipping"]',
        "    shipping_module -->|ParcelSent| billing_module",
        "    shipping_module -.->|invoice_total_get| billing_module",
    ]
    assert markdown.endswith(
        "| Module | Models | Publishes | Handles | API (called by) |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| `billing` | `Invoice` | `InvoicePaid` | `ParcelSent` |"
        " `invoice_total_get` (`shipping`), `invoices_unpaid_count` |\n"
        "| `shipping` | - | `ParcelSent` | - | - |\n"
    )


def test_module_map_markdown_of_no_modules_is_an_empty_diagram_and_a_note() -> None:
    markdown = module_map_markdown(ModuleMap(modules=(), events=(), calls=()))

    assert "```mermaid\nflowchart LR\n```" in markdown
    assert markdown.endswith(
        "| --- | --- | --- | --- | --- |\n\n"
        "No modules yet: a module is a Django app in `modules/`, listed in `LOCAL_APPS`.\n"
    )


def test_modules_command_prints_the_map(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("modules")

    assert capsys.readouterr().out == module_map_markdown(module_map_build())


def test_modules_write_creates_docs_modules_md_and_rewrites_it_identically(
    settings: Settings, tmp_path: Path
) -> None:
    settings.BASE_DIR = tmp_path
    document = tmp_path / "docs" / "modules.md"

    call_command("modules", "--write")
    written = document.read_text(encoding="utf-8")
    call_command("modules", "--write")

    assert written == module_map_markdown(module_map_build())
    assert document.read_text(encoding="utf-8") == written
    call_command("modules", "--check")


@pytest.mark.parametrize("content", [None, "# Modules\n\nWritten by hand.\n"])
def test_modules_check_fails_when_docs_modules_md_is_missing_or_stale(
    settings: Settings, tmp_path: Path, content: str | None
) -> None:
    settings.BASE_DIR = tmp_path
    if content is not None:
        (tmp_path / "docs").mkdir()
        (tmp_path / "docs" / "modules.md").write_text(content, encoding="utf-8")

    with pytest.raises(CommandError, match="out of date"):
        call_command("modules", "--check")
