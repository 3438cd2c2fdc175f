"""Versioned, citable releases of the dataset: ``reskg release VERSION``.

A release is a folder ``{releases}/{VERSION}/`` that never changes once written:

=============================  ===========================================================
``resolutions-kg.ttl.gz``      Turtle of the union of all graphs
``resolutions-kg.nq.gz``       N-Quads of every named graph (the next release compares with it)
``resolutions-kg.trig.gz``     TriG of every named graph
``resources.tsv``              every subject IRI and a digest of its triples (``IRI<TAB>digest``,
                               sorted): in which releases a resource appears, when it changed
``CHANGELOG.md``               the changes since the previous release (:mod:`.changelog`)
``changes.ttl``                the same as RDF (Talis Changeset)
``void.ttl``                   VoID + DCAT of the release: ``dcat:version``, the previous version
                               (``dcat:previousVersion``, ``prov:wasRevisionOf``), statistics,
                               and a distribution per file above with its size and sha256
``datacite.xml``               DataCite kernel 4.5 metadata (:mod:`.release_meta`)
``CITATION.cff``               Citation File Format 1.2.0
``ro-crate-metadata.json``     RO-Crate 1.1: the release as a crate of the files above
``release.json``               version, date, previous version, and every other file with its
                               media type, size and sha256 (what the server lists)
=============================  ===========================================================

The *previous* release is the highest version below this one among the releases already in the
folder. Releases are deterministic: the same store, version, date and metadata give the same bytes
(sorted output, gzip without name or time; the date is ``--date`` or the day the store was last
modified, never the clock). The folder is built under a temporary name beside its final one and
renamed in one step: a failed release leaves nothing, and a version that exists is refused.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import os
import re
import shutil
import tempfile
import zlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from resolutions_kg import changelog
from resolutions_kg.errors import ReleaseError
from resolutions_kg.export import export
from resolutions_kg.formats import RdfFormat
from resolutions_kg.namespaces import CS, DCAT, DCTERMS, PREFIXES, PROV, RDF, SPDX, VOID, XSD
from resolutions_kg.release_meta import (
    FileEntry,
    ReleaseMetadata,
    citation_cff,
    datacite_xml,
    ro_crate,
)

#: SemVer 2.0 without build metadata: it is a path segment and an IRI segment.
VERSION_PATTERN = re.compile(
    r"^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$"
)
MAX_VERSION_LENGTH = 64
MANIFEST = "release.json"
INDEX = "resources.tsv"
STEM = "resolutions-kg"
IANA = "https://www.iana.org/assignments/media-types/"
FOAF = "http://xmlns.com/foaf/0.1/"
DUMPS: tuple[tuple[RdfFormat, str], ...] = (
    (RdfFormat.TURTLE, "Turtle (union of all graphs)"),
    (RdfFormat.N_QUADS, "N-Quads (all graphs)"),
    (RdfFormat.TRIG, "TriG (all graphs)"),
)
NQUADS = f"{STEM}.{RdfFormat.N_QUADS.suffix}.gz"


def check_version(version: str) -> str:
    """``version`` when it is a SemVer version (``1.2.0``, ``2.0.0-rc.1``), else ReleaseError."""
    if len(version) > MAX_VERSION_LENGTH or not VERSION_PATTERN.match(version):
        raise ReleaseError(
            f"VERSION {version[:MAX_VERSION_LENGTH]!r} is not a release version: use "
            "MAJOR.MINOR.PATCH, optionally with a pre-release (1.0.0, 1.1.0-rc.1)")
    return version


def version_key(version: str) -> tuple[Any, ...]:
    """SemVer precedence: 1.0.0-rc.1 < 1.0.0 < 1.0.1 < 1.1.0."""
    match = VERSION_PATTERN.match(version)
    assert match is not None
    pre = match.group(4)
    ids: tuple[Any, ...] = tuple(
        (0, int(p), "") if p.isdigit() else (1, 0, p) for p in pre.split(".")
    ) if pre else ()
    return (int(match.group(1)), int(match.group(2)), int(match.group(3)), pre is None, ids)


def release_iri(base_iri: str, version: str) -> str:
    return f"{base_iri}releases/{version}/"


@dataclass(frozen=True)
class ReleaseInfo:
    version: str
    date: str
    previous: str | None
    files: tuple[FileEntry, ...]
    folder: Path

    def file(self, name: str) -> FileEntry | None:
        return next((f for f in self.files if f.name == name), None)

    def as_json(self) -> dict[str, Any]:
        return {"version": self.version, "date": self.date, "previous": self.previous,
                "files": [asdict(f) for f in self.files]}


def read_release(folder: Path) -> ReleaseInfo | None:
    """The release in ``folder`` (named after its version), or None when there is none."""
    if not VERSION_PATTERN.match(folder.name) or len(folder.name) > MAX_VERSION_LENGTH:
        return None
    try:
        data = json.loads((folder / MANIFEST).read_text("utf-8"))
        files = tuple(FileEntry(**f) for f in data["files"])
        return ReleaseInfo(data["version"], data["date"], data.get("previous"), files, folder)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ReleaseError(f"{folder / MANIFEST}: unreadable release manifest: {exc}") from exc


def list_releases(releases: Path) -> list[ReleaseInfo]:
    """The releases in the folder ``releases``, oldest version first."""
    if not releases.is_dir():
        return []
    found = [read_release(sub) for sub in releases.iterdir() if sub.is_dir()]
    return sorted((r for r in found if r is not None), key=lambda r: version_key(r.version))


def release_date(state: dict[str, Any], date: str | None) -> str:
    """``date`` (YYYY-MM-DD) when given, else the day the store was last modified."""
    if date is not None:
        try:
            return dt.date.fromisoformat(date).isoformat()
        except ValueError as exc:
            raise ReleaseError(f"--date {date[:40]!r} is not a date (YYYY-MM-DD)") from exc
    modified = state.get("modified")
    if isinstance(modified, str) and re.match(r"^\d{4}-\d{2}-\d{2}", modified):
        return modified[:10]
    raise ReleaseError("the store records no modification date: give --date YYYY-MM-DD")


def write_release(store: ox.Store, version: str, *, releases: Path, base_iri: str, date: str,
                  metadata: ReleaseMetadata, description: Iterable[ox.Triple] = ()
                  ) -> ReleaseInfo:
    """Write release ``version`` of ``store`` into ``releases/version/``. ``description``: the
    dataset's VoID (``{base}dataset``), restated for the release (statistics, partitions,
    linksets)."""
    check_version(version)
    target = releases / version
    if target.exists():
        raise ReleaseError(f"release {version} exists already ({target}); a release is never "
                           "overwritten: give a new VERSION")
    older = [r for r in list_releases(releases) if version_key(r.version) < version_key(version)]
    previous = older[-1] if older else None
    try:
        releases.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{version}-", dir=releases))
    except OSError as exc:
        raise ReleaseError(f"{releases}: cannot write a release here: {exc}") from exc
    try:
        info = _write(store, version, work, base_iri=base_iri, date=date, metadata=metadata,
                      description=list(description), previous=previous)
        os.chmod(work, 0o755)  # mkdtemp makes it private; a release is for everyone to read
        try:
            os.rename(work, target)
        except OSError as exc:
            raise ReleaseError(f"release {version}: cannot move it into place ({exc}); "
                               "another release of this version may have been written") from exc
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return ReleaseInfo(info.version, info.date, info.previous, info.files, target)


def _write(store: ox.Store, version: str, work: Path, *, base_iri: str, date: str,
           metadata: ReleaseMetadata, description: list[ox.Triple],
           previous: ReleaseInfo | None) -> ReleaseInfo:
    files: list[FileEntry] = []

    def put(name: str, data: bytes, media_type: str, title: str) -> None:
        (work / name).write_bytes(data)
        files.append(FileEntry(name, media_type, title, len(data),
                               hashlib.sha256(data).hexdigest()))

    for fmt, title in DUMPS:
        name = f"{STEM}.{fmt.suffix}.gz"
        with open(work / name, "wb") as out:
            export(store, out, format=fmt, compress=True)
        data = (work / name).read_bytes()
        files.append(FileEntry(name, fmt.media_type, title, len(data),
                               hashlib.sha256(data).hexdigest()))
    after = changelog.dataset_of(store.quads_for_pattern(None, None, None))
    put(INDEX, resource_index(after), "text/tab-separated-values",
        "Subject IRIs and digests of their triples")
    before = _read_dataset(previous.folder / NQUADS) if previous else None
    log = changelog.compare(before, after, base_iri=base_iri, version=version,
                            previous=previous.version if previous else None, date=date)
    put("CHANGELOG.md", changelog.markdown(log, base_iri=base_iri, title=metadata.title).encode(),
        "text/markdown", "Changes since the previous release")
    rel = release_iri(base_iri, version)
    changes = changelog.triples(log, base=rel + "changes.ttl", release=rel)
    put("changes.ttl", _turtle(changes, {**PREFIXES, "cs": str(CS._NS)}), "text/turtle",
        "Changes since the previous release (Talis Changeset)")
    prev_iri = release_iri(base_iri, previous.version) if previous else None
    void = _void(description, base_iri=base_iri, version=version, date=date, meta=metadata,
                 previous=prev_iri, files=files)
    put("void.ttl", _turtle(void, PREFIXES), "text/turtle", "VoID and DCAT description")
    common = {"version": version, "date": date, "release_iri": rel}
    put("datacite.xml", datacite_xml(metadata, previous_iri=prev_iri, files=list(files), **common),
        "application/xml", "DataCite metadata (kernel 4.5)")
    put("CITATION.cff", citation_cff(metadata, **common), "application/yaml",
        "Citation File Format 1.2.0")
    put("ro-crate-metadata.json",
        ro_crate(metadata, previous_iri=prev_iri, files=list(files), **common),
        "application/ld+json", "RO-Crate 1.1 metadata")
    info = ReleaseInfo(version, date, previous.version if previous else None, tuple(files), work)
    (work / MANIFEST).write_text(json.dumps(info.as_json(), indent=2) + "\n", "utf-8")
    return info


def _read_dataset(path: Path) -> changelog.Dataset:
    try:
        with gzip.open(path, "rb") as data:
            return changelog.dataset_of(ox.parse(data.read(), format=ox.RdfFormat.N_QUADS))
    except (OSError, EOFError, zlib.error, SyntaxError, ValueError) as exc:
        raise ReleaseError(f"{path}: cannot read the previous release: {exc}") from exc


def resource_index(dataset: changelog.Dataset) -> bytes:
    """``IRI<TAB>digest`` for every subject IRI of the union of the graphs, sorted; the digest
    (16 hex digits of a sha256) changes when the subject's triples do."""
    lines: dict[str, set[str]] = defaultdict(set)
    for triples in dataset.values():
        for s, p, o in triples:
            if isinstance(s, ox.NamedNode):
                lines[s.value].add(f"{p} {o}")
    out = []
    for iri in sorted(lines):
        digest = hashlib.sha256("\n".join(sorted(lines[iri])).encode()).hexdigest()[:16]
        out.append(f"{iri}\t{digest}\n")
    return "".join(out).encode()


def read_index(path: Path) -> dict[str, str]:
    """A release's :data:`INDEX` as IRI → digest."""
    out = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            iri, _, digest = line.rstrip("\n").partition("\t")
            out[iri] = digest
    return out


def _turtle(triples: list[ox.Triple], prefixes: dict[str, str]) -> bytes:
    ordered = sorted(set(triples), key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return ox.serialize(ordered, format=ox.RdfFormat.TURTLE, prefixes=prefixes) or b""


def _void(description: list[ox.Triple], *, base_iri: str, version: str, date: str,
          meta: ReleaseMetadata, previous: str | None, files: list[FileEntry]) -> list[ox.Triple]:
    """The dataset's VoID statistics restated for the release, and the release's DCAT."""
    ds, rel = base_iri + "dataset", release_iri(base_iri, version)
    out: list[ox.Triple] = []

    def node(iri: str) -> ox.NamedNode:
        return ox.NamedNode(rel + iri[len(ds):] if iri == ds or iri.startswith(ds + "#") else iri)

    for t in description:
        s = t.subject.value if isinstance(t.subject, ox.NamedNode) else ""
        p = t.predicate.value
        if s == ds and (p == str(VOID.sparqlEndpoint) or
                        not (p.startswith(str(VOID._NS)) or p == str(RDF.type))):
            continue  # the live dataset's metadata and services: said below for the release
        if not s.startswith(ds) or s == ds + "#publisher":
            continue
        obj = node(t.object.value) if isinstance(t.object, ox.NamedNode) else t.object
        out.append(ox.Triple(node(s), t.predicate, obj))

    def add(s: str, p: object, o: ox.NamedNode | ox.Literal | str) -> None:
        out.append(ox.Triple(ox.NamedNode(s), ox.NamedNode(str(p)),
                             ox.NamedNode(o) if isinstance(o, str) else o))

    def lit(value: object, datatype: object = None, lang: str | None = None) -> ox.Literal:
        if lang:
            return ox.Literal(str(value), language=lang)
        return ox.Literal(str(value), datatype=ox.NamedNode(str(datatype or XSD.string)))

    add(rel, RDF.type, str(DCAT.Dataset))
    add(rel, RDF.type, str(VOID.Dataset))
    add(rel, DCTERMS.title, lit(meta.title, lang="en"))
    add(rel, DCTERMS.description, lit(meta.description, lang="en"))
    if meta.title_ru:
        add(rel, DCTERMS.title, lit(meta.title_ru, lang="ru"))
    if meta.description_ru:
        add(rel, DCTERMS.description, lit(meta.description_ru, lang="ru"))
    add(rel, DCAT.version, lit(version))
    add(rel, DCTERMS.issued, lit(date, XSD.date))
    add(rel, DCAT.isVersionOf, ds)
    add(rel, DCAT.landingPage, rel)
    add(rel, DCTERMS.license, meta.license)
    add(rel, DCTERMS.publisher, rel + "#publisher")
    add(rel + "#publisher", RDF.type, FOAF + "Agent")
    add(rel + "#publisher", FOAF + "name", lit(meta.publisher))
    for n, creator in enumerate(meta.creator_list(), 1):
        who = creator.get("orcid") or f"{rel}#creator-{n}"
        add(rel, DCTERMS.creator, who)
        add(who, RDF.type, FOAF + "Agent")
        add(who, FOAF + "name", lit(creator["name"]))
    for keyword in meta.keywords:
        add(rel, DCAT.keyword, lit(keyword, lang="en"))
    if meta.doi:
        add(rel, DCTERMS.identifier, lit("https://doi.org/" + meta.doi, XSD.anyURI))
    if previous:
        add(rel, DCAT.previousVersion, previous)
        add(rel, PROV.wasRevisionOf, previous)
    for f in files:
        url, dist = rel + f.name, f"{rel}#file-{f.name.replace('.', '-')}"
        if f.name.endswith(".gz"):
            add(rel, VOID.dataDump, url)
            add(dist, DCAT.compressFormat, IANA + "application/gzip")
        add(rel, DCAT.distribution, dist)
        add(dist, RDF.type, str(DCAT.Distribution))
        add(dist, DCTERMS.title, lit(f.title, lang="en"))
        add(dist, DCAT.downloadURL, url)
        add(dist, DCAT.accessURL, rel)
        add(dist, DCAT.mediaType, IANA + f.media_type)
        add(dist, DCAT.byteSize, lit(f.size, XSD.nonNegativeInteger))
        add(dist, DCTERMS.license, meta.license)
        add(dist, SPDX.checksum, dist + "-sha256")
        add(dist + "-sha256", RDF.type, str(SPDX.Checksum))
        add(dist + "-sha256", SPDX.algorithm, str(SPDX.checksumAlgorithm_sha256))
        add(dist + "-sha256", SPDX.checksumValue, lit(f.sha256, XSD.hexBinary))
    return out
