"""What every review page shares: the templates, the signed-in user and their rights."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from lookthrough.api.auth import Principal
from lookthrough.review import Role
from lookthrough.web.session import check_csrf, csrf_token, page_user
from lookthrough.web.templating import ENV

templates = Jinja2Templates(env=ENV)
PageViewer = Annotated[Principal, Depends(page_user(Role.VIEWER))]
PageReviewer = Annotated[Principal, Depends(page_user(Role.REVIEWER))]
CSRF = [Depends(check_csrf)]


def page(
    request: Request, name: str, user: Principal | None, status: int = 200, **context: Any
) -> HTMLResponse:
    """Render a template with the user, their rights and the session's CSRF token."""
    can_decide = bool(user and user.role >= Role.REVIEWER)
    context.update(user=user, csrf=csrf_token(request), can_decide=can_decide)
    return templates.TemplateResponse(request, name, context, status_code=status)
