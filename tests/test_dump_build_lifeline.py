"""A dump build dies with the server process that started it (issue 13).

The server builds its dumps in a child process (``resolutions_kg.endpoint.dump_build``), in the
background. Stopped with SIGTERM (at a restart, or when it retires for a new store version), the
server used to leave the build running as an orphan — a dozen piled up on a machine during a
benchmark. The build now watches its parent and exits when it is gone.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
from endpoint_support import build_store, free_port


def _builds(store: Path) -> list[int]:
    """The dump builds of ``store`` (its dumps are built under it: other tests' servers, in
    other workers, build theirs elsewhere)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
            state = (entry / "stat").read_text().split()[2]
        except OSError:
            continue
        if (b"resolutions_kg.endpoint.dump_build" in cmdline and str(store).encode() in cmdline
                and state != "Z"):
            found.append(int(entry.name))
    return found


def test_a_dump_build_stops_with_the_server_that_started_it(tmp_path: Path) -> None:
    store = build_store(tmp_path / "store", filler=400_000)  # a build of several seconds
    port = free_port()
    reskg = Path(sys.executable).with_name("reskg")
    env = {k: v for k, v in os.environ.items() if not k.startswith("RESKG_")}
    with (tmp_path / "server.log").open("wb") as log:
        server = subprocess.Popen([str(reskg), "serve", "--store", str(store), "--port",
                                   str(port), "--processes", "1"],
                                  stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.monotonic() + 60
        builds: list[int] = []
        while not builds:  # the server builds its dumps in the background after it starts
            assert time.monotonic() < deadline, "no dump build started"
            assert server.poll() is None, (tmp_path / "server.log").read_text()
            builds = _builds(store)
            time.sleep(0.05)
        while True:  # and answers meanwhile
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=10).status_code == 200:
                    break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the server never answered"
                time.sleep(0.05)
        assert set(builds) & set(_builds(store)), "the build ended before the server was stopped"
        server.send_signal(signal.SIGTERM)
        server.wait(60)
        deadline = time.monotonic() + 5  # the build looks at its parent every second
        while set(builds) & set(_builds(store)):
            assert time.monotonic() < deadline, "the dump build outlived its server"
            time.sleep(0.1)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
        for pid in set(_builds(store)):
            os.kill(pid, signal.SIGKILL)
