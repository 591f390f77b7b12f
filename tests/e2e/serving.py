"""The app as `make run` serves it (`python -m decision_aid.ui.serve`), for the network and
deployment tests; tests/e2e/conftest.py's `run_streamlit` serves any script with `streamlit run`."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .conftest import ROOT, Server, _free_port, _wait_healthy, stop

LAUNCHER = [sys.executable, "-m", "decision_aid.ui.serve"]
PLAIN_STREAMLIT = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py")]


@contextmanager
def serve(tmpdir: Path, log: Path, command: list[str] = LAUNCHER, options: list[str] = (),
          env: dict[str, str] | None = None) -> Iterator[Server]:
    """Serve on a free loopback port (unless `options` say otherwise) until the block ends."""
    port = _free_port()
    full_env = {**os.environ, "TMPDIR": str(tmpdir), "PYTHONDONTWRITEBYTECODE": "1", **(env or {})}
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w", encoding="utf-8") as log_file:
        process = subprocess.Popen(
            [*command, "--server.port", str(port), *options],
            cwd=ROOT, env=full_env, stdout=log_file, stderr=subprocess.STDOUT,
        )
    try:
        _wait_healthy(f"http://127.0.0.1:{port}", process, log)
        yield Server(base_url=f"http://127.0.0.1:{port}", process=process, tmpdir=tmpdir, log=log)
    finally:
        stop(process)
