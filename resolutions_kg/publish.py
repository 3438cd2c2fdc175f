"""Publishing: source files → records → RDF → SHACL → the store, one document at a time.

:func:`publish` is what ``reskg load`` calls. For every file it reads and parses the document
(``resolutions_kg.loaders``), applies the curator's corrections beside it
(:mod:`resolutions_kg.corrections`), maps it to triples (:mod:`resolutions_kg.mapping`) and
validates the result against the shapes (:mod:`resolutions_kg.validation`) — those steps are
:func:`resolutions_kg.preparation.prepare`, run in worker processes (:mod:`.parallel`) — and,
only if it conforms, replaces the document's named graph in one transaction
(:func:`resolutions_kg.store.replace_graphs`). A document that fails at any step is reported
and leaves the store as it was; the others still load. A file whose bytes — and whose
corrections file's bytes — are already published is skipped.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from resolutions_kg import store as st
from resolutions_kg.errors import InputError, ResolutionsKGError, StoreError
from resolutions_kg.iris import Minter
from resolutions_kg.literals import N
from resolutions_kg.namespaces import RDFS, RESKG, SKOS
from resolutions_kg.parallel import Failed, Prepared, Task, outcome, prepare_in_order
from resolutions_kg.reference import reference_graphs

#: Package data files of each system graph; reference data uses IRIs relative to the base IRI.
_SYSTEM_FILES = {
    "ontology": ("reskg.ttl",),
    "shapes": ("shapes.ttl",),
    "reference": ("schemes.ttl", "topics.ttl"),
}


@dataclass
class DocumentResult:
    """What happened to one file."""

    path: Path
    status: str  # "loaded", "unchanged", "failed"
    graph: str | None = None
    resolution: str | None = None
    triples: int = 0
    recommendations: int = 0
    warnings: tuple[str, ...] = ()
    error: str | None = None


@dataclass
class PublishReport:
    documents: list[DocumentResult] = field(default_factory=list)
    #: the store version after the run (:func:`resolutions_kg.store.store_version`); empty when
    #: nothing was loaded
    version: str = ""

    @property
    def failed(self) -> list[DocumentResult]:
        return [d for d in self.documents if d.status == "failed"]

    def count(self, status: str) -> int:
        return sum(1 for d in self.documents if d.status == status)


def supported_suffixes() -> frozenset[str]:
    from resolutions_kg.loaders import SUPPORTED_SUFFIXES

    return frozenset(SUPPORTED_SUFFIXES)


def collect_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The files to load: each file given, and every supported file below each folder given
    (corrections files, ``*.corrections.yaml``, are read with their document, never as one)."""
    from resolutions_kg.curation import is_corrections_file

    suffixes = supported_suffixes()
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in suffixes
                       and not is_corrections_file(p))
            )
        elif path.is_file():
            files.append(path)
        else:
            raise InputError("no such file or folder", path=str(path))
    return list(dict.fromkeys(files))


def system_graph_triples(name: str, base_iri: str) -> list[ox.Triple]:
    """The triples of one system graph, read from the package data.

    Blank nodes (the shapes have many) are skolemised to ``{base}.well-known/genid/{name}-{n}``,
    numbered in file order: blank nodes would get fresh labels on every load, and the same
    package data must always give the same dump."""
    triples: list[ox.Triple] = []
    labels: dict[str, ox.NamedNode] = {}

    def stable(term: Any) -> Any:
        if isinstance(term, ox.BlankNode):
            if term.value not in labels:
                labels[term.value] = ox.NamedNode(
                    f"{base_iri}.well-known/genid/{name}-{len(labels) + 1}"
                )
            return labels[term.value]
        return term

    folder = resources.files("resolutions_kg.ontology")
    for filename in _SYSTEM_FILES[name]:
        data = (folder / filename).read_bytes()
        for quad in ox.parse(data, format=ox.RdfFormat.TURTLE, base_iri=base_iri):
            triples.append(ox.Triple(stable(quad.subject), quad.predicate, stable(quad.object)))
    return triples


def published_sources(store: ox.Store) -> dict[str, tuple[str, str, str]]:
    """For every published document: original sha256 → (graph IRI, file name, sha256 of the
    corrections file applied, or "")."""
    query = f"""
        SELECT ?g ?sha ?name ?corrections WHERE {{ GRAPH ?g {{
            ?s a <{RESKG.SourceText}> ; <{RESKG.originalSha256}> ?sha ;
               <http://www.w3.org/2000/01/rdf-schema#label> ?name .
            OPTIONAL {{ ?s <{RESKG.correctionsSha256}> ?corrections }} }} }}"""
    out: dict[str, tuple[str, str, str]] = {}
    for row in store.query(query):  # type: ignore[union-attr]
        corrections = row["corrections"]
        out[row["sha"].value] = (row["g"].value, row["name"].value,
                                 corrections.value if corrections is not None else "")
    return out


def corrections_digest(path: Path) -> str:
    """sha256 of the corrections file beside ``path`` ("" when there is none)."""
    from resolutions_kg.curation import corrections_path

    try:
        return hashlib.sha256(corrections_path(path).read_bytes()).hexdigest()
    except FileNotFoundError:
        return ""
    except OSError:  # unreadable: prepare it again, and let reading it say why
        return "unreadable"


def system_graphs(base_iri: str) -> dict[str, list[ox.Triple]]:
    """Graph IRI → triples of every graph rewritten from the package data: ontology, shapes,
    reference schemes, the organisations registry and the gazetteer."""
    minter = Minter(base_iri)
    graphs = {minter.graph(name): system_graph_triples(name, base_iri) for name in _SYSTEM_FILES}
    graphs.update(reference_graphs(base_iri))
    return graphs


def ensure_system_graphs(store: ox.Store, base_iri: str) -> None:
    """(Re)write the system graphs from the package data."""
    st.replace_graphs(store, system_graphs(base_iri))


def publish(
    paths: Iterable[str | os.PathLike[str]],
    store_path: str | os.PathLike[str],
    *,
    base_iri: str,
    force: bool = False,
    jobs: int = 1,
    on_document: Callable[[DocumentResult], None] | None = None,
    task: Task | None = None,
) -> PublishReport:
    """Load every file of ``paths`` into the store at ``store_path``.

    ``jobs`` worker processes parse, map and validate documents (this process alone when 1);
    this process alone writes, in the order of ``paths``, so any ``jobs`` gives the same store.
    ``task``, when given, prepares each document in a worker instead of
    :func:`~resolutions_kg.parallel.prepare_documents` (which validates a worker's documents
    together)."""
    minter = Minter(base_iri)
    files = collect_files(paths)
    st.check_base_iri(store_path, base_iri)
    store = st.open_store(store_path)
    report = PublishReport()
    failure: str | None = None
    try:
        results = _publish_each(files, store, minter, force=force, jobs=jobs, task=task)
        for result in results:
            report.documents.append(result)
            if on_document is not None:
                on_document(result)
        store.flush()
    except (OSError, StoreError) as exc:  # the store refuses writes (a full disk …): stop
        failure = str(exc).removeprefix("store update failed: ")
    finally:
        # Release the writer now: reference cycles through frames can keep the handle (and
        # RocksDB's lock) alive until the next garbage collection.
        del store
        gc.collect()
    if report.count("loaded"):  # what committed gets a new version, even if the run failed
        try:
            report.version = st.store_version(st.mark_modified(store_path, base_iri))
        except StoreError:
            if failure is None:
                raise
    if failure is not None:
        kept = report.count("loaded")
        raise StoreError(f"{store_path}: cannot write to the store: {failure} (stopped; "
                         f"{kept} document{'s' if kept != 1 else ''} stored before it kept, "
                         "nothing half-written)")
    return report


def _publish_each(
    files: list[Path],
    store: ox.Store,
    minter: Minter,
    *,
    force: bool,
    jobs: int,
    task: Task | None,
) -> Iterator[DocumentResult]:
    """Skip what is unchanged, prepare the rest in workers, store each in input order."""
    known = published_sources(store)
    #: graph IRI → file name of every published document, kept up to date as documents load.
    names = {graph: name for graph, name, _ in known.values()}
    settled: dict[Path, DocumentResult] = {}
    todo: list[Path] = []
    for path in files:
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as exc:
            settled[path] = DocumentResult(path, "failed", error=f"{path}: cannot read: "
                                           f"{exc.strerror}")
            continue
        if not force and digest in known and known[digest][2] == corrections_digest(path):
            settled[path] = DocumentResult(path, "unchanged", graph=known[digest][0])
        else:
            todo.append(path)
    # The system graphs are rewritten with the first document that loads, in its transaction,
    # so that a run in which nothing loads changes nothing.
    system: dict[str, list[ox.Triple]] | None = system_graphs(minter.base_iri)
    jobs = min(jobs, len(todo))
    prepared = prepare_in_order(todo, base_iri=minter.base_iri, jobs=jobs, task=task)
    try:
        for path in files:
            if path in settled:
                yield settled.pop(path)
                continue
            ready, outcome = next(prepared)
            assert ready == path
            if isinstance(outcome, Failed):
                yield DocumentResult(path, "failed", error=outcome.error)
                continue
            try:
                yield _store_document(store, minter, path, outcome, system or {}, names)
                system = None
            except StoreError:  # not the document's fault: the store cannot write at all
                raise
            except ResolutionsKGError as exc:
                yield DocumentResult(path, "failed", error=str(exc))
    finally:
        prepared.close()


_PREF_LABEL = N(SKOS.prefLabel)
_ALT_LABEL = N(SKOS.altLabel)
_LABEL = N(RDFS.label)


def one_preferred_label(store: ox.Store, graph: str, ntriples: bytes | str) -> list[ox.Triple]:
    """The shared entities a document adds, with at most one ``skos:prefLabel`` (and one
    ``rdfs:label``) per language for each — SKOS's integrity condition S14: an organisation
    another document already named otherwise («управление культуры администрации города …» /
    «… Администрации города …»: one IRI) keeps its first label as preferred, and gets this
    document's as ``skos:altLabel``."""
    name = ox.NamedNode(graph)
    out = []
    for q in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES):
        t = ox.Triple(q.subject, q.predicate, q.object)
        if t.predicate in (_PREF_LABEL, _LABEL) and isinstance(t.object, ox.Literal) and any(
                isinstance(e.object, ox.Literal) and e.object.language == t.object.language
                and e.object != t.object
                for e in store.quads_for_pattern(t.subject, t.predicate, None, name)):
            t = ox.Triple(t.subject, _ALT_LABEL, t.object)
        out.append(t)
    return out


def _store_document(
    store: ox.Store,
    minter: Minter,
    path: Path,
    prepared: Prepared,
    system: dict[str, list[ox.Triple]],
    names: dict[str, str],
) -> DocumentResult:
    """Replace the document's graph (and drop graphs an earlier version of the same file name
    left under another slug) in one transaction. A graph another file's document holds is never
    replaced: a different document whose place, year and title (or kind and day) give the same
    name is prepared again under the first free «name-2», «name-3» … and says so."""
    graph = minter.graph(prepared.slug)
    if names.get(graph, path.name) != path.name:
        taken, base = names[graph], prepared.slug
        prepared = _renamed(path, minter, base, names)
        graph = minter.graph(prepared.slug)
        prepared = dataclasses.replace(prepared, warnings=(
            *prepared.warnings, f"published as «{prepared.slug}»: «{base}» is {taken}'s (a "
            "different document whose place, year and title give the same name)"))
    stale = [g for g, name in names.items() if name == path.name and g != graph]
    entities = minter.graph("entities")
    st.replace_graphs(
        store,
        {**system, graph: prepared.document},
        add={entities: one_preferred_label(store, entities, prepared.entities)},
        remove=stale,
    )
    for g in stale:
        del names[g]
    names[graph] = path.name
    return DocumentResult(
        path,
        "loaded",
        graph=graph,
        resolution=prepared.resolution,
        triples=prepared.triples,
        recommendations=prepared.recommendations,
        warnings=prepared.warnings,
    )


def _renamed(path: Path, minter: Minter, slug: str, names: dict[str, str]) -> Prepared:
    """The document at ``path`` prepared again under the first of «slug-2», «slug-3» … that no
    other file's document holds."""
    from resolutions_kg.preparation import prepare  # (the loaders, as the workers import them)

    n = 2
    while names.get(minter.graph(f"{slug}-{n}"), path.name) != path.name:
        n += 1
    made = outcome(str(path), lambda: prepare(path, minter, slug=f"{slug}-{n}"))
    if isinstance(made, Failed):
        raise InputError(made.error)
    return made
