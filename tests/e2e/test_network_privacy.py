"""The server makes no request off this machine, ever (issue 17).

Streamlit itself looks up the machine's addresses online: at start-up when it listens on every
interface, and each time it refuses a websocket from another origin. The served app
(`make run`, decision_aid/ui/serve.py) must not. A watch loaded into the server process
(tests/e2e/net_watch) records every name lookup and every socket connect or send it makes; the
same watch on plain `streamlit run` sees Streamlit's lookup, so it would see ours.
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path

import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from .conftest import ROOT, AppDriver, NewContext
from .serving import PLAIN_STREAMLIT, serve
from .visit import answer_checklist, rate_priorities

pytestmark = pytest.mark.browser

WATCH = Path(__file__).parent / "net_watch"
LOCAL_NAMES = {"localhost", "127.0.0.1", "::1", "None", "''"}


def _watched_env(log: Path) -> dict[str, str]:
    path = os.pathsep.join(p for p in (str(WATCH), str(ROOT), os.environ.get("PYTHONPATH")) if p)
    return {"PYTHONPATH": path, "NET_WATCH_LOG": str(log)}


def _refused_websocket(base_url: str) -> None:
    """A page on another site trying to open a session: Streamlit refuses it (HTTP 403)."""
    with pytest.raises(InvalidStatus) as refused:
        connect(base_url.replace("http", "ws") + "/_stcore/stream", origin="http://elsewhere.example",
                open_timeout=10).close()
    assert refused.value.response.status_code == 403


def _is_local(address: str) -> bool:
    """An address as the watch wrote it: ('127.0.0.1', 8501), ('::1', 80, 0, 0) or a socket path."""
    host = address.strip("()").split(",")[0].strip().strip("'")
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return host.startswith("/")  # a Unix socket
    return ip.is_loopback or (ip.version == 6 and ip.ipv4_mapped is not None and ip.ipv4_mapped.is_loopback)


def _off_machine(log: Path) -> tuple[int, list[str]]:
    """How many processes the watch ran in, and every lookup or connection that left the machine."""
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    watching = sum(line.startswith("watching\t") for line in lines)
    leaving = []
    for line in lines:
        kind, *rest = line.split("\t")
        lookup_elsewhere = kind == "lookup" and rest[0].strip("'") not in LOCAL_NAMES
        connect_elsewhere = kind in ("connect", "sendto") and not _is_local(rest[-1])
        if lookup_elsewhere or connect_elsewhere:
            leaving.append(line)
    return watching, leaving


def test_the_served_app_never_connects_off_this_machine(new_context: NewContext, content, tmp_path: Path):
    log = tmp_path / "net.log"
    with serve(tmp_path, tmp_path / "server.log", env=_watched_env(log)) as server:
        app = AppDriver.new(new_context, server)
        app.open("start")
        answer_checklist(app, content)
        rate_priorities(app, content)
        _refused_websocket(server.base_url)
        _refused_websocket(server.base_url)  # a failed lookup is tried again on every refusal
        app.go("summary")
        app.assert_no_error_shown()
    watching, leaving = _off_machine(log)
    assert watching >= 1, "the watch did not run in the server"
    assert not leaving, f"the server reached beyond this machine: {leaving}"


def test_the_watch_sees_plain_streamlit_look_itself_up(tmp_path: Path):
    """The control: Streamlit's own lookup, which decision_aid/ui/serve.py turns off, is seen."""
    log = tmp_path / "net.log"
    with serve(tmp_path, tmp_path / "server.log", command=PLAIN_STREAMLIT, env=_watched_env(log)) as server:
        _refused_websocket(server.base_url)
    watching, leaving = _off_machine(log)
    assert watching >= 1
    assert any("checkip.amazonaws.com" in line for line in leaving), leaving
    assert any("8.8.8.8" in line for line in leaving), leaving
