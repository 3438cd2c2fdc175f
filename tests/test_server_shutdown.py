"""A server told to stop answers the queries it accepted before it goes (issue 13).

A stopping ``reskg serve`` process gets uvicorn's graceful shutdown; it used to last 5 s, so a
query still running then was cut off and its client got a 500 (seen at 10M triples, when a
retiring process had just accepted a query that then ran to its time limit). The shutdown now
lasts the query time limit and a margin: the query ends — here stopped by its time limit — and
is answered as it would be on a server that keeps running.

A stopping process also answers a request that reaches it on a connection it holds idle — one a
client has just opened, or keeps alive after an answer. uvicorn closes such connections at once,
and a process replaced by one over a new store version (or over the in-memory copy, shortly after
a start) did so while clients' requests were on their way: «Server disconnected without sending
a response» on a client's first request.
"""

from __future__ import annotations

import re
import signal
import socket
import threading
import time
from pathlib import Path
from urllib.parse import quote

from endpoint_support import Server, build_store

#: A cross product that runs far past the time limit; the limit stops it.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
#: Longer than the 5 s the graceful shutdown used to last.
TIMEOUT = 8


def test_a_stopping_server_answers_the_query_it_is_running(tmp_path: Path) -> None:
    store = build_store(tmp_path / "store", filler=3000)
    server = Server(store, "--processes", "1", "--query-timeout", str(TIMEOUT)).start()
    answer: dict[str, bytes] = {}
    sent = threading.Event()

    def ask() -> None:  # a raw socket: the request is sent whole before the server is stopped
        with socket.create_connection(("127.0.0.1", server.port), timeout=60) as sock:
            sock.sendall(f"GET /sparql?query={quote(RUNAWAY)} HTTP/1.1\r\n"
                         f"Host: 127.0.0.1\r\nAccept: text/plain\r\nConnection: close\r\n\r\n"
                         .encode())
            sent.set()
            chunks = []
            while chunk := sock.recv(65536):
                chunks.append(chunk)
            answer["raw"] = b"".join(chunks)

    thread = threading.Thread(target=ask)
    try:
        thread.start()
        assert sent.wait(10)
        time.sleep(1)  # the server reads the request and starts the query (nothing to watch)
        assert server.process is not None
        server.process.send_signal(signal.SIGTERM)
        thread.join(TIMEOUT + 30)
        assert not thread.is_alive()
        assert server.process.wait(30) == 0
    finally:
        server.stop()
    status_line, _, rest = answer["raw"].partition(b"\r\n")
    assert status_line == b"HTTP/1.1 503 Service Unavailable", answer["raw"][:500]
    assert b"Query stopped" in rest
    assert b"retry-after" in rest.lower()


def _answer(sock: socket.socket) -> bytes:
    chunks = []
    try:
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    except ConnectionResetError:
        pass
    return b"".join(chunks)


def _one_answer(sock: socket.socket) -> bytes:
    """One whole answer (headers and its ``content-length`` of body) on a kept-alive connection."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(re.search(rb"content-length: *(\d+)", head, re.I).group(1))  # type: ignore
    while len(body) < length:
        body += sock.recv(65536)
    return head + b"\r\n\r\n" + body


def test_a_stopping_server_answers_requests_on_connections_it_holds(tmp_path: Path) -> None:
    server = Server(build_store(tmp_path / "store"), "--processes", "1").start()
    request = b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    try:
        fresh = socket.create_connection(("127.0.0.1", server.port), timeout=30)
        kept = socket.create_connection(("127.0.0.1", server.port), timeout=30)
        kept.sendall(request)
        first = _one_answer(kept)
        assert first.startswith(b"HTTP/1.1 200") and b"connection: close" not in first.lower()
        time.sleep(0.5)  # the server has accepted the fresh connection (it sent nothing yet)
        assert server.process is not None
        server.process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 20
        while b"Shutting down" not in server.log.read_bytes():  # uvicorn's line, then it acts
            assert time.monotonic() < deadline, server.log.read_text()
            time.sleep(0.02)
        time.sleep(0.3)  # well inside the stopping process's grace, past its closing of idlers
        for sock in (fresh, kept):
            with sock:
                sock.sendall(request)
                answer = _answer(sock)
                assert answer.startswith(b"HTTP/1.1 200 OK"), answer
                assert b"connection: close" in answer.lower()
        assert server.process.wait(30) == 0
    finally:
        server.stop()
