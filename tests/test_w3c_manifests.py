"""The W3C SPARQL 1.1 Protocol and Graph Store Protocol (indirect) test manifests, run live.

The manifests (``../shared/w3c``) are read with rdflib. Each test is a sequence of HTTP requests
(``ht:requests``) with the expected status classes, boolean, result format, response headers and
body. Requests go to a ``reskg serve`` started with an update token (sent with every request);
``/sparql/`` becomes ``/sparql`` and ``/gsp`` becomes ``/store``; the ``www.example`` authority
is replaced by the test server's. Before each test the store is emptied (``DROP ALL``) and the
test's ``ut:graphData`` files are PUT into their named graphs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from xml.dom import minidom

import httpx
import pytest
import rdflib
from endpoint_support import TOKEN, Server
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS

pytest_plugins = ["endpoint_fixtures"]

W3C = Path(__file__).resolve().parents[2] / "shared" / "w3c"
PROTOCOL = W3C / "protocol" / "manifest.ttl"
GRAPH_STORE = W3C / "graph-store" / "manifest-indirect.ttl"

MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = rdflib.Namespace("http://www.w3.org/2011/http#")
HTS = rdflib.Namespace("http://www.w3.org/2011/http-statusCodes#")
CNT = rdflib.Namespace("http://www.w3.org/2011/content#")
UT = rdflib.Namespace("http://www.w3.org/2009/sparql/tests/test-update#")

STATUS = {"OK": 200, "Created": 201, "NoContent": 204, "NotFound": 404}
BOOLEAN_TYPES = {"application/sparql-results+json", "application/sparql-results+xml"}
TABULAR_TYPES = BOOLEAN_TYPES | {"text/csv", "text/tab-separated-values"}
RDF_TYPES = {"text/turtle", "application/n-triples", "application/rdf+xml",
             "application/ld+json"}


@dataclass
class Step:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    statuses: list[str]
    boolean: bool | None = None
    format: str | None = None
    response_headers: dict[str, str] = field(default_factory=dict)
    response_body: str | None = None
    location_var: str | None = None


@dataclass
class Case:
    name: str
    steps: list[Step]
    graph_data: list[tuple[Path, str]]


def _items(graph: rdflib.Graph, head: rdflib.term.Node | None) -> list[rdflib.term.Node]:
    return list(Collection(graph, head)) if head is not None else []


def _text(graph: rdflib.Graph, node: rdflib.term.Node | None) -> str | None:
    if node is None:
        return None
    chars = graph.value(node, CNT.chars)
    return None if chars is None else str(chars)


def load_cases(manifest: Path) -> list[Case]:
    g = rdflib.Graph().parse(manifest, format="turtle", publicID=manifest.as_uri())
    root = next(g.subjects(MF.entries, None))
    cases = []
    for entry in _items(g, g.value(root, MF.entries)):
        action = g.value(entry, MF.action)
        steps = []
        for req in _items(g, g.value(action, HT.requests)):
            resp = g.value(req, HT.resp)
            headers = {
                str(g.value(h, HT.fieldName)).lower(): str(g.value(h, HT.fieldValue))
                for h in _items(g, g.value(req, HT.headers))
            }
            body = _text(g, g.value(req, HT.body))
            expected_bool = g.value(resp, MF.expectedBoolean)
            expected_format = g.value(resp, MF.expectedFormat)
            location = g.value(resp, MF.expectedLocation)
            steps.append(Step(
                method=str(g.value(req, HT.methodName)),
                path=str(g.value(req, HT.absolutePath)),
                headers=headers,
                body=None if body is None else body.encode("utf-8"),
                statuses=[str(s).rsplit("#", 1)[1] for s in g.objects(resp, MF.expectedStatus)],
                boolean=None if expected_bool is None else bool(expected_bool.toPython()),
                format=None if expected_format is None else str(expected_format),
                response_headers={
                    str(g.value(h, HT.fieldName)).lower(): str(g.value(h, HT.fieldValue))
                    for h in _items(g, g.value(resp, HT.headers))
                },
                response_body=_text(g, g.value(resp, HT.body)),
                location_var=None if location is None else str(location),
            ))
        data = [
            (Path(str(g.value(d, UT.graph)).removeprefix("file://")), str(g.value(d, RDFS.label)))
            for d in g.objects(entry, UT.graphData)
        ]
        cases.append(Case(str(entry).rsplit("#", 1)[1], steps, sorted(data)))
    return cases


PROTOCOL_CASES = load_cases(PROTOCOL)
GRAPH_STORE_CASES = load_cases(GRAPH_STORE)


def test_the_manifests_hold_every_test() -> None:
    assert len(PROTOCOL_CASES) == 34
    assert len(GRAPH_STORE_CASES) == 9


@pytest.fixture(scope="module")
def w3c_client(writable_server: Server) -> httpx.Client:
    with httpx.Client(base_url=writable_server.url, timeout=30,
                      headers={"Authorization": f"Bearer {TOKEN}"}) as c:
        yield c  # type: ignore[misc]


def _reset(client: httpx.Client, case: Case) -> None:
    r = client.post("/sparql", content="DROP ALL",
                    headers={"Content-Type": "application/sparql-update"})
    assert r.status_code == 204, r.text
    for path, graph in case.graph_data:
        r = client.put("/store", params={"graph": graph}, content=path.read_bytes(),
                       headers={"Content-Type": "application/n-triples"})
        assert r.status_code == 201, r.text


def _local(path: str) -> str:
    if path.startswith("/sparql/"):
        return "/sparql" + path.removeprefix("/sparql/")
    if path.startswith("/gsp"):
        return "/store" + path.removeprefix("/gsp")
    raise AssertionError(f"unexpected path {path}")


def _status_ok(code: int, expected: list[str]) -> bool:
    for name in expected:
        if name.startswith("StatusCode") and code // 100 == int(name[len("StatusCode")]):
            return True
        if STATUS.get(name) == code:
            return True
    return False


def _media(value: str) -> tuple[str, dict[str, str]]:
    media, *params = (p.strip() for p in value.split(";"))
    return media.lower(), {
        k.strip().lower(): v.strip().lower() for k, _, v in (p.partition("=") for p in params)
    }


def _boolean(response: httpx.Response) -> bool:
    media, _ = _media(response.headers["content-type"])
    if media == "application/sparql-results+json":
        return bool(json.loads(response.text)["boolean"])
    doc = minidom.parseString(response.content)
    return doc.getElementsByTagName("boolean")[0].firstChild.data == "true"  # type: ignore


def run_case(client: httpx.Client, case: Case) -> None:
    _reset(client, case)
    variables: dict[str, str] = {}
    for i, step in enumerate(case.steps):
        path = step.path
        for name, value in variables.items():
            path = path.replace(name, value)
        r = client.request(step.method, _local(path), headers=step.headers, content=step.body)
        where = f"{case.name} step {i + 1}: {step.method} {path} → {r.status_code} {r.text[:300]}"
        assert _status_ok(r.status_code, step.statuses), where
        if step.location_var:
            variables[step.location_var] = r.headers["location"]
        if step.format:
            media, _ = _media(r.headers["content-type"])
            allowed = {"boolean": BOOLEAN_TYPES, "tabular": TABULAR_TYPES, "RDF": RDF_TYPES}
            assert media in allowed[step.format], where
        if step.boolean is not None:
            assert _boolean(r) is step.boolean, where
        for name, value in step.response_headers.items():
            assert _media(r.headers[name]) == _media(value), where
        if step.response_body is not None and step.method != "HEAD":
            expected = rdflib.Graph().parse(data=step.response_body, format="turtle")
            actual = rdflib.Graph().parse(data=r.text, format="turtle")
            assert isomorphic(expected, actual), f"{where}\n{r.text}"


@pytest.mark.parametrize("case", PROTOCOL_CASES, ids=lambda c: c.name)
def test_protocol(w3c_client: httpx.Client, case: Case) -> None:
    run_case(w3c_client, case)


@pytest.mark.parametrize("case", GRAPH_STORE_CASES, ids=lambda c: c.name)
def test_graph_store_indirect(w3c_client: httpx.Client, case: Case) -> None:
    run_case(w3c_client, case)
