# Two commands for a newcomer: `make run` and `make test`. Both go through `make install`.
# They install the lock files (every package at the exact version tested); requirements*.txt are the
# top-level pins a person edits, and `make lock` turns them into the lock files.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/bin/chromium

.PHONY: install install-dev lock browser run test check bench clean

install: $(VENV)/.installed
$(VENV)/.installed: requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

install-dev: install $(VENV)/.installed-dev
$(VENV)/.installed-dev: requirements-dev.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	touch $@

# After changing a pin in requirements*.txt: resolve both in a throwaway venv and freeze the result.
LOCK_VENV := .lock-venv
lock:
	rm -rf $(LOCK_VENV) && $(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	{ echo "# Every package requirements.txt installs, at the exact version tested. Made by make lock."; \
	  $(LOCK_VENV)/bin/python -m pip freeze; } > requirements.lock
	$(LOCK_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	{ echo "# Every package requirements-dev.txt installs, at the exact version tested. Made by make lock."; \
	  $(LOCK_VENV)/bin/python -m pip freeze; } > requirements-dev.lock
	rm -rf $(LOCK_VENV)

# Browser tests drive Debian's Chromium (Playwright's own browser download cannot work offline);
# the deployment test runs Debian's nginx in front of the app (docs/deploy.md).
browser:
	@missing=""; test -x $(CHROMIUM) || missing="chromium"; \
	  command -v nginx >/dev/null || test -x /usr/sbin/nginx || missing="$$missing nginx"; \
	  test -z "$$missing" || { \
	  echo "Installing Debian's$$missing for the browser tests..."; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $$missing >/dev/null; }

# `streamlit run app.py` on 127.0.0.1 that never looks up this machine's address online
# (decision_aid/ui/serve.py); docs/deploy.md for serving a clinic's network.
run: install
	$(BIN)/python -m decision_aid.ui.serve

check: install
	$(BIN)/python -m decision_aid check

test: install-dev browser
	$(BIN)/python -m decision_aid check
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

bench: install-dev browser
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache test-artifacts
