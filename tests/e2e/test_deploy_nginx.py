"""docs/deploy/nginx.conf, run for real: Debian's nginx in front of two app processes (issue 17).

The site file is used as shipped, with only its ports, certificate and log path replaced; nginx runs
in the foreground with its own prefix in tmp_path, on free loopback ports, with a throwaway
self-signed certificate. A clinic visit goes through it in Chromium; the test checks the security
headers, that the page breaks none of its content security policy, that Streamlit's internal
endpoints are not reachable, and that every request of a session reaches the process holding it.
"""

from __future__ import annotations

import os
import re
import shutil
import ssl
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import ARTIFACTS, PAGE_IDS, ROOT, AppDriver, NewContext, Server, _free_port
from .serving import serve
from .visit import agree_next_step, answer_checklist, rate_priorities

pytestmark = pytest.mark.browser

SITE = ROOT / "docs" / "deploy" / "nginx.conf"
NGINX = Path(shutil.which("nginx") or "/usr/sbin/nginx")
ROUTE_COOKIE = "decision_aid_route"
NO_TLS_CHECK = ssl._create_unverified_context()  # the throwaway certificate is self-signed


@dataclass
class Proxy:
    base_url: str  # https, through nginx
    http_url: str  # the plain-http port, which only redirects
    apps: list[Server]
    access_log: Path

    def upstream_of(self, app: Server) -> str:
        return app.base_url.removeprefix("http://")

    def log_lines(self) -> list[dict[str, str]]:
        """The access log: one dict per request (status, method, uri, upstream, route)."""
        lines = []
        for line in self.access_log.read_text(encoding="utf-8").splitlines():
            _, status, method, uri, *pairs = line.split()
            lines.append({"status": status, "method": method, "uri": uri,
                          **dict(pair.split("=", 1) for pair in pairs)})
        return lines


def _replace_once(text: str, old: str, new: str) -> str:
    """The site file as shipped, one value changed: a value that moved makes the test say so."""
    assert text.count(old) == 1, f"docs/deploy/nginx.conf no longer has exactly one {old!r}"
    return text.replace(old, new)


def _site_file(ports: list[int], https_port: int, http_port: int, tmp: Path) -> str:
    site = SITE.read_text(encoding="utf-8")
    site = _replace_once(site, "server 127.0.0.1:8501;", f"server 127.0.0.1:{ports[0]};")
    site = _replace_once(site, "server 127.0.0.1:8502;", f"server 127.0.0.1:{ports[1]};")
    site = _replace_once(site, "    listen 80;\n    listen [::]:80;\n",
                         f"    listen 127.0.0.1:{http_port};\n")
    site = _replace_once(site, "    listen 443 ssl http2;\n    listen [::]:443 ssl http2;\n",
                         f"    listen 127.0.0.1:{https_port} ssl http2;\n")
    site = _replace_once(site, "/etc/ssl/decision-aid/fullchain.pem", str(tmp / "cert.pem"))
    site = _replace_once(site, "/etc/ssl/decision-aid/privkey.pem", str(tmp / "key.pem"))
    return _replace_once(site, "/var/log/nginx/decision-aid.access.log", str(tmp / "access.log"))


def _main_config(tmp: Path) -> str:
    """What Debian's /etc/nginx/nginx.conf provides around a site file, in tmp instead of /var."""
    temp_paths = "\n".join(f"    {kind}_temp_path {tmp / 'temp' / kind};"
                           for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    # Run as root (as here), nginx's workers would drop to "nobody", who cannot enter tmp_path.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return (f"{user}worker_processes 1;\npid {tmp / 'nginx.pid'};\nerror_log {tmp / 'error.log'} warn;\n"
            f"events {{ worker_connections 512; }}\n"
            f"http {{\n{temp_paths}\n    include {tmp / 'decision-aid.conf'};\n}}\n")


def _self_signed_certificate(tmp: Path) -> None:
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-keyout", str(tmp / "key.pem"), "-out", str(tmp / "cert.pem")],
        check=True, capture_output=True,
    )


def _get(url: str, cookie: str | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=NO_TLS_CHECK),
                                         _NoRedirect())
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@contextmanager
def _nginx(tmp: Path, apps: list[Server]) -> Iterator[Proxy]:
    for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (tmp / "temp" / kind).mkdir(parents=True, exist_ok=True)
    _self_signed_certificate(tmp)
    https_port, http_port = _free_port(), _free_port()
    ports = [int(app.base_url.rsplit(":", 1)[1]) for app in apps]
    (tmp / "decision-aid.conf").write_text(_site_file(ports, https_port, http_port, tmp), encoding="utf-8")
    (tmp / "nginx.conf").write_text(_main_config(tmp), encoding="utf-8")
    log = ARTIFACTS / "nginx.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w", encoding="utf-8") as log_file:
        process = subprocess.Popen(
            [str(NGINX), "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-e", "stderr", "-g", "daemon off;"],
            stdout=log_file, stderr=subprocess.STDOUT,
        )
    proxy = Proxy(f"https://127.0.0.1:{https_port}", f"http://127.0.0.1:{http_port}", apps,
                  tmp / "access.log")
    try:
        deadline = time.monotonic() + 15
        while True:
            assert process.poll() is None, f"nginx exited:\n{log.read_text()}"
            try:
                if _get(proxy.base_url + "/_stcore/health")[0] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, f"nginx did not answer:\n{log.read_text()}"
            time.sleep(0.2)
        yield proxy
    finally:
        process.terminate()  # SIGTERM: nginx's fast shutdown, which writes the last log lines
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def proxy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Proxy]:
    if not NGINX.exists():
        pytest.fail("nginx is missing: `.ci/run` installs Debian's package (apt-get install nginx)")
    tmp = tmp_path_factory.mktemp("nginx")
    with ExitStack() as stack:
        apps = [stack.enter_context(serve(tmp, ARTIFACTS / f"app-behind-nginx-{n}.log")) for n in (1, 2)]
        yield stack.enter_context(_nginx(tmp, apps))


def _route_keys_for_each_process(proxy: Proxy) -> dict[str, str]:
    """A route key that nginx sends to each process (the hash is fixed, so try keys until both)."""
    found: dict[str, str] = {}
    for n in range(64):
        key = f"test-route-{n}"
        _get(proxy.base_url + "/_stcore/health", cookie=f"{ROUTE_COOKIE}={key}")
        upstream = _wait_for_log(proxy, lambda line, k=key: line["route"] == k)["upstream"]
        found.setdefault(upstream, key)
        if len(found) == len(proxy.apps):
            return found
    pytest.fail(f"nginx sent 64 route keys to only {list(found)}")


def _wait_for_log(proxy: Proxy, matches) -> dict[str, str]:
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        if proxy.access_log.exists():
            hits = [line for line in proxy.log_lines() if matches(line)]
            if hits:
                return hits[-1]
        time.sleep(0.05)
    pytest.fail("nginx did not log the request")


def _watch_csp(app: AppDriver) -> list[str]:
    """Every content-security-policy violation the page reports, and console errors naming one."""
    violations: list[str] = []
    app.page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));"
    )
    app.page.on("console", lambda m: violations.append(m.text)
                if m.type == "error" and ("Content Security Policy" in m.text or "CSP" in m.text) else None)
    return violations


def test_headers_and_internal_endpoints(proxy: Proxy):
    status, headers, _ = _get(proxy.base_url + "/")
    assert status == 200
    csp = headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["Strict-Transport-Security"].startswith("max-age=")
    assert headers["Server"] == "nginx", "the server must not say its version"
    assert re.match(rf"{ROUTE_COOKIE}=[0-9a-f]{{32}}; Path=/; Secure; HttpOnly; SameSite=Strict$",
                    headers["Set-Cookie"]), headers["Set-Cookie"]
    # Plain http only redirects to https.
    status, headers, _ = _get(proxy.http_url + "/checklist")
    assert status == 301 and headers["Location"].startswith("https://"), (status, headers)
    # Streamlit's internal endpoints answer on the app's own port, never through nginx.
    direct_metrics = _get(proxy.apps[0].base_url + "/_stcore/metrics")
    assert direct_metrics[0] == 200, "the app serves metrics on its own port (so the 404 below is nginx's)"
    for path in ("/_stcore/metrics", "/checklist/_stcore/metrics", "/_stcore/agent/openapi.json",
                 "/_stcore/script-health-check", "/_stcore/upload_file/a/b", "/_stcore/message"):
        status, headers, body = _get(proxy.base_url + path)
        assert status == 404, f"{path} answered {status} through nginx"
        assert headers["X-Frame-Options"] == "DENY", "headers are on refusals too"
        assert b"session" not in body.lower()


def test_a_clinic_visit_through_nginx_stays_on_its_process(proxy: Proxy, new_context: NewContext, content):
    keys = _route_keys_for_each_process(proxy)
    # A visit as a browser makes one: nginx gives it a route key (cookie) on its first request.
    context, requests = new_context(ignore_https_errors=True)
    visit = AppDriver(context.new_page(), proxy.base_url, requests)
    visit.page.on("websocket", lambda ws: requests.urls.append(ws.url))
    violations = _watch_csp(visit)
    visit.open("start")
    for page_id in PAGE_IDS:
        visit.go(page_id)
    answer_checklist(visit, content)
    rate_priorities(visit, content)
    agree_next_step(visit, content)
    with visit.page.expect_download() as download:
        visit.main().get_by_role("button", name=content.summary.page.download_label).click()
    assert download.value.failure() is None
    # The PDF is served from the memory of the session's process: only the right process has it.
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
    visit.assert_no_error_shown()
    route = next(c["value"] for c in context.cookies() if c["name"] == ROUTE_COOKIE)
    # A second person at the same time, sent to the other process by its route key.
    first_upstream = _wait_for_log(proxy, lambda line: line["route"] == route)["upstream"]
    other_upstream = next(u for u in keys if u != first_upstream)
    second_context, second_requests = new_context(ignore_https_errors=True)
    second_context.add_cookies([{"name": ROUTE_COOKIE, "value": keys[other_upstream], "url": proxy.base_url}])
    second = AppDriver(second_context.new_page(), proxy.base_url, second_requests)
    second_violations = _watch_csp(second)
    second.open("priorities")
    second.write(content.priorities.page.questions_label, "Second person's question")
    second.go("summary")
    assert "Second person's question" in second.main().inner_text()
    assert not violations + second_violations, (
        f"the content security policy blocked: {violations + second_violations}")
    context.close()
    second_context.close()  # each websocket is logged when it closes
    for key in (route, keys[other_upstream]):
        stream = _wait_for_log(
            proxy, lambda line, k=key: line["route"] == k and line["uri"] == "/_stcore/stream")
        assert stream["status"] == "101", stream
        served_by = {line["upstream"] for line in proxy.log_lines() if line["route"] == key}
        assert len(served_by) == 1, f"route {key} was served by {served_by}"
    served = {line["upstream"] for line in proxy.log_lines()
              if line["route"] in (route, keys[other_upstream])}
    assert served == {proxy.upstream_of(app) for app in proxy.apps}, "the two people used both processes"
