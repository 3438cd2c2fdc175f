"""The one exception tree of resolutions-kg, with each class's HTTP status.

    ResolutionsKGError            500  every error this package raises on purpose
    ├── InputError                400  a source document cannot be used
    │   ├── UnreadableInputError  400  empty, binary, undecodable, unsupported format
    │   ├── NotAResolutionError   400  readable text, but not a resolution of the genre
    │   ├── RegistryError         500  a row of the organisations registry or gazetteer (file, row)
    │   └── CorrectionsError      500  a curator's corrections file is not valid (file, line)
    ├── RoleModelError            500  the shipped block-role model does not fit the code
    ├── ValidationError           400  the RDF fails the SHACL shapes (nothing is published)
    ├── UnsupportedShapeError     500  the shapes use SHACL the validator does not compile
    ├── StoreError                500  the store cannot be opened, read or written
    ├── RemoteStoreError          502  the SPARQL store behind a --backend server fails
    ├── QueryError                400  a query cannot be run
    │   ├── UnknownQueryError     404  no named query of that name
    │   ├── ParameterError        400  a missing or mistyped parameter
    │   ├── QueryRefusedError     400  the text nests too deep, or calls SERVICE/LOAD unallowed
    │   ├── QuerySyntaxError      400  the SPARQL text does not parse
    │   ├── QueryEvaluationError  400  it parses, but the engine will not run it
    │   ├── QueryTimeoutError     503  the query ran past its time limit and was stopped
    │   │   └── QueryMemoryError  503  … or past its memory limit (answered the same way)
    │   ├── ResultTooLargeError   503  the result grew past its size limit; the query was stopped
    │   ├── NotAcceptableError    406  no result format fits the client's Accept header
    │   └── DatasetConflictError  400  dataset given both in the request and in the update text
    ├── WorkerError               500  a query worker process died or answered nonsense
    ├── ReconciliationError       502  a reconciliation endpoint fails or answers nonsense
    ├── PushError                 502  a graph could not be sent to (or verified in) another store
    │   └── PushAuthError         502  the other store refused our credentials
    ├── ReleaseError              500  a release cannot be made: bad version or metadata, exists
    ├── SettingsError             500  a setting has a value it cannot take
    ├── ServerError               500  the server could not start
    └── HTTPError                 its own  a route's answer to a request it cannot serve

The timeouts (QueryTimeoutError, QueryMemoryError) carry ``Retry-After: 1``. Every class exits
``reskg`` with code 1.

Library code raises these; only the two edges turn them into answers, each in one place, from
the class attributes (``http_status``, ``retry_after``, ``exit_code``): the server's exception
handler for ``ResolutionsKGError`` (``endpoint/errors.py``; a 500 is a fault of ours, logged with
its traceback and answered without details) and the ``reskg`` command group
(``cli/__init__.py``: one line on stderr, the exit code). Errors about a source document carry
the file, and the line and column where they apply, and render as ``file:line:col: message``.
"""

from __future__ import annotations

from collections.abc import Mapping


class ResolutionsKGError(Exception):
    """Base of every error raised on purpose by resolutions-kg.

    ``http_status``: the server's answer (500: a fault of ours); ``retry_after``: seconds for a
    ``Retry-After`` header, for errors that pass (None: none); ``exit_code``: of ``reskg``;
    ``http_prefix``: what the message starts with in an HTTP answer."""

    http_status: int = 500
    retry_after: int | None = None
    exit_code: int = 1
    http_prefix: str = ""

    def http_message(self) -> str:
        """The message of the HTTP answer."""
        return f"{self.http_prefix}: {self}" if self.http_prefix else str(self)

    def http_headers(self) -> dict[str, str]:
        """The headers of the HTTP answer beside those of every error."""
        return {} if self.retry_after is None else {"Retry-After": str(self.retry_after)}


class InputError(ResolutionsKGError):
    """A source document cannot be used. Carries the file and, where known, line and column."""

    http_status = 400

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ":".join(
            str(part) for part in (self.path, self.line, self.column) if part is not None
        )
        return f"{where}: {self.message}" if where else self.message


class UnreadableInputError(InputError):
    """Empty, binary, undecodable or of an unsupported format."""


class NotAResolutionError(InputError):
    """Readable text that is not a resolution (no document type, event or recommendations)."""


class RegistryError(InputError):
    """A row of the organisations registry or the gazetteer cannot be used (file and row)."""

    http_status = 500  # the server's own file


class CorrectionsError(InputError):
    """A ``.corrections.yaml`` file cannot be used: bad YAML, an unknown key or field, a value
    of the wrong type (file and line). Nothing of the file applies."""

    http_status = 500  # the server's own file


class RoleModelError(ResolutionsKGError, ValueError):
    """The shipped block-role model does not fit this code (other features or roles); still a
    ``ValueError``, as it was before it joined the tree."""


class ValidationError(ResolutionsKGError):
    """The generated RDF violates the SHACL shapes; ``report`` is the human-readable report."""

    http_status = 400

    def __init__(self, message: str, *, report: str = "", path: str | None = None) -> None:
        self.report = report
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class UnsupportedShapeError(ResolutionsKGError):
    """A SHACL shape uses what :mod:`resolutions_kg.validation` does not compile (raised when
    the shapes are compiled, so that no shape is silently ignored)."""


class StoreError(ResolutionsKGError):
    """The store cannot be opened, read or written."""


class RemoteStoreError(ResolutionsKGError):
    """The SPARQL store a ``--backend`` server answers from cannot be reached, or answers with
    an error or with results it cannot read."""

    http_status = 502


class QueryError(ResolutionsKGError):
    """A query cannot be run."""

    http_status = 400


class UnknownQueryError(QueryError):
    """No named query has this name."""

    http_status = 404


class ParameterError(QueryError):
    """A query parameter is missing, unknown or of the wrong type."""


class QueryRefusedError(QueryError):
    """A query or update this server will not run (:mod:`resolutions_kg.sparql_guard`):
    it nests too deep, or calls a remote IRI. ``setting`` names the setting that decides."""

    def __init__(self, message: str, *, setting: str) -> None:
        self.setting = setting
        super().__init__(message)


class QuerySyntaxError(QueryError):
    """The query does not parse; the message is the parser's."""

    http_prefix = "Query syntax error"


class QueryEvaluationError(QueryError):
    """The query parses but the engine will not run it (an unsupported function …); the
    message is the engine's."""

    http_prefix = "Query error"


class QueryTimeoutError(QueryError):
    """The query ran past its time limit and was stopped (or the server was too busy to start
    it in time): try again."""

    http_status = 503
    retry_after = 1
    http_prefix = "Query stopped"

    def http_message(self) -> str:
        return f"{super().http_message()}."


class QueryMemoryError(QueryTimeoutError):
    """The query needed more memory than its limit and was stopped (answered like a timeout)."""


class ResultTooLargeError(QueryError):
    """The serialised result grew past its size limit; the query was stopped."""

    http_status = 503
    http_prefix = "Query stopped"

    def http_message(self) -> str:
        return (f"{super().http_message()} (setting max_result_bytes); ask for less, e.g. with "
                f"LIMIT, or download a dump.")


class NotAcceptableError(QueryError):
    """The query's result kind (``results`` or ``graph``) has no acceptable format."""

    http_status = 406

    def __init__(self, kind: str) -> None:
        self.kind = kind
        super().__init__(kind)

    def http_message(self) -> str:
        return f"No acceptable format for these {self.kind}."


class DatasetConflictError(QueryError):
    """``using-graph-uri``/``using-named-graph-uri`` given for an update with USING or WITH."""


class WorkerError(ResolutionsKGError):
    """A worker failed (crashed, or the store could not be read)."""


class ReconciliationError(ResolutionsKGError):
    """The reconciliation endpoint cannot be reached or gives an unusable answer."""

    http_status = 502


class PushError(ResolutionsKGError):
    """The target store cannot be reached, refuses our data, or holds other counts."""

    http_status = 502


class PushAuthError(PushError):
    """The target store refuses our credentials: no graph can go, so the push stops."""


class ReleaseError(ResolutionsKGError):
    """A release cannot be written: an invalid version, one that exists, bad metadata."""


class SettingsError(ResolutionsKGError):
    """A setting (option or RESKG_* variable) has a value it cannot take."""


class ServerError(ResolutionsKGError):
    """The server could not start (its processes failed at start-up; the log says why)."""


class HTTPError(ResolutionsKGError):
    """A route's answer to a request it cannot serve: its own status, message and headers."""

    def __init__(
        self, status: int, message: str, *, headers: Mapping[str, str] | None = None
    ) -> None:
        self.status = self.http_status = status
        self.message = message
        self.headers = dict(headers or {})
        super().__init__(f"{status}: {message}")

    def http_message(self) -> str:
        return self.message

    def http_headers(self) -> dict[str, str]:
        return dict(self.headers)
