"""The catalogue of named SPARQL queries.

Each ``*.rq`` file in this folder is one named query (the file stem is its name). The file is
valid SPARQL on its own; its metadata sits in grlc-style ``#+`` comment lines at the top::

    #+ title: Recommendations
    #+ description: One row per recommendation, in document order.
    #+   Continuation lines are indented by at least two spaces.
    #+ param: resolution (iri, optional): Only this resolution's recommendations.
    #+ param: limit (integer, default 20): How many rows.
    #+ example: reskg query recommendations --store DIR --param topic=оцифровка

A parameter ``name`` is the query variable ``?name``; it is always projected by the query (so
that a bound value shows in the results). Parameters are typed (:data:`TYPES`) and are bound

- locally with pyoxigraph's ``substitutions=`` (:func:`run`), never pasted into the text;
- for a remote endpoint (:func:`run_remote`) with a ``VALUES`` block inserted right after the
  opening brace of the top-level ``WHERE`` group, each value written as an N-Triples term (so a
  value such as ``"} ; DROP ALL ; {"`` stays one harmless literal).

A query must therefore never ``BIND`` or project an expression ``AS ?param``.
"""

from __future__ import annotations

from resolutions_kg.queries.named import (
    NamedQuery,
    catalogue,
    load_query_file,
    named_query,
    parse_query,
)
from resolutions_kg.queries.params import TYPE_HELP, TYPES, XSD, Parameter, Term
from resolutions_kg.queries.results import Format, Results, plain, plain_rows, rows, serialize
from resolutions_kg.queries.running import query_form, run, run_remote, with_values

__all__ = [
    "TYPES",
    "TYPE_HELP",
    "XSD",
    "Format",
    "NamedQuery",
    "Parameter",
    "Results",
    "Term",
    "catalogue",
    "load_query_file",
    "named_query",
    "parse_query",
    "plain",
    "plain_rows",
    "query_form",
    "rows",
    "run",
    "run_remote",
    "serialize",
    "with_values",
]
