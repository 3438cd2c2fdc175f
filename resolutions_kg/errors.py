"""The one exception tree of resolutions-kg.

    ResolutionsKGError                 every error this package raises on purpose
    ├── InputError                     a source document cannot be used
    │   ├── UnreadableInputError       empty, binary, undecodable, unsupported format
    │   ├── NotAResolutionError        readable text, but not a resolution of the genre
    │   ├── RegistryError              a row of the organisations registry or gazetteer (file, row)
    │   └── CorrectionsError           a curator's corrections file is not valid (file, line)
    ├── ValidationError                the RDF fails the SHACL shapes (nothing is published)
    ├── UnsupportedShapeError          the shapes use SHACL the validator does not compile
    ├── StoreError                     the store cannot be opened, read or written
    ├── QueryError                     a named query is unknown, or its parameters are wrong
    │   ├── ParameterError             a missing or mistyped parameter
    │   ├── QueryRefusedError          the text nests too deep, or calls SERVICE/LOAD unallowed
    │   ├── QuerySyntaxError *         the SPARQL text does not parse
    │   ├── QueryEvaluationError *     it parses, but the engine will not run it
    │   ├── QueryTimeoutError *        the query ran past its time limit and was stopped
    │   │   └── QueryMemoryError *     … or past its memory limit (answered the same way: 503)
    │   ├── ResultTooLargeError *      the result grew past its size limit; the query was stopped
    │   ├── NotAcceptableError *       no result format fits the client's Accept header
    │   └── DatasetConflictError **    dataset given both in the request and in the update text
    ├── WorkerError *                  a query worker process died or answered nonsense
    ├── ReconciliationError            a reconciliation endpoint fails or answers nonsense
    ├── PushError ***                  a graph could not be sent to (or verified in) another store
    │   └── PushAuthError ***          the other store refused our credentials
    ├── ReleaseError                   a release cannot be made: bad version or metadata, exists
    ├── SettingsError                  a setting has a value it cannot take
    └── ServerError                    the server could not start

(* defined in ``resolutions_kg.endpoint.executor``, ** in
``resolutions_kg.endpoint.update_dataset``, *** in ``resolutions_kg.push``, beside the code that
raises them.)

Library code raises these; only the CLI and the HTTP layer turn them into messages, exit codes and
status codes. Errors about a source document carry the file, and the line and column where they
apply, and render as ``file:line:col: message``.
"""

from __future__ import annotations


class ResolutionsKGError(Exception):
    """Base of every error raised on purpose by resolutions-kg."""


class InputError(ResolutionsKGError):
    """A source document cannot be used. Carries the file and, where known, line and column."""

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


class CorrectionsError(InputError):
    """A ``.corrections.yaml`` file cannot be used: bad YAML, an unknown key or field, a value
    of the wrong type (file and line). Nothing of the file applies."""


class ValidationError(ResolutionsKGError):
    """The generated RDF violates the SHACL shapes; ``report`` is the human-readable report."""

    def __init__(self, message: str, *, report: str = "", path: str | None = None) -> None:
        self.report = report
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class UnsupportedShapeError(ResolutionsKGError):
    """A SHACL shape uses what :mod:`resolutions_kg.validation` does not compile (raised when
    the shapes are compiled, so that no shape is silently ignored)."""


class StoreError(ResolutionsKGError):
    """The store cannot be opened, read or written."""


class QueryError(ResolutionsKGError):
    """A named query is unknown or cannot be run."""


class ParameterError(QueryError):
    """A query parameter is missing, unknown or of the wrong type."""


class QueryRefusedError(QueryError):
    """A query or update this server will not run (:mod:`resolutions_kg.sparql_guard`):
    it nests too deep, or calls a remote IRI. ``setting`` names the setting that decides."""

    def __init__(self, message: str, *, setting: str) -> None:
        self.setting = setting
        super().__init__(message)


class ReconciliationError(ResolutionsKGError):
    """The reconciliation endpoint cannot be reached or gives an unusable answer."""


class ReleaseError(ResolutionsKGError):
    """A release cannot be written: an invalid version, one that exists, bad metadata."""


class SettingsError(ResolutionsKGError):
    """A setting (option or RESKG_* variable) has a value it cannot take."""


class ServerError(ResolutionsKGError):
    """The server could not start (its processes failed at start-up; the log says why)."""
