"""One document made ready to publish: read, corrected, mapped and checked against the shapes.

:func:`prepare` is the work ``reskg load`` does for each file before anything is written — in
this process or in a worker (:mod:`resolutions_kg.parallel`); :mod:`resolutions_kg.publish`
writes what passed. A document is validated with the shared entities it mentions and the
reference graphs beside it, so that it conforms or fails on its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from resolutions_kg.errors import ValidationError
from resolutions_kg.iris import Minter
from resolutions_kg.mapping import Mapped, map_resolution
from resolutions_kg.records import Resolution
from resolutions_kg.reference import reference_graphs


def prepare(path: Path, minter: Minter, *, validate: bool = True, slug: str | None = None
            ) -> tuple[Resolution, Mapped]:
    """Parse, map and validate one file; raises on any problem. Returns (resolution, mapped);
    its IRIs named by ``slug`` when given."""
    from resolutions_kg.corrections import with_corrections
    from resolutions_kg.loaders import load_file

    resolution = with_corrections(load_file(path), path)
    mapped = map_resolution(resolution, minter, slug=slug)
    if validate:
        require_valid_document(mapped, base_iri=minter.base_iri, path=str(path))
    return resolution, mapped


def require_valid_document(mapped: Mapped, *, base_iri: str, path: str | None = None) -> None:
    """Raise :class:`~resolutions_kg.errors.ValidationError` unless the document's triples, with
    the shared entities it mentions, conform to the shapes."""
    from resolutions_kg.validation import require_valid

    known = reference_graphs(base_iri).values()
    require_valid(
        [*mapped.document, *mapped.entities],
        base_iri=base_iri,
        context=[t for graph in known for t in graph],
        path=path,
    )


def require_valid_documents(
    documents: Sequence[Mapped], *, base_iri: str, paths: Sequence[str | None]
) -> list[ValidationError | None]:
    """For each document, the error :func:`require_valid_document` would raise for it (None
    when it conforms): each is validated alone."""
    return [error for error, _ in check_documents(documents, base_iri=base_iri, paths=paths)]


def check_documents(
    documents: Iterable[Mapped | bytes], *, base_iri: str, paths: Sequence[str | None]
) -> list[tuple[ValidationError | None, tuple[str, ...]]]:
    """For each document — mapped, or the N-Triples (UTF-8) of its graph and of the shared
    entities it mentions — the error :func:`require_valid_document` would raise for it (None
    when it conforms) and its SHACL warnings in words; each is validated alone."""
    from resolutions_kg.validation import validate, violations_error

    known = reference_graphs(base_iri).values()
    context = [t for graph in known for t in graph]
    out: list[tuple[ValidationError | None, tuple[str, ...]]] = []
    for mapped, path in zip(documents, paths, strict=True):
        report = validate(mapped if isinstance(mapped, bytes)
                          else [*mapped.document, *mapped.entities],
                          base_iri=base_iri, context=context)
        out.append((None if report.conforms else violations_error(report, path=path),
                    tuple(shacl_warning(r.message) for r in report.warnings)))
    return out


def shacl_warning(message: str) -> str:
    """A SHACL warning as ``reskg load`` and ``reskg validate FILE`` count and print it, beside
    the loader's own warnings."""
    return f"shapes: {message}"
