"""Worker processes die with the process that started them.

A worker of ``reskg load`` or of the server's query pool blocks on its pipe; when its parent is
killed outright (``kill -9``, the out-of-memory killer) nothing told it to stop, and it lived
on. :func:`die_with_parent`, called first thing in the worker, watches the parent's process id
from a daemon thread and exits when the worker has been orphaned, and with ``signal=True`` also
asks Linux to send the worker SIGKILL the moment its parent dies (``prctl(PR_SET_PDEATHSIG)``).
The signal is tied to the parent *thread* that started the worker, so ask for it only when that
thread lives as long as its process (the main thread of ``reskg load``), not for workers that a
short-lived thread starts (the query pool's replacements).
"""

from __future__ import annotations

import ctypes
import os
import signal as signals
import sys
import threading

#: linux/prctl.h
PR_SET_PDEATHSIG = 1
#: Seconds between two looks at the parent's process id.
WATCH_SECONDS = 1.0


def die_with_parent(*, signal: bool = False) -> None:
    """Exit this process when its parent process dies (see the module)."""
    parent = os.getppid()
    if signal and sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signals.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if parent == 1 or os.getppid() != parent:  # orphaned already
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            threading.Event().wait(WATCH_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="reskg-lifeline", daemon=True).start()
