"""The one table of RDF serialisations (resolutions_kg.formats) and what is derived from it."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from resolutions_kg.endpoint.dumps import FORMATS as DUMPS
from resolutions_kg.endpoint.linkeddata import QUAD_MEDIA_TYPES, RDF_MEDIA_TYPES, SUFFIXES
from resolutions_kg.endpoint.negotiation import body_format, by_name, negotiate
from resolutions_kg.formats import MediaFormat, RdfFormat, ResultsFormat


@pytest.mark.parametrize("fmt", list(RdfFormat))
def test_we_send_the_media_type_pyoxigraph_writes(fmt: RdfFormat) -> None:
    assert fmt.media_type == fmt.pyoxigraph.media_type


@pytest.mark.parametrize("table", [RdfFormat, ResultsFormat])
def test_a_short_name_or_media_type_names_one_format_of_a_table(
        table: type[MediaFormat]) -> None:
    names = [n for fmt in table for n in fmt.names]
    assert len(names) == len(set(names))
    primary = [fmt.media_type for fmt in table]
    assert len(primary) == len(set(primary))
    for fmt in table:
        for name in (*fmt.names, *fmt.media_types):
            found = by_name(name.upper(), table)
            # an alias media type shared by two formats (application/json, application/xml)
            # names the first, which is also what a client asking for it gets
            assert found is not None and (found is fmt or name in found.media_types)


@pytest.mark.parametrize("fmt", list(RdfFormat))
def test_every_rdf_format_is_served_by_suffix_and_negotiated(fmt: RdfFormat) -> None:
    assert SUFFIXES[fmt.suffix] == fmt.media_type
    assert RDF_MEDIA_TYPES[fmt.media_type] == fmt.pyoxigraph
    assert negotiate(fmt.media_type, RdfFormat) is fmt
    assert (fmt.media_type in QUAD_MEDIA_TYPES) == fmt.names_graphs


def test_only_formats_whose_statements_name_a_graph_carry_quads_in_descriptions() -> None:
    assert QUAD_MEDIA_TYPES == {"application/trig", "application/n-quads"}
    # JSON-LD can hold named graphs (export keeps them) but a description in it is one graph
    assert RdfFormat.JSON_LD.supports_datasets and not RdfFormat.JSON_LD.names_graphs


@pytest.mark.parametrize(("content_type", "expected"), [
    ("text/turtle", RdfFormat.TURTLE),
    ("Text/Turtle; charset=UTF-8", RdfFormat.TURTLE),
    ("application/x-turtle", RdfFormat.TURTLE),
    ("application/n-quads", RdfFormat.N_QUADS),
    ("application/ld+json;profile=x", RdfFormat.JSON_LD),
    ("application/json", RdfFormat.JSON_LD),
    ("text/html", None),
    ("", None),
    (None, None),
])
def test_a_request_body_format_from_its_content_type(content_type: str | None,
                                                     expected: RdfFormat | None) -> None:
    assert body_format(content_type) is expected


def test_dump_files_are_named_by_the_formats_suffixes() -> None:
    assert [(d.name, d.media_type) for d in DUMPS] == [
        ("resolutions-kg.ttl.gz", "text/turtle"),
        ("resolutions-kg.nq.gz", "application/n-quads"),
        ("resolutions-kg.trig.gz", "application/trig"),
    ]


@pytest.mark.parametrize("fmt", list(ResultsFormat))
def test_results_formats_are_pyoxigraphs(fmt: ResultsFormat) -> None:
    assert fmt.pyoxigraph.media_type.partition(";")[0] == fmt.media_type
    assert isinstance(fmt.pyoxigraph, ox.QueryResultsFormat)
