"""Who may write: the bearer token configured at start.

Reads are open to all. SPARQL Update and Graph Store writes need ``Authorization: Bearer <token>``
with the token given to ``reskg serve --update-token``. No or malformed credentials → 401 with
``WWW-Authenticate: Bearer``; a wrong token → 403; a server started without a token is read-only
and refuses every write with 403.
"""

from __future__ import annotations

import hmac

from starlette.requests import Request

from resolutions_kg.endpoint.errors import HTTPError

REALM = 'Bearer realm="resolutions-kg"'


def require_writer(request: Request) -> None:
    """Raise HTTPError unless the request carries the configured update token."""
    token = request.app.state.ctx.settings.get("update_token")
    if not token:
        raise HTTPError(
            403, "This server is read-only: it was started without an update token."
        )
    header = request.headers.get("authorization", "")
    scheme, _, credentials = header.strip().partition(" ")
    credentials = credentials.strip()
    if scheme.lower() != "bearer" or not credentials or " " in credentials:
        raise HTTPError(
            401,
            "Writing needs 'Authorization: Bearer <token>'.",
            headers={"WWW-Authenticate": REALM},
        )
    if not hmac.compare_digest(credentials.encode(), str(token).encode()):
        raise HTTPError(
            403,
            "The bearer token is not the update token of this server.",
            headers={"WWW-Authenticate": REALM + ', error="invalid_token"'},
        )
