"""`python -m decision_aid.ui.serve [streamlit options]`: `streamlit run app.py` that never asks the
internet who this machine is.

Streamlit looks up the machine's addresses to print "Network URL" / "External URL" at start-up and
to judge a websocket from another origin: it asks checkip.amazonaws.com over HTTP(S) and opens a
socket towards 8.8.8.8. No setting turns the second case off (a refused connection still asks, every
time, while the lookup fails), so the two lookups are replaced before the server starts. The
origin check then falls back to what is configured (same origin, `browser.serverAddress`,
`server.corsAllowedOrigins`), which is what a clinic behind its own proxy wants anyway.
"""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit import net_util
from streamlit.web import cli

APP = Path(__file__).resolve().parents[2] / "app.py"
LOOKUPS = ("get_external_ip", "get_internal_ip")


def _no_address() -> None:
    """This machine's address is never looked up: Streamlit treats None as "not known"."""


def turn_off_address_lookups() -> None:
    for name in LOOKUPS:
        # A Streamlit that renamed these would quietly look up again: fail loudly instead.
        if not hasattr(net_util, name):
            raise AttributeError(f"streamlit.net_util.{name} is gone: check decision_aid/ui/serve.py")
        setattr(net_util, name, _no_address)


def main(argv: list[str] | None = None) -> None:
    turn_off_address_lookups()
    options = sys.argv[1:] if argv is None else argv
    sys.argv = ["streamlit", "run", str(APP), *options]
    cli.main(prog_name="streamlit")


if __name__ == "__main__":
    main()
