"""The HTTP interface: `create_app()` builds it; routers live in `routers/`."""

from lookthrough.api.app import create_app

__all__ = ["create_app"]
