import pytest

from {{ cookiecutter.project_slug }}.core.modularity.naming import name_problem


@pytest.mark.parametrize("name", ["billing", "customer_accounts", "shipping2"])
def test_name_problem_accepts_lowercase_identifiers(name: str) -> None:
    assert name_problem(name, kind="module name") is None


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("", "is empty"),
        ("Billing", "must start with a lowercase letter"),
        ("2fa", "must start with a lowercase letter"),
        ("bill-ing", "lowercase ASCII letters"),
        ("x" * 31, "longer than 30 characters"),
        ("lambda", "Python keyword"),
        ("type", "Python keyword"),
        ("logging", "standard library"),
        ("sessions", "Django's own app"),
        ("core", "already used"),
    ],
)
def test_name_problem_explains_the_refusal(name: str, reason: str) -> None:
    problem = name_problem(name, kind="module name")

    assert problem is not None
    assert reason in problem
    assert problem.startswith("the module name")
