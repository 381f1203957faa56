from typing import Any

JSON_SCALARS = (str, int, float, bool, type(None))


def require_json_primitive(value: Any, *, where: str) -> None:
    """Refuse anything but JSON scalars, lists and string-keyed objects of them.

    Task arguments and event payloads cross process boundaries as JSON: a model instance or a
    datetime would fail there, later and further from the mistake.
    """
    if isinstance(value, JSON_SCALARS):
        return
    if isinstance(value, list | tuple):
        for item in value:
            require_json_primitive(item, where=where)
        return
    if isinstance(value, dict) and all(isinstance(key, str) for key in value):
        for item in value.values():
            require_json_primitive(item, where=where)
        return
    raise TypeError(f"{where} got a {type(value).__name__}; only JSON primitives can cross over")
