from typing import Any


def assert_error_response(response: Any, *, status: int, code: str) -> dict[str, Any]:
    """Check the one error shape of the API and return its body for further assertions."""
    body: dict[str, Any] = response.json()
    assert response.status_code == status, body
    assert set(body) == {"code", "message", "extra"}, body
    assert body["code"] == code, body
    assert isinstance(body["message"], str)
    assert body["message"]
    return body
