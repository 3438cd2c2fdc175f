"""What a release says about itself for depositing and citing: the metadata humans supply
(``release.toml``) and the three files made from it — RO-Crate 1.1 (``ro-crate-metadata.json``),
DataCite kernel 4.5 XML (``datacite.xml``) and ``CITATION.cff`` (CFF 1.2.0).

``release.toml`` (every key optional; defaults are the dataset description the server's VoID
uses)::

    title = "Resolutions of library, museum and city conferences"
    title_ru = "Резолюции библиотечных, музейных и городских конференций"
    description = "…"
    description_ru = "…"
    publisher = "resolutions-kg"
    license = "https://creativecommons.org/publicdomain/zero/1.0/"
    license_id = "CC0-1.0"              # SPDX identifier, for CITATION.cff and DataCite
    keywords = ["resolutions", "libraries", "linked open data"]
    doi = "10.5281/zenodo.1234567"      # once a DOI is reserved
    [[creators]]                        # a person: given_name / family_name (and orcid)
    given_name = "Anna"
    family_name = "Ivanova"
    orcid = "https://orcid.org/0000-0002-1825-0097"
    affiliation = "…"
    [[creators]]                        # an organisation: name alone
    name = "Russian Library Association"

Without creators the publisher is the one creator (an organisation).
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from resolutions_kg.errors import ReleaseError

CREATOR_KEYS = frozenset({"name", "given_name", "family_name", "orcid", "affiliation"})
_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_ORCID = re.compile(r"^https://orcid\.org/\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")


@dataclass(frozen=True)
class ReleaseMetadata:
    title: str
    description: str
    publisher: str
    license: str
    license_id: str
    title_ru: str = ""
    description_ru: str = ""
    keywords: tuple[str, ...] = ()
    doi: str = ""
    creators: tuple[dict[str, str], ...] = field(default_factory=tuple)

    def creator_list(self) -> list[dict[str, str]]:
        """The creators, or the publisher as an organisation when none is given."""
        return [dict(c) for c in self.creators] or [{"name": self.publisher}]


def load_metadata(path: Path | None, defaults: ReleaseMetadata) -> ReleaseMetadata:
    """``defaults`` overridden by the TOML file at ``path`` (None or missing: the defaults)."""
    if path is None or not path.is_file():
        return defaults
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ReleaseError(f"{path}: unreadable release metadata: {exc}") from exc
    known = {f.name for f in fields(ReleaseMetadata)}
    for key in data:
        if key not in known:
            raise ReleaseError(f"{path}: unknown key {key!r} (known: {', '.join(sorted(known))})")
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key == "keywords":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ReleaseError(f"{path}: 'keywords' must be a list of strings")
            values[key] = tuple(value)
        elif key == "creators":
            values[key] = tuple(_creator(path, n, c) for n, c in enumerate(value, 1)) \
                if isinstance(value, list) else _bad(path, "creators", "a list of tables")
        elif not isinstance(value, str) or not value.strip():
            raise ReleaseError(f"{path}: {key!r} must be a non-empty string")
        else:
            values[key] = value.strip()
    if values.get("doi") and not _DOI.match(values["doi"]):
        raise ReleaseError(f"{path}: 'doi' {values['doi']!r} is not a DOI (10.NNNN/…)")
    return replace(defaults, **values)


def _bad(path: Path, key: str, what: str) -> Any:
    raise ReleaseError(f"{path}: {key!r} must be {what}")


def _creator(path: Path, n: int, value: object) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise ReleaseError(f"{path}: creator {n} must be a table of strings")
    unknown = set(value) - CREATOR_KEYS
    if unknown:
        raise ReleaseError(f"{path}: creator {n}: unknown key {sorted(unknown)[0]!r}")
    creator = {k: v.strip() for k, v in value.items() if v.strip()}
    if not creator.get("name") and not creator.get("family_name"):
        raise ReleaseError(f"{path}: creator {n} needs a 'name' or a 'family_name'")
    if creator.get("orcid") and not _ORCID.match(creator["orcid"]):
        raise ReleaseError(f"{path}: creator {n}: 'orcid' must be https://orcid.org/NNNN-…")
    creator.setdefault("name", ", ".join(
        p for p in (creator.get("family_name"), creator.get("given_name")) if p))
    return creator


def _is_person(creator: dict[str, str]) -> bool:
    return bool(creator.get("family_name") or creator.get("given_name") or creator.get("orcid"))


@dataclass(frozen=True)
class FileEntry:
    """A file of a release, as the metadata files list it."""

    name: str
    media_type: str
    title: str
    size: int
    sha256: str


# --------------------------------------------------------------------------------- RO-Crate


def ro_crate(meta: ReleaseMetadata, *, version: str, date: str, release_iri: str,
             previous_iri: str | None, files: list[FileEntry]) -> bytes:
    """``ro-crate-metadata.json`` (RO-Crate 1.1): the root dataset ``./`` with every file."""
    creators = []
    entities: list[dict[str, Any]] = []
    for n, c in enumerate(meta.creator_list(), 1):
        ident = c.get("orcid") or f"#creator-{n}"
        creators.append({"@id": ident})
        entity: dict[str, Any] = {"@id": ident, "@type": "Person" if _is_person(c)
                                  else "Organization", "name": c["name"]}
        if c.get("affiliation"):
            entity["affiliation"] = c["affiliation"]
        entities.append(entity)
    root: dict[str, Any] = {
        "@id": "./",
        "@type": "Dataset",
        "identifier": f"https://doi.org/{meta.doi}" if meta.doi else release_iri,
        "url": release_iri,
        "name": f"{meta.title} {version}",
        "description": meta.description,
        "version": version,
        "datePublished": date,
        "license": {"@id": meta.license},
        "publisher": {"@id": "#publisher"},
        "creator": creators,
        "keywords": ", ".join(meta.keywords),
        "hasPart": [{"@id": f.name} for f in files],
    }
    if previous_iri:
        root["isBasedOn"] = {"@id": previous_iri}
    graph: list[dict[str, Any]] = [
        {"@id": "ro-crate-metadata.json", "@type": "CreativeWork",
         "conformsTo": {"@id": "https://w3id.org/ro/crate/1.1"}, "about": {"@id": "./"}},
        root,
        {"@id": "#publisher", "@type": "Organization", "name": meta.publisher},
        {"@id": meta.license, "@type": "CreativeWork", "name": meta.license_id},
        *entities,
    ]
    for f in files:
        graph.append({"@id": f.name, "@type": "File", "name": f.title,
                      "encodingFormat": f.media_type, "contentSize": str(f.size)})
    crate = {"@context": "https://w3id.org/ro/crate/1.1/context", "@graph": graph}
    return (json.dumps(crate, ensure_ascii=False, indent=2) + "\n").encode()


# --------------------------------------------------------------------------------- DataCite


def datacite_xml(meta: ReleaseMetadata, *, version: str, date: str, release_iri: str,
                 previous_iri: str | None, files: list[FileEntry]) -> bytes:
    """DataCite metadata, kernel 4.5."""
    ident = (f'<identifier identifierType="DOI">{escape(meta.doi)}</identifier>' if meta.doi
             else f'<identifier identifierType="URL">{escape(release_iri)}</identifier>')
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<resource xmlns="http://datacite.org/schema/kernel-4" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xsi:schemaLocation="http://datacite.org/schema/kernel-4 '
           'https://schema.datacite.org/meta/kernel-4.5/metadata.xsd">',
           f"  {ident}", "  <creators>"]
    for c in meta.creator_list():
        person = _is_person(c)
        out.append("    <creator>")
        out.append(f'      <creatorName nameType="{"Personal" if person else "Organizational"}"'
                   f">{escape(c['name'])}</creatorName>")
        for key, tag in (("given_name", "givenName"), ("family_name", "familyName")):
            if c.get(key):
                out.append(f"      <{tag}>{escape(c[key])}</{tag}>")
        if c.get("orcid"):
            out.append('      <nameIdentifier nameIdentifierScheme="ORCID" '
                       f'schemeURI="https://orcid.org">{escape(c["orcid"])}</nameIdentifier>')
        if c.get("affiliation"):
            out.append(f"      <affiliation>{escape(c['affiliation'])}</affiliation>")
        out.append("    </creator>")
    out += ["  </creators>", "  <titles>", f'    <title xml:lang="en">{escape(meta.title)}</title>']
    if meta.title_ru:
        out.append(f'    <title xml:lang="ru">{escape(meta.title_ru)}</title>')
    out += ["  </titles>", f"  <publisher>{escape(meta.publisher)}</publisher>",
            f"  <publicationYear>{date[:4]}</publicationYear>",
            '  <resourceType resourceTypeGeneral="Dataset">RDF dataset</resourceType>']
    if meta.keywords:
        out += ["  <subjects>", *(f"    <subject>{escape(k)}</subject>" for k in meta.keywords),
                "  </subjects>"]
    out += ["  <dates>", f'    <date dateType="Issued">{date}</date>', "  </dates>",
            "  <language>ru</language>", "  <relatedIdentifiers>"]
    if meta.doi:
        out.append('    <relatedIdentifier relatedIdentifierType="URL" relationType="IsIdenticalTo"'
                   f">{escape(release_iri)}</relatedIdentifier>")
    if previous_iri:
        out.append('    <relatedIdentifier relatedIdentifierType="URL" '
                   f'relationType="IsNewVersionOf">{escape(previous_iri)}</relatedIdentifier>')
    out += ["  </relatedIdentifiers>", "  <sizes>",
            *(f"    <size>{f.size} bytes ({escape(f.name)})</size>" for f in files),
            "  </sizes>", "  <formats>",
            *(f"    <format>{escape(t)}</format>" for t in sorted({f.media_type for f in files})),
            "  </formats>", f"  <version>{escape(version)}</version>", "  <rightsList>",
            f"    <rights rightsURI={quoteattr(meta.license)} rightsIdentifier="
            f'{quoteattr(meta.license_id)} rightsIdentifierScheme="SPDX">'
            f"{escape(meta.license_id)}</rights>",
            "  </rightsList>", "  <descriptions>",
            f'    <description xml:lang="en" descriptionType="Abstract">'
            f"{escape(meta.description)}</description>"]
    if meta.description_ru:
        out.append(f'    <description xml:lang="ru" descriptionType="Abstract">'
                   f"{escape(meta.description_ru)}</description>")
    out += ["  </descriptions>", "</resource>", ""]
    return "\n".join(out).encode()


# ----------------------------------------------------------------------------- CITATION.cff


def _yaml(value: str) -> str:
    """A YAML scalar: JSON strings are YAML."""
    return json.dumps(value, ensure_ascii=False)


def citation_cff(meta: ReleaseMetadata, *, version: str, date: str, release_iri: str) -> bytes:
    """``CITATION.cff`` (Citation File Format 1.2.0)."""
    out = ["cff-version: 1.2.0",
           'message: "If you use this dataset, please cite it as below."',
           "type: dataset", f"title: {_yaml(meta.title)}", f"version: {_yaml(version)}",
           f"date-released: {_yaml(date)}", f"abstract: {_yaml(meta.description)}",
           f"license: {_yaml(meta.license_id)}", f"url: {_yaml(release_iri)}"]
    if meta.doi:
        out.append(f"doi: {_yaml(meta.doi)}")
    if meta.keywords:
        out += ["keywords:", *(f"  - {_yaml(k)}" for k in meta.keywords)]
    out.append("authors:")
    for c in meta.creator_list():
        if _is_person(c):
            first = True
            for key, cff in (("family_name", "family-names"), ("given_name", "given-names"),
                             ("orcid", "orcid"), ("affiliation", "affiliation")):
                if c.get(key):
                    out.append(f"  {'- ' if first else '  '}{cff}: {_yaml(c[key])}")
                    first = False
            if first:  # an ORCID-less person known by name alone
                out.append(f"  - name: {_yaml(c['name'])}")
        else:
            out.append(f"  - name: {_yaml(c['name'])}")
    return ("\n".join(out) + "\n").encode()
