"""The serialisations we read and write, one table each, each row knowing its media types.

- :class:`RdfFormat`: RDF graphs and datasets — ``reskg export``, CONSTRUCT and DESCRIBE
  results, Graph Store bodies, linked-data descriptions and their URL suffixes (``.ttl``);
- :class:`ResultsFormat`: SELECT and ASK results (JSON, XML, CSV, TSV).

A row carries its short names (what ``format=`` and ``reskg export --format`` accept) and its
media types, the first being the one we send; the others are the aliases clients use for it.
Everything else — the Oxigraph format, the file suffix, whether it carries graph names — comes from
pyoxigraph. The order of the rows is the server's preference when a client accepts several.
"""

from __future__ import annotations

import enum

import pyoxigraph as ox


class MediaFormat(enum.Enum):
    """Members carry (short names, media types); the first media type is the one we send."""

    @property
    def names(self) -> tuple[str, ...]:
        return self.value[0]  # type: ignore[no-any-return]

    @property
    def media_types(self) -> tuple[str, ...]:
        return self.value[1]  # type: ignore[no-any-return]

    @property
    def media_type(self) -> str:
        """The media type we answer with."""
        return self.media_types[0]

    @property
    def content_type(self) -> str:
        """The Content-Type header value: every format we write is UTF-8 text."""
        return f"{self.media_type}; charset=utf-8"


class ResultsFormat(MediaFormat):
    """Serialisations of SELECT and ASK results, in order of server preference."""

    JSON = (("json", "srj"), ("application/sparql-results+json", "application/json"))
    XML = (("xml", "srx"), ("application/sparql-results+xml", "application/xml", "text/xml"))
    CSV = (("csv",), ("text/csv",))
    TSV = (("tsv",), ("text/tab-separated-values",))

    @property
    def pyoxigraph(self) -> ox.QueryResultsFormat:
        return getattr(ox.QueryResultsFormat, self.name)  # type: ignore[no-any-return]


class RdfFormat(MediaFormat):
    """Serialisations of RDF graphs and datasets, in order of server preference. The first short
    name is the one ``reskg export --format`` takes."""

    # Turtle is valid N3, so clients asking for N3 (SPARQLWrapper's format=n3) get Turtle.
    TURTLE = (
        ("turtle", "ttl", "n3"),
        ("text/turtle", "application/x-turtle", "application/turtle", "text/n3", "text/rdf+n3"),
    )
    N_TRIPLES = (("ntriples", "nt", "n-triples"), ("application/n-triples", "text/plain"))
    JSON_LD = (("jsonld", "json-ld", "json"), ("application/ld+json", "application/json"))
    RDF_XML = (("rdfxml", "rdf", "xml"), ("application/rdf+xml", "application/xml", "text/xml"))
    TRIG = (("trig",), ("application/trig",))
    N_QUADS = (("nquads", "nq", "n-quads"), ("application/n-quads",))

    @property
    def pyoxigraph(self) -> ox.RdfFormat:
        return getattr(ox.RdfFormat, self.name)  # type: ignore[no-any-return]

    @property
    def suffix(self) -> str:
        """The file suffix, without the dot, which also asks for the format in a URL (``.ttl``)."""
        return self.pyoxigraph.file_extension

    @property
    def supports_datasets(self) -> bool:
        """It can hold several named graphs (TriG, N-Quads, JSON-LD)."""
        return self.pyoxigraph.supports_datasets

    @property
    def names_graphs(self) -> bool:
        """Every statement names its graph (TriG, N-Quads): a linked-data description in it keeps
        the graph each triple came from."""
        return self in (RdfFormat.TRIG, RdfFormat.N_QUADS)

    @property
    def has_prefixes(self) -> bool:
        """It abbreviates IRIs with prefixes (Turtle, TriG, RDF/XML)."""
        return self in (RdfFormat.TURTLE, RdfFormat.TRIG, RdfFormat.RDF_XML)
