"""Where a server process keeps its dumps: ``dumps/`` in the store folder when we may write
there, else a temporary folder of its own (``reskg-dumps-PID-…``), removed when the process
ends — and, at the start of another, those of processes that ended without removing theirs
(killed) — so that restarts leave no disk behind."""

from __future__ import annotations

import multiprocessing.util
import os
import shutil
import tempfile
from pathlib import Path

from resolutions_kg.store import STATE_FILE

#: The name of a process's temporary dump folder, before its process ID.
TEMPORARY = "reskg-dumps-"


def default_cache(store_path: Path | None, owner: object) -> Path:
    """``dumps/`` in the store folder when we may write there, else a temporary folder that goes
    when ``owner`` is collected or the process ends (also a server process forked by the
    supervisor, which ``atexit`` would not see)."""
    if store_path is not None and (store_path / STATE_FILE).parent.is_dir():
        folder = store_path / "dumps"
        if os.access(store_path, os.W_OK) or folder.is_dir() and os.access(folder, os.W_OK):
            return folder
    _remove_orphans(Path(tempfile.gettempdir()))
    folder = Path(tempfile.mkdtemp(prefix=f"{TEMPORARY}{os.getpid()}-"))
    multiprocessing.util.Finalize(owner, shutil.rmtree, args=(folder,),
                                  kwargs={"ignore_errors": True}, exitpriority=1)
    return folder


def _remove_orphans(folder: Path) -> None:
    """Remove the temporary dump folders in ``folder`` of this user's processes that ended."""
    for path in folder.glob(f"{TEMPORARY}*"):
        pid = path.name[len(TEMPORARY) :].split("-", 1)[0]
        try:
            if not pid.isdigit() or path.stat().st_uid != os.getuid():
                continue
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(path, ignore_errors=True)
        except OSError:
            continue  # alive (another user's: EPERM), or gone already


def is_temporary(folder: Path) -> bool:
    """Whether ``folder`` is a temporary dump folder of this process (:func:`default_cache`)."""
    return folder.name.startswith(f"{TEMPORARY}{os.getpid()}-")
