"""The rdflib graph pyshacl validates, with SHACL-SPARQL answered by Oxigraph.

pyshacl walks an rdflib graph; our data arrive as pyoxigraph terms. :func:`rdflib_term` and
:func:`oxigraph_term` convert between the two (IRIs cached: documents share most of theirs), and
:class:`ValidationGraph` keeps each triple's pyoxigraph twin so that the SHACL-SPARQL constraints
can run in Oxigraph without converting the graph back.
"""

from __future__ import annotations

import functools
from typing import Any, cast

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result as QueryResult
from rdflib.term import Identifier, Node, Variable


@functools.lru_cache(maxsize=100_000)
def _iri(value: str) -> URIRef:
    return URIRef(value)


def rdflib_term(term: Any) -> Node:
    if isinstance(term, ox.NamedNode):
        return _iri(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=_iri(term.datatype.value))
    raise TypeError(f"cannot validate RDF term {term!r}")


@functools.lru_cache(maxsize=64)
def _prepared(text: str) -> Query:
    return prepareQuery(text)


def oxigraph_quad(triple: tuple[Node, Node, Node]) -> ox.Quad:
    return ox.Quad(*(oxigraph_term(node) for node in triple))


@functools.lru_cache(maxsize=100_000)
def _ox_iri(value: str) -> ox.NamedNode:
    return ox.NamedNode(value)


def oxigraph_term(node: Node) -> Any:
    if isinstance(node, URIRef):
        return _ox_iri(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        if node.datatype is not None:
            return ox.Literal(str(node), datatype=_ox_iri(str(node.datatype)))
        return ox.Literal(str(node))
    raise TypeError(f"cannot query RDF term {node!r}")


class NotSeparable(Exception):  # noqa: N818 - a signal between two of our modules, not an error
    """A SHACL-SPARQL focus node that no single document of a batch owns."""


class ValidationGraph(Graph):
    """The data graph pyshacl validates, answering SHACL-SPARQL constraints fast.

    pyshacl hands rdflib the text of a SHACL-SPARQL constraint for every focus node. A plain
    ``SELECT`` with ``$this`` (and ``$value``, ``$currentShape``) pre-bound runs in Oxigraph, on
    an in-memory copy of the graph made at the first query (SHACL's pre-binding is Oxigraph's
    ``substitutions=``); its solutions come back as rdflib terms. Anything else goes to rdflib,
    with each distinct text parsed once (rdflib's parser takes some 50 ms a query).

    When several documents are validated together (:mod:`resolutions_kg.shacl_together`),
    :meth:`answer_by_owner` makes each query run on the triples of the one document that owns
    ``$this`` only, as when that document is validated alone; a query that cannot be answered
    that way raises :class:`NotSeparable`.
    """

    _ox_store: ox.Store | None = None
    _owners: dict[Node, int] | None = None
    _parts: list[list[ox.Quad]]
    _part_stores: dict[int, ox.Store]

    def __init__(self) -> None:
        super().__init__()
        #: Every triple added, with its Oxigraph twin when the caller had one (iterating
        #: rdflib's store, or converting its terms, is slow).
        self._added: list[tuple[Any, ox.Quad | None]] = []

    def add(self, triple: Any) -> Any:  # type: ignore[override]
        return self.add_twin(triple, None)

    def add_twin(self, triple: Any, twin: ox.Quad | None) -> Any:
        """Add an rdflib triple whose pyoxigraph form (in the default graph) is ``twin``."""
        self._ox_store = None
        self._added.append((triple, twin))
        return super().add(triple)

    def remove(self, triple: Any) -> Any:  # type: ignore[override]
        self._ox_store = None
        result = super().remove(triple)
        self._added = [(t, None) for t in self]
        return result

    def answer_by_owner(self, owners: dict[Node, int], parts: list[list[ox.Quad]]) -> None:
        """Answer SHACL-SPARQL for a focus node ``n`` on ``parts[owners[n]]`` alone."""
        self._owners = owners
        self._parts = parts
        self._part_stores = {}

    def _part_store(self, bindings: dict[str, Node]) -> ox.Store:
        assert self._owners is not None
        owner = self._owners.get(bindings.get("this"))  # type: ignore[arg-type]
        if owner is None:
            raise NotSeparable(f"no one document owns the focus node {bindings.get('this')}")
        if owner not in self._part_stores:
            store = ox.Store()
            store.extend(self._parts[owner])
            self._part_stores[owner] = store
        return self._part_stores[owner]

    def _oxigraph(self) -> ox.Store:
        if self._ox_store is None:
            store = ox.Store()
            store.extend(twin or oxigraph_quad(triple) for triple, twin in self._added)
            self._ox_store = store
        return self._ox_store

    def query(  # type: ignore[override]
        self,
        query_object: str | Query,
        processor: Any = "sparql",
        result: Any = "sparql",
        initNs: Any = None,  # noqa: N803 - rdflib's names
        initBindings: Any = None,  # noqa: N803
        use_store_provided: bool = True,
        **kwargs: Any,
    ) -> Any:
        if isinstance(query_object, str) and not initNs and not kwargs:
            answer = self._select_in_oxigraph(query_object, initBindings or {})
            if answer is not None:
                return answer
        if self._owners is not None:
            raise NotSeparable("a SHACL-SPARQL query Oxigraph does not answer")
        if isinstance(query_object, str) and not initNs and "base" not in kwargs:
            query_object = _prepared(query_object)
        return super().query(
            query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs
        )

    def _select_in_oxigraph(self, text: str, bindings: dict[str, Node]) -> QueryResult | None:
        try:
            substitutions = {ox.Variable(str(k)): oxigraph_term(v) for k, v in bindings.items()}
            store = (self._oxigraph() if self._owners is None
                     else self._part_store({str(k): v for k, v in bindings.items()}))
            solutions = store.query(text, substitutions=substitutions)
        except (SyntaxError, TypeError, ValueError):
            return None
        if not isinstance(solutions, ox.QuerySolutions):
            return None
        variables = [Variable(v.value) for v in solutions.variables]
        answer = QueryResult("SELECT")
        answer.vars = variables
        answer.bindings = [
            {var: cast(Identifier, rdflib_term(value))
             for var, value in zip(variables, row, strict=True) if value is not None}
            for row in solutions
        ]
        return answer
