"""Settings, declared once as data.

Each setting has a name, a default, a type and a help text. The CLI builds its options from this
table, every option can also be given as the ``RESKG_<NAME>`` environment variable, and the README's
settings table is generated from it (``reskg settings``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_BASE_IRI = "https://w3id.org/resolutions-kg/"


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    type: type = str

    @property
    def envvar(self) -> str:
        return "RESKG_" + self.name.upper()

    @property
    def option(self) -> str:
        return "--" + self.name.replace("_", "-")


SETTINGS: tuple[Setting, ...] = (
    Setting("store", None, "Folder of the on-disk Oxigraph store."),
    Setting("base_iri", DEFAULT_BASE_IRI, "Base IRI under which data IRIs are minted."),
    Setting(
        "backend",
        None,
        "SPARQL endpoint to serve (read-only) instead of --store: pages, dumps, VoID, the query "
        "UI, named queries and /sparql go to it.",
    ),
    Setting("host", "127.0.0.1", "Address the server listens on."),
    Setting("port", 8000, "Port the server listens on.", int),
    Setting(
        "update_token",
        None,
        "Bearer token that allows SPARQL Update and Graph Store writes; none means read-only.",
    ),
    Setting(
        "query_timeout",
        30.0,
        "Longest a query may run, in seconds (clients may ask for less).",
        float,
    ),
    Setting(
        "header_timeout",
        10.0,
        "Seconds a client has to send a request's line and headers (from the moment it "
        "connects, or its last response ends), and longest pause while it sends a body; past "
        "it the connection is closed.",
        float,
    ),
    Setting(
        "keep_alive_timeout",
        5,
        "Seconds an idle keep-alive connection stays open.",
        int,
    ),
    Setting("max_query_length", 100_000, "Longest query text accepted, in characters.", int),
    Setting(
        "max_document_size",
        1_000_000,
        "Largest source document `reskg load` and `reskg validate` read, in bytes (a .docx "
        "package may unpack to 20 times as much); a larger one is refused with a clear error. "
        "Real resolutions are 2–50 KB; loading a 1 MB one takes about 21 s of CPU time and "
        "0.85 GB (bench/large_bench.py).",
        int,
    ),
    Setting(
        "max_query_memory",
        1 << 30,
        "Most memory a query may take, in bytes, over what its process holds when idle; past "
        "it the query is stopped and answered with 503 (0: no limit). On a server that accepts "
        "writes it is each worker process's limit; on a read-only server the limit of the "
        "queries of one server process together.",
        int,
    ),
    Setting(
        "max_query_depth",
        64,
        "Deepest nesting of brackets, braces, parentheses, << and runs of ! or ^ accepted in a "
        "query or update (deeper ones are refused with 400 before they are parsed; 0: no limit).",
        int,
    ),
    Setting(
        "max_query_chain",
        256,
        "Longest chain of operators (|| && + - * / |) and group keywords (BIND, OPTIONAL, "
        "UNION …) accepted in a query or update, counted through the brackets open at a point "
        "(longer ones are refused with 400 before they are parsed; 0: no limit).",
        int,
    ),
    Setting(
        "service_allow",
        "",
        "IRI prefixes, comma-separated, that SERVICE and LOAD may call; empty: none (every "
        "SERVICE and LOAD is refused with 400).",
    ),
    Setting("max_body", 50_000_000, "Largest request body accepted, in bytes.", int),
    Setting(
        "max_body_depth",
        256,
        "Deepest nesting of objects and arrays (JSON-LD) or elements (RDF/XML) accepted in a "
        "Graph Store body (deeper ones are refused with 400 before they are parsed; 0: no "
        "limit).",
        int,
    ),
    Setting(
        "workers",
        2,
        "Queries run at once per server process (threads on a read-only server, worker "
        "processes on one that accepts writes).",
        int,
    ),
    Setting(
        "max_result_bytes",
        100_000_000,
        "Largest result of a query, in bytes as sent; a query whose result grows past it is "
        "stopped and answered with 503 (0: no limit).",
        int,
    ),
    Setting(
        "max_client_queries",
        4,
        "Queries one client address may run at once per server process; one more is answered "
        "with 429 and Retry-After (0: no limit). Behind a proxy every client has its address.",
        int,
    ),
    Setting(
        "reopen_writes",
        200,
        "A server that accepts writes closes its store and opens it again after this many "
        "writes (RocksDB holds on to memory, 30-40 KB a write, while pages are read through "
        "the store it writes, and gives it back only on close; reads go on meanwhile); 0: "
        "never.",
        int,
    ),
    Setting(
        "processes",
        0,
        "Server processes of a read-only server (0: one per core, at most four).",
        int,
    ),
    Setting(
        "pin_cpus",
        True,
        "Pin each server process of a read-only server to a CPU of its own when there are as "
        "many processes as CPUs (Linux): its queries and its event loop then share one core's "
        "caches.",
        bool,
    ),
    Setting(
        "memory_triples",
        5_000_000,
        "A read-only server copies the store into memory (faster joins and text filters) "
        "when it holds at most this many triples and a copy for each server process and the "
        "supervisor fits in half of the memory available (about 0.5-0.6 GB per million "
        "triples each); it answers from the store on disk until the copy is ready; 0: always "
        "query the store on disk.",
        int,
    ),
    Setting(
        "releases",
        None,
        "Folder of the versioned releases `reskg release` writes and the server lists at "
        "/releases/ (default: `releases` beside the store folder).",
    ),
    Setting(
        "release_metadata",
        None,
        "TOML file of the release metadata people supply: title, creators, licence, publisher, "
        "keywords, DOI (default: `release.toml` in the releases folder, else the dataset "
        "description of /dataset).",
    ),
)

#: Options of single commands, each also a ``RESKG_*`` variable (``reskg settings`` lists them
#: with the others). They are not server settings: ``create_app`` does not take them.
COMMAND_SETTINGS: tuple[Setting, ...] = (
    Setting(
        "log_level",
        "info",
        "Server log level: critical, error, warning, info or debug (the access log is at info).",
    ),
    Setting("force", False, "Reload documents even when their bytes are unchanged.", bool),
    Setting(
        "jobs",
        None,
        "Worker processes that parse, map and validate documents [default: the number of CPUs "
        "for 16 files or more, else 1: starting a worker costs about as much as preparing a "
        "few documents].",
        int,
    ),
    Setting("output", None, "File to write (default: standard output)."),
)

BY_NAME: dict[str, Setting] = {s.name: s for s in SETTINGS + COMMAND_SETTINGS}


def setting(name: str) -> Setting:
    return BY_NAME[name]


def releases_folder(releases: str | None, store: str | None) -> str | None:
    """The releases folder: ``releases`` when given, else ``releases`` beside the store folder
    (None without either)."""
    if releases:
        return releases
    if store:
        return str(Path(store).resolve().parent / "releases")
    return None
