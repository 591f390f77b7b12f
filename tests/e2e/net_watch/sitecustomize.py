"""Loaded by Python at start-up when this folder is on PYTHONPATH: records every name lookup and
every socket connect or send the process makes, one line each, in the file $NET_WATCH_LOG.

Python's audit hooks see each call before the operating system does, so a lookup that fails (as
they do on a machine without internet) is recorded as well as one that succeeds.
"""

import os
import sys

LOG = os.environ.get("NET_WATCH_LOG")


def _record(line: str) -> None:
    with open(LOG, "a", encoding="utf-8") as log:
        log.write(line + "\n")


def _hook(event: str, args: tuple) -> None:
    if event == "socket.getaddrinfo":
        _record(f"lookup\t{args[0]!r}")
    elif event == "socket.connect":
        _record(f"connect\t{args[0].family.name}\t{args[1]!r}")
    elif event == "socket.sendto":
        _record(f"sendto\t{args[0].family.name}\t{args[-1]!r}")


if LOG:
    _record(f"watching\t{os.getpid()}")
    sys.addaudithook(_hook)
