"""A headless Chromium (Debian package) for the page tests, offline."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import require_browser

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).parents[1] / "artifacts"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@dataclass
class LoadedPage:
    """A page opened offline, with what it tried and what it logged."""

    page: object
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def eval(self, expression: str):
        return self.page.evaluate(expression)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Module-scoped: only one Playwright sync driver may run per thread, and
    other test folders start their own."""
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def open_page(browser) -> Iterator:
    """Open an HTML file with every non-file request aborted and recorded."""
    contexts = []

    def _open(path: Path, *, timeout: float = 30.0) -> LoadedPage:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        contexts.append(context)
        page = context.new_page()
        loaded = LoadedPage(page)
        page.on("console", lambda m: m.type in {"error", "warning"} and loaded.errors.append(m.text))
        page.on("pageerror", lambda e: loaded.errors.append(str(e)))
        page.on("dialog", lambda d: (loaded.dialogs.append(d.message), d.dismiss()))

        def route(r) -> None:
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                loaded.requests.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.goto(path.resolve().as_uri())
        wait_ready(loaded, timeout=timeout)
        return loaded

    yield _open
    for context in contexts:
        context.close()


def wait_ready(loaded: LoadedPage, *, timeout: float) -> None:
    """Poll from Python: the page's CSP forbids the eval wait_for_function uses."""
    deadline = time.monotonic() + timeout
    while not loaded.eval("window.ikgReady === true"):
        if time.monotonic() > deadline:
            raise AssertionError(f"page not interactive after {timeout}s; errors: {loaded.errors}")
        time.sleep(0.05)


def screenshot(loaded: LoadedPage, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    loaded.page.screenshot(path=str(path))
    return path
