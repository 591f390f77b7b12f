"""How this project starts a browser: Debian's Chromium, headless, with its own traffic turned off.

Shared by the browser tests and the benchmark (`bench/browser.py`), so both drive the same browser
the same way. Playwright's browser download cannot work offline; Debian's package is used instead.
"""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    # Chromium's own background traffic (updates, sync, field trials) is not the app's; keep it off
    # so the offline test sees only what the app asks for.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 900}
