"""Preparing documents in worker processes, handing them back in input order.

``reskg load`` spends nearly all its time parsing, mapping and validating documents, work that
needs no store. :func:`prepare_in_order` spreads that work over ``jobs`` worker processes
(each loads the NLP models and the shapes once, in its initializer), in chunks of
:data:`CHUNK` documents (:func:`~resolutions_kg.preparation.require_valid_documents`), and
yields the outcomes in
the order the paths were given, so that the one writer — the parent process — stores documents
in the same order whatever the number of jobs, and the same corpus gives the same dump.

An outcome crosses the process boundary as plain data: a :class:`Prepared` document whose
triples are N-Triples, UTF-8 (pyoxigraph terms do not pickle cheaply; the writer hands the text
to Oxigraph's parser as it is), or the error message of a document that failed. A worker that
dies (killed, out of memory, a crash in native code) breaks the pool; the documents still in
flight are then prepared again one at a time in a fresh single-worker pool, and a document that
kills its worker there too is reported as failed. The parent has written nothing of any of
them, so nothing is lost and nothing is half-written.
"""

from __future__ import annotations

import contextlib
import gc
import io
import itertools
import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from resolutions_kg.errors import ResolutionsKGError
from resolutions_kg.lifeline import die_with_parent

if TYPE_CHECKING:
    from resolutions_kg.mapping import Mapped
    from resolutions_kg.records import Resolution

#: Documents a worker prepares in one go (fewer round trips between the processes).
CHUNK = 8
#: Chunks submitted ahead of the one the parent waits for, per worker.
AHEAD_PER_JOB = 2
#: The garbage collector's thresholds while documents are prepared. Preparing one allocates
#: some hundred thousand objects (rdflib terms and graphs), which Python's default (a young
#: collection every 700 allocations, scanning ever more long-lived objects) spends a good part of
#: a worker's time collecting (docs/performance-notes.md). A worker also collects fully after
#: each chunk, which frees the chunk's reference cycles and, what it loaded being frozen, scans
#: little else.
GC_THRESHOLDS = (50_000, 10, 10)


@dataclass(frozen=True)
class Prepared:
    """A parsed, mapped and validated document, as plain picklable data."""

    slug: str
    resolution: str
    #: N-Triples (UTF-8) of the document's own graph and of the shared entities it mentions.
    document: bytes
    entities: bytes
    triples: int
    recommendations: int
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class Failed:
    """A document that could not be prepared, and why."""

    error: str


Outcome = Prepared | Failed
#: What a worker runs for one document: (path, base IRI) → outcome. Must be picklable.
Task = Callable[[str, str], Outcome]
#: What a worker runs for a chunk of documents: (paths, base IRI) → their outcomes.
ChunkTask = Callable[[list[str], str], list[Outcome]]


#: Triples serialised per piece by :func:`_ntriples`.
_PIECE = 10_000


def _ntriples(triples: Iterable[ox.Triple]) -> bytes:
    """N-Triples of ``triples``, UTF-8, built a piece at a time: one ``str`` of a whole large
    document (two bytes a character once it holds Cyrillic) and the list of its lines cost
    several times the bytes."""
    out = io.BytesIO()
    rest = iter(triples)
    while piece := list(itertools.islice(rest, _PIECE)):
        out.write("".join([f"{t.subject} {t.predicate} {t.object} .\n" for t in piece])
                  .encode("utf-8"))
    return out.getvalue()


def _attempt(path: str, make: Callable[[], tuple[Resolution, Mapped]]
             ) -> tuple[Resolution, Mapped] | Failed:
    try:
        return make()
    except ResolutionsKGError as exc:
        return Failed(str(exc))
    except Exception as exc:  # noqa: BLE001 - a bug met on one document must not stop the rest
        return Failed(f"{path}: internal error while preparing it: {type(exc).__name__}: {exc}")


def _prepared(resolution: Resolution, mapped: Mapped, shapes: tuple[str, ...] = ()
              ) -> Prepared:
    return Prepared(
        slug=mapped.slug,
        resolution=mapped.resolution,
        document=_ntriples(mapped.document),
        entities=_ntriples(mapped.entities),
        triples=len(mapped.document),
        recommendations=len(resolution.recommendations),
        warnings=(*resolution.warnings, *shapes),
    )


def outcome(path: str, make: Callable[[], tuple[Resolution, Mapped]]) -> Outcome:
    """The outcome of ``make()`` — a parsed and mapped document that passed validation — for
    the document at ``path``; never raises for a bad document."""
    made = _attempt(path, make)
    return made if isinstance(made, Failed) else _prepared(*made)


def prepare_document(path: str, base_iri: str) -> Outcome:
    """Parse, map and validate the file at ``path``."""
    return prepare_documents([path], base_iri)[0]


def prepare_documents(paths: list[str], base_iri: str) -> list[Outcome]:
    """Parse and map each file of ``paths``, then validate them together (the :data:`ChunkTask`
    ``reskg load`` runs): the outcome of each is what :func:`prepare_document` gives alone.

    Each document is validated from the N-Triples it is handed over in: its triples as Python
    objects are gone by then (a large document's would double the memory validation takes)."""
    from resolutions_kg.iris import Minter
    from resolutions_kg.preparation import check_documents, prepare

    minter = Minter(base_iri)
    made = [outcome(p, lambda p=p: prepare(Path(p), minter, validate=False))  # type: ignore[misc]
            for p in paths]
    ready = {i: m for i, m in enumerate(made) if isinstance(m, Prepared)}
    checked: list[tuple[Exception | None, tuple[str, ...]]]
    try:
        checked = list(check_documents((m.document + m.entities for m in ready.values()),
                                       base_iri=base_iri, paths=[paths[i] for i in ready]))
    except Exception as exc:  # noqa: BLE001 - a bug must fail the documents, not the worker
        checked = [(RuntimeError(f"{paths[i]}: internal error while validating it: "
                                 f"{type(exc).__name__}: {exc}"), ()) for i in ready]
    for (i, m), (error, shapes) in zip(ready.items(), checked, strict=True):
        made[i] = Failed(str(error)) if error else replace(m, warnings=(*m.warnings, *shapes))
    return made


@dataclass(frozen=True)
class _Collecting:
    """A :data:`ChunkTask` that collects the garbage of each chunk once it is done."""

    run: ChunkTask

    def __call__(self, paths: list[str], base_iri: str) -> list[Outcome]:
        try:
            return self.run(paths, base_iri)
        finally:
            gc.collect()


@dataclass(frozen=True)
class _OneByOne:
    """A :data:`ChunkTask` that runs a :data:`Task` on each path (picklable if the task is)."""

    task: Task

    def __call__(self, paths: list[str], base_iri: str) -> list[Outcome]:
        return [self.task(path, base_iri) for path in paths]


def warm_up(base_iri: str) -> None:
    """Load once what every document needs: the morphological analyser, the registry and
    gazetteer, the shapes (and their validator). Runs in each worker as it starts."""
    from resolutions_kg.gazetteer import default_gazetteer
    from resolutions_kg.lemmas import analyzer
    from resolutions_kg.loaders.russian import morph
    from resolutions_kg.registry import default_registry

    analyzer()
    morph()
    default_registry()
    default_gazetteer()
    from resolutions_kg.validation import validate

    validate([], base_iri=base_iri)


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    before = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _worker_init(base_iri: str) -> None:
    # A parent killed outright (kill -9) leaves no one to shut the pool down: die with it.
    # (The pool starts its workers from the thread that submits, the parent's main thread.)
    die_with_parent(signal=True)
    # Ctrl-C is the parent's business: it cancels what is queued and shuts the pool down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warm_up(base_iri)
    # What the worker loaded lives as long as it does: keep the collector from scanning it.
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def _pool(jobs: int, base_iri: str) -> ProcessPoolExecutor:
    # spawn, not fork: the parent runs threads (the progress bar) and holds the store open.
    return ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_worker_init,
        initargs=(base_iri,),
    )


def _chunks(paths: Iterable[Path]) -> Iterator[list[Path]]:
    chunk: list[Path] = []
    for path in paths:
        chunk.append(path)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def prepare_in_order(
    paths: Iterable[Path],
    *,
    base_iri: str,
    jobs: int,
    task: Task | None = None,
) -> Generator[tuple[Path, Outcome], None, None]:
    """Prepare every path with ``jobs`` worker processes (in this process when ``jobs`` is 1)
    and yield ``(path, outcome)`` in the order of ``paths``. Workers take the paths in chunks
    of :data:`CHUNK`; ``task``, when given, prepares each document of a chunk instead of
    :func:`prepare_documents`."""
    run: ChunkTask = prepare_documents if task is None else _OneByOne(task)
    if jobs <= 1:
        with _fewer_collections():
            for chunk in _chunks(paths):
                yield from zip(chunk, run([str(p) for p in chunk], base_iri), strict=True)
        return
    run = _Collecting(run)
    todo = _chunks(paths)
    in_flight: deque[tuple[list[Path], Future[list[Outcome]]]] = deque()
    pool = _pool(jobs, base_iri)
    try:
        while True:
            for chunk in todo:
                in_flight.append((chunk, pool.submit(run, [str(p) for p in chunk], base_iri)))
                if len(in_flight) >= jobs * AHEAD_PER_JOB:
                    break
            if not in_flight:
                return
            chunk, future = in_flight.popleft()
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                in_flight.appendleft((chunk, future))
                yield from _recover(in_flight, base_iri, run)
                pool.shutdown(wait=True, cancel_futures=True)
                pool = _pool(jobs, base_iri)
                continue
            yield from zip(chunk, outcomes, strict=True)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _recover(
    in_flight: deque[tuple[list[Path], Future[list[Outcome]]]], base_iri: str, run: ChunkTask
) -> Iterator[tuple[Path, Outcome]]:
    """After a worker died: keep what finished, prepare the rest again one document at a time."""
    alone: ProcessPoolExecutor | None = None
    try:
        while in_flight:
            chunk, future = in_flight.popleft()
            if future.done() and not future.cancelled() and future.exception() is None:
                yield from zip(chunk, future.result(), strict=True)
                continue
            for path in chunk:
                alone = alone or _pool(1, base_iri)
                try:
                    yield path, alone.submit(run, [str(path)], base_iri).result()[0]
                except BrokenProcessPool:
                    alone.shutdown(wait=True, cancel_futures=True)
                    alone = None
                    yield path, Failed(f"{path}: the worker process preparing it died")
    finally:
        if alone is not None:
            alone.shutdown(wait=True, cancel_futures=True)
