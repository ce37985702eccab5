"""The OpenAPI description, as strict as the server: a form field can be left out but never sent
as null (multipart has no null), so optional form fields are described without it; and the
limits every request meets (413, 414) are documented on every operation."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

FORMS = ("multipart/form-data", "application/x-www-form-urlencoded")
ERROR = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}}
"""Every operation may answer 414 (URL too long), and one with a body 413 (body too large)."""


def strict_openapi(app: FastAPI) -> dict[str, Any]:
    """The description FastAPI makes, with nullable form fields made plain optional ones."""
    if app.openapi_schema is None:
        spec = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        components = spec.get("components", {}).get("schemas", {})
        for name in _form_schemas(spec):
            for field in components.get(name, {}).get("properties", {}).values():
                _drop_null(field)
        for path in spec.get("paths", {}).values():
            for method, operation in path.items():
                responses = operation.setdefault("responses", {})
                responses.setdefault("414", {"description": "URL too long", "content": ERROR})
                if method in ("post", "put", "patch"):
                    responses.setdefault("413", {"description": "Body too large", "content": ERROR})
        app.openapi_schema = spec
    return app.openapi_schema


def _form_schemas(spec: dict[str, Any]) -> set[str]:
    names = set()
    for path in spec.get("paths", {}).values():
        for operation in path.values():
            content = (
                operation.get("requestBody", {}).get("content", {}) if isinstance(operation, dict) else {}
            )
            for media, body in content.items():
                ref = body.get("schema", {}).get("$ref", "")
                if media in FORMS and ref:
                    names.add(ref.rsplit("/", 1)[-1])
    return names


def _drop_null(field: dict[str, Any]) -> None:
    options = [o for o in field.get("anyOf", []) if o.get("type") != "null"]
    if "anyOf" in field and len(options) == 1:
        del field["anyOf"]
        field.update(options[0])
    if field.get("default", 0) is None:
        del field["default"]
