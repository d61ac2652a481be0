"""A real `assistant serve` process on 127.0.0.1 over the fixture corpus; for browser tests,
clinic host pages on other loopback origins and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import http.server
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.conftest import make_corpus

STARTUP_TIMEOUT_S = 180


@dataclass
class LiveServer:
    url: str
    process: subprocess.Popen
    log_path: Path
    root: Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(root: Path, extra_env: dict[str, str] | None = None) -> LiveServer:
    """Start the server; returns once /healthz answers (the index is built first)."""
    port = free_port()
    env = {
        **os.environ,
        "ASSISTANT_CORPUS_DIR": str(root / "corpus"),
        "ASSISTANT_INDEX_DIR": str(root / "index"),
        "ASSISTANT_PORT": str(port),
        **(extra_env or {}),
    }
    if not (root / "corpus").exists():
        make_corpus(root / "corpus")
    log_path = root / "server.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "assistant.cli", "-v", "serve"],
            env=env,
            cwd=root,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server exited early:\n{log_path.read_text()[-3000:]}")
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return LiveServer(url, process, log_path, root)
        except httpx.TransportError:
            time.sleep(0.5)
    process.kill()
    raise AssertionError(f"server did not start in {STARTUP_TIMEOUT_S}s")


def stop_server(server: LiveServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(timeout=20)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    server = start_server(tmp_path_factory.mktemp("live"))
    yield server
    stop_server(server)


# --- Browser tests: host pages on other loopback origins, Debian's Chromium via Playwright ---

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "build" / "screenshots"
DOC_IMAGES = REPO / "docs" / "images"
UPDATE_DOC_IMAGES = "UPDATE_DOC_IMAGES"  # =1: also copy ui.png and widget.png to docs/images/
LOADER_TAG = re.compile(r"<script src=\"[^\"]*/embed\.js\"[^>]*></script>")
CHROMIUM_INSTALL = "apt-get update && apt-get install -y chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def find_chromium(which=shutil.which, fallback: Path = Path("/usr/bin/chromium")) -> str:
    """Debian's chromium, or a skip that says how to install it (.ci/run installs it)."""
    found = which("chromium") or (str(fallback) if fallback.is_file() else None)
    if found is None:
        pytest.skip(f"browser tests need Chromium, which is not installed; run: {CHROMIUM_INSTALL}")
    return found


class FixtureHandler(http.server.BaseHTTPRequestHandler):
    """Serves tests/e2e/fixtures/*.html with {{assistant_origin}} filled in; `?bare` drops the
    widget's <script> tag (the page as it looks without the widget)."""

    server: HostSite

    def do_GET(self) -> None:
        path, _, query = self.path.partition("?")
        page = FIXTURES / path.lstrip("/")
        if page.parent != FIXTURES or page.suffix != ".html" or not page.is_file():
            self.send_error(404)
            return
        text = page.read_text(encoding="utf-8").replace(
            "{{assistant_origin}}", self.server.assistant_origin
        )
        body = (LOADER_TAG.sub("", text) if query == "bare" else text).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass


class HostSite(http.server.ThreadingHTTPServer):
    """A clinic's website on its own loopback origin (a different port is a different origin)."""

    assistant_origin = ""

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


def start_host_site() -> HostSite:
    site = HostSite(("127.0.0.1", 0), FixtureHandler)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    return site


@dataclass
class BrowserSetup:
    """The app plus two host sites: `clinic` is on the allowlist, `stranger` is not."""

    app: LiveServer
    clinic: HostSite
    stranger: HostSite

    @property
    def origins(self) -> set[str]:
        return {self.app.url, self.clinic.origin, self.stranger.origin}


def make_planted_corpus(folder: Path) -> Path:
    """The fixture corpus plus a note whose title, heading, text and evidence note hold markup."""
    make_corpus(folder)
    shutil.copytree(FIXTURES / "corpus", folder / "notes", dirs_exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser_setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserSetup]:
    clinic, stranger = start_host_site(), start_host_site()
    root = tmp_path_factory.mktemp("browser")
    make_planted_corpus(root / "corpus")
    env = {"ASSISTANT_ALLOWED_ORIGINS": clinic.origin, "ASSISTANT_RATE_LIMIT": "600"}
    app = start_server(root, env)
    clinic.assistant_origin = stranger.assistant_origin = app.url
    yield BrowserSetup(app, clinic, stranger)
    stop_server(app)
    for site in (clinic, stranger):
        site.shutdown()
        site.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Chromium for one test module: Playwright's sync API marks its event loop as running in
    this thread until it stops, which would break asyncio.run() in later tests."""
    executable = find_chromium()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class BrowserSession:
    """One browser context and every request its pages (and their frames) made."""

    context: BrowserContext
    requests: list[str]

    def new_page(self) -> Page:
        return self.context.new_page()


def foreign_requests(urls: list[str], origins: set[str]) -> list[str]:
    """The requested URLs that do not go to one of `origins` (data: and blob: are local)."""
    return [
        url
        for url in urls
        if not url.startswith(("data:", "blob:"))
        and f"{urlsplit(url).scheme}://{urlsplit(url).netloc}" not in origins
    ]


@pytest.fixture
def session(browser: Browser, browser_setup: BrowserSetup) -> Iterator[BrowserSession]:
    """A fresh context; afterwards, every request it made must have stayed on loopback."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    yield BrowserSession(context, requests)
    context.close()
    assert not foreign_requests(requests, browser_setup.origins)


def screenshot(page: Page, name: str, *, doc_image: str = "", **options: object) -> Path:
    """Save a screenshot to build/screenshots/ (gitignored); with UPDATE_DOC_IMAGES=1, also
    as docs/images/`doc_image` (the images docs/widget.md shows)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / name
    page.screenshot(path=str(path), **options)
    if doc_image and os.environ.get(UPDATE_DOC_IMAGES) == "1":
        DOC_IMAGES.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, DOC_IMAGES / doc_image)
    return path
