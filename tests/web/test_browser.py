"""End to end in Debian's Chromium: upload a file, review a hit, decide, see it in the audit log."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn

from lookthrough.api import create_app
from lookthrough.review import Role, create_token
from lookthrough.workspace import Workspace
from tests.web.conftest import HOLDINGS

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]  # fmt: skip

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium)"
    ),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(tmp_path):
    """The real app under uvicorn on a free loopback port, with a reviewer's token."""
    workspace = Workspace(str(tmp_path / "browser.duckdb"))
    _token, secret = create_token(workspace.store, "alice", Role.REVIEWER)
    port = free_port()
    config = uvicorn.Config(create_app(workspace=workspace), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the server did not start"
    yield f"http://127.0.0.1:{port}", secret
    server.should_exit = True
    thread.join(timeout=10)
    workspace.close()


@pytest.fixture
def page(tmp_path):
    from playwright.sync_api import sync_playwright

    profile = tmp_path / "chromium-profile"
    with sync_playwright() as playwright:
        # A fresh, empty profile per test (Playwright's way of passing --user-data-dir).
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=FLAGS
        )
        context.set_default_timeout(20_000)
        yield context.new_page()
        context.close()
    shutil.rmtree(profile, ignore_errors=True)


def test_upload_review_decide_and_audit(server, page, tmp_path):
    from playwright.sync_api import expect

    base, secret = server
    holdings = tmp_path / "holdings.csv"
    holdings.write_bytes(HOLDINGS)

    page.goto(f"{base}/review/")
    page.fill("input[name=token]", secret)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("header .who")).to_contain_text("alice (reviewer)")

    page.set_input_files("input[name=file]", str(holdings))
    page.fill("input[name=name_column]", "holding")
    page.get_by_role("button", name="Screen", exact=True).click()
    expect(page.locator(".run-status")).to_have_text("done")
    rows = page.locator("tr.case")
    expect(rows).to_have_count(2)

    page.locator("tr.case", has_text="Hangzhou EZVIZ Network").locator("text=review").click()
    expect(page.locator(".path .step")).to_have_count(2)
    expect(page.locator(".path .step.listed")).to_contain_text("HIKVISION")
    expect(page.locator("#case-state")).to_have_text("open")

    page.fill("textarea[name=reason]", "EZVIZ consumer cameras, reviewed against the filing")
    page.click("button[value=escalate]")
    entry = page.locator("tr.audit-entry").first
    expect(entry).to_contain_text("alice")
    expect(entry).to_contain_text("escalate")
    expect(entry).to_contain_text("EZVIZ consumer cameras, reviewed against the filing")
    expect(page.locator("#case-state")).to_have_text("escalated")
    page.screenshot(path=str(tmp_path / "decided.png"), full_page=True)

    page.reload()
    expect(page.locator("tr.audit-entry")).to_have_count(1)
    page.goto(f"{base}/review/queue")
    expect(page.locator("tr.case", has_text="Hangzhou EZVIZ Network")).to_contain_text("escalated")
