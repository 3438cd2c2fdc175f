"""A throwaway OpenLink Virtuoso for integration tests.

:class:`Virtuoso` starts ``virtuoso-t`` in the foreground on 127.0.0.1 with its own database in a
temporary folder and a minimal ``virtuoso.ini`` (free ports for isql and HTTP, never the default
1111/8890), grants SPARQL Update to the anonymous ``SPARQL`` user (throwaway database only), and
stops it afterwards. Tests that need it are skipped, with the reason, when the ``virtuoso-t``
binary is missing (Debian: ``apt-get install virtuoso-opensource``).

Endpoints of a running instance: ``sparql`` (SPARQL 1.1 Protocol, query and update),
``gsp`` (Graph Store Protocol, ``/sparql-graph-crud``) and ``gsp_auth``
(``/sparql-graph-crud-auth``, digest auth as ``dba``/``dba``).

Fixtures (a pytest plugin: ``pytest_plugins = ["virtuoso_fixtures"]``; import its classes only
for type checking):

- ``virtuoso``: the running server, empty (session-wide);
- ``corpus_store``: a local store with every corpus document, loaded by ``reskg load``;
- ``pushed``: ``virtuoso`` after ``reskg push`` of ``corpus_store`` (session-wide);
- ``reskg``: :func:`run_reskg`, which runs a ``reskg`` command in a subprocess (``push`` too,
  before the command is registered in ``resolutions_kg.cli.COMMAND_MODULES``);
- ``backend_server``: :class:`BackendServer`, ``reskg serve --backend URL`` on a free port.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from endpoint_support import Server, free_port

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
TVER = CORPUS / "tver-2012.txt"

BINARY = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt") or shutil.which("isql")
SKIP_REASON = (
    "virtuoso-t is not installed (Debian: apt-get install virtuoso-opensource); "
    "the Virtuoso integration tests need a real Virtuoso"
)
#: Where Debian keeps the VAD packages (only listed in DirsAllowed, none is installed).
VAD_DIR = "/usr/share/virtuoso-opensource-7/vad"

INI = """\
[Database]
DatabaseFile       = {db}/virtuoso.db
ErrorLogFile       = {db}/virtuoso.log
LockFile           = {db}/virtuoso.lck
TransactionFile    = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {db}/virtuoso-temp.db
TransactionFile    = {db}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort               = 127.0.0.1:{isql_port}
DisableUnixSocket        = 1
DisableTcpSocket         = 0
MaxClientConnections     = 10
CheckpointInterval       = 60
CaseMode                 = 2
DirsAllowed              = ., {db}, {vad}
NumberOfBuffers          = 10000
MaxDirtyBuffers          = 6000
MaxQueryMem              = 500M

[HTTPServer]
ServerPort                  = 127.0.0.1:{http_port}
ServerRoot                  = {db}/vsp
MaxClientConnections        = 10
ServerThreads               = 10
EnabledDavVSP               = 0
HTTPProxyEnabled            = 0
Charset                     = UTF-8
EnabledGzipContent          = 0

[Client]
SQL_PREFETCH_ROWS  = 100
SQL_PREFETCH_BYTES = 16000
SQL_QUERY_TIMEOUT  = 0
SQL_TXN_TIMEOUT    = 0

[SPARQL]
ResultSetMaxRows           = 100000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = 60
"""


class Virtuoso:
    """One Virtuoso server with its own database in ``folder``."""

    def __init__(self, folder: Path) -> None:
        if BINARY is None:
            raise RuntimeError(SKIP_REASON)
        self.folder = folder
        self.isql_port = free_port()
        self.http_port = free_port()
        self.base = f"http://127.0.0.1:{self.http_port}"
        self.sparql = f"{self.base}/sparql"
        self.gsp = f"{self.base}/sparql-graph-crud"
        self.gsp_auth = f"{self.base}/sparql-graph-crud-auth"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, *, timeout: float = 120.0) -> None:
        (self.folder / "vsp").mkdir(parents=True, exist_ok=True)
        (self.folder / "virtuoso.ini").write_text(INI.format(
            db=self.folder, isql_port=self.isql_port, http_port=self.http_port, vad=VAD_DIR,
        ))
        assert BINARY is not None
        self.process = subprocess.Popen(
            [BINARY, "+foreground", "+configfile", str(self.folder / "virtuoso.ini")],
            cwd=self.folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited early:\n{self.log()[-3000:]}")
            try:
                answer = httpx.get(self.sparql, params={"query": "ASK {}"}, timeout=2.0)
                if answer.status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        else:
            self.stop()
            raise RuntimeError(f"virtuoso-t did not answer within {timeout:g} s")
        # The throwaway database lets the anonymous SPARQL user write (never do this for real).
        self.isql('GRANT SPARQL_UPDATE TO "SPARQL";')
        self.isql("DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);")

    def isql(self, statement: str) -> str:
        if ISQL is None:
            raise RuntimeError("isql-vt is not installed")
        done = subprocess.run(
            [ISQL, f"127.0.0.1:{self.isql_port}", "dba", "dba", f"exec={statement}"],
            capture_output=True, text=True, timeout=120, check=False,
        )
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            raise RuntimeError(f"isql {statement!r} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def log(self) -> str:
        path = self.folder / "virtuoso.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        try:
            self.isql("shutdown();")
        except (RuntimeError, subprocess.TimeoutExpired):
            pass
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    """A running Virtuoso with an empty throwaway database (skipped without virtuoso-t)."""
    if BINARY is None:
        if os.environ.get("CI"):
            pytest.fail(SKIP_REASON + " — CI must run this test (.ci/run installs the package)")
        pytest.skip(SKIP_REASON)
    server = Virtuoso(tmp_path_factory.mktemp("virtuoso"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


def run_reskg(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run ``reskg ARGS…`` in a subprocess (no RESKG_* variables from outside)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RESKG_")}
    command = [str(Path(sys.executable).with_name("reskg")), *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=timeout,
                          check=False)


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding every corpus document (loaded through ``reskg load``; read-only)."""
    folder = tmp_path_factory.mktemp("corpus") / "store"
    files = sorted(p for p in CORPUS.iterdir()
                   if p.suffix in (".txt", ".md", ".html") and p.name != "README.md")
    done = run_reskg("load", *map(str, files), "--store", str(folder))
    assert done.returncode == 0, done.stdout + done.stderr
    return folder


@pytest.fixture(scope="session")
def pushed(virtuoso: Virtuoso, corpus_store: Path) -> Virtuoso:
    """Virtuoso holding the corpus store, pushed by ``reskg push`` over its Graph Store."""
    done = run_reskg("push", "--store", str(corpus_store), "--to", virtuoso.gsp, "--quiet")
    assert done.returncode == 0, done.stdout + done.stderr
    return virtuoso


@pytest.fixture(scope="session")
def reskg() -> Any:
    return run_reskg


@pytest.fixture(scope="session")
def backend_server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Make a ``reskg serve --backend URL …`` server (a context manager)."""
    logs = tmp_path_factory.mktemp("backend-logs")

    def make(backend: str, *args: str) -> Server:
        return Server(None, *args, backend=backend, log_dir=logs)

    return make
