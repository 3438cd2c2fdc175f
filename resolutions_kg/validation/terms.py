"""SPARQL text for RDF terms and the node tests of SHACL parameters (used by :mod:`.compiler`)."""

from __future__ import annotations

import json

from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH
from rdflib.term import Node

from resolutions_kg.errors import UnsupportedShapeError

#: Parameters understood on any shape: targets, descriptions, and the nesting itself.
IGNORED = {
    RDF.type, RDFS.comment, RDFS.label, SH.message, SH.severity, SH.name, SH.description,
    SH.order, SH.group, SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf,
    SH.property, SH.path, SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.declare, SH.prefixes,
    OWL.imports, RDFS.seeAlso,
}
#: Parameters that constrain each value node on its own.
VALUE_PARAMETERS = {
    SH["class"], SH.datatype, SH.nodeKind, SH.languageIn, SH["in"], SH.pattern, SH.flags,
    SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.maxExclusive, SH.node, SH["or"],
}
COUNTING = {SH.minCount, SH.maxCount, SH.uniqueLang, SH.hasValue, SH.lessThanOrEquals,
            SH.qualifiedValueShape, SH.sparql}
SUPPORTED = IGNORED | VALUE_PARAMETERS | COUNTING


def component(name: str) -> str:
    return f"{SH}{name}ConstraintComponent"


XSD = "http://www.w3.org/2001/XMLSchema#"
TYPE = f"<{RDF.type}>/<{RDFS.subClassOf}>*"

NODE_KINDS: dict[Node, str] = {
    SH.IRI: "isIRI({v})", SH.Literal: "isLiteral({v})", SH.BlankNode: "isBlank({v})",
    SH.BlankNodeOrIRI: "(isBlank({v}) || isIRI({v}))",
    SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
    SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))",
}
#: Lexical forms of the datatypes we check for well-formedness (pyshacl rejects ill-typed
#: literals through rdflib).
LEXICAL = {
    XSD + "integer": r"^[+-]?[0-9]+$",
    XSD + "boolean": r"^(true|false|1|0)$",
    XSD + "date": r"^-?[0-9]{4,}-[0-9]{2}-[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?$",
    XSD + "gYear": r"^-?[0-9]{4,}(Z|[+-][0-9]{2}:[0-9]{2})?$",
}
COMPARISONS: dict[Node, str] = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">",
                SH.maxExclusive: "<"}

def sparql_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def sparql_term(node: Node) -> str:
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        if node.language:
            return f"{sparql_string(str(node))}@{node.language}"
        datatype = node.datatype or URIRef(XSD + "string")
        return f"{sparql_string(str(node))}^^<{datatype}>"
    raise UnsupportedShapeError(f"a blank node {node} as a constant is not supported")


def short_name(node: Node | str) -> str:
    text = str(node)
    return text.rsplit("#", 1)[-1] if "#" in text else text


def shown_shape(shape: Node) -> str:
    return f"<{shape}>" if isinstance(shape, URIRef) else "[]"


def component_name(parameter: Node) -> str:
    name = str(parameter).rsplit("#", 1)[1]
    return {"class": "Class", "in": "In", "or": "Or"}.get(name, name[0].upper() + name[1:])
