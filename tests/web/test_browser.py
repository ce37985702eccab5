"""End to end in Debian's Chromium: upload holdings with market values, read the report, open a 50%-rule
hit held by two owners, decide with four eyes, see the decision in the audit log; and the standalone
report opened with no network.

Screenshots go to a temporary folder, or to SCREENSHOT_DIR when it names one (to look at them)."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn

from lookthrough.api import create_app
from lookthrough.review import Role, create_token
from lookthrough.sources.load import load_path
from lookthrough.workspace import Workspace
from tests.review.lists import OWNER_HOLDINGS, write_owners

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
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("SCREENSHOT_DIR") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def server(tmp_path, monkeypatch):
    """The real app under uvicorn on a free loopback port, with four eyes from a score of 0.5, the
    two-owner ownership list loaded, and the tokens of a reviewer (alice) and an approver (carol)."""
    monkeypatch.setenv("LOOKTHROUGH_FOUR_EYES_SCORE", "0.5")
    workspace = Workspace(str(tmp_path / "browser.duckdb"))
    assert all(r.ok for r in load_path(workspace.store, write_owners(tmp_path)))
    secrets = {name: create_token(workspace.store, name, role)[1]
               for name, role in (("alice", Role.REVIEWER), ("carol", Role.APPROVER))}  # fmt: skip
    port = free_port()
    config = uvicorn.Config(create_app(workspace=workspace), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the server did not start"
    yield f"http://127.0.0.1:{port}", secrets
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


def sign_in(page, base: str, secret: str, who: str) -> None:
    from playwright.sync_api import expect

    page.goto(f"{base}/review/login")
    page.fill("input[name=token]", secret)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("header .who")).to_contain_text(who)


def test_upload_report_two_owner_hit_and_four_eyes_decision(server, page, tmp_path, shots):
    from playwright.sync_api import expect

    base, secrets = server
    holdings = tmp_path / "fund-holdings.csv"
    holdings.write_text(OWNER_HOLDINGS, encoding="utf-8")

    sign_in(page, base, secrets["alice"], "alice (reviewer)")
    page.set_input_files("input[name=file]", str(holdings))
    page.fill("input[name=name_column]", "holding")
    page.fill("input[name=value_column]", "market_value")
    page.fill("input[name=group_columns]", "portfolio")
    page.get_by_role("button", name="Screen", exact=True).click()
    expect(page.locator(".run-status")).to_have_text("done")
    expect(page.locator("tr.case")).to_have_count(4)

    # The report: shown in the browser, exposure by list, rule and portfolio as charts.
    page.locator("a.report").click()
    expect(page.locator("svg.chart")).to_have_count(3)
    expect(page.locator("#exposure")).to_contain_text("4,150,000.50")
    expect(page.locator("#chart-group-portfolio")).to_contain_text("Asia Fund")
    page.screenshot(path=str(shots / "report.png"), full_page=True)
    page.go_back()

    # The 50%-rule hit: both owners drawn, shares on the arrows, the test met, each source given.
    page.goto(f"{base}/review/queue?rule=ofac_50")
    page.locator("tr.case", has_text="Volkov Holdings Ltd").locator("text=review").click()
    figure = page.locator("#ownership figure.ownership").first
    expect(figure.locator("g.edge")).to_have_count(2)
    expect(figure.locator("g.edge text.share")).to_have_text(["25%", "30%"])
    expect(figure.locator("g.node.listed")).to_contain_text("Volkov Holdings Ltd")
    expect(figure.locator("g.node.also-listed")).to_contain_text("Baltic Crest Investments")
    expect(figure.locator("g.node.screened")).to_contain_text("Northwind Logistics AG")
    expect(figure.locator(".rule")).to_contain_text("55% held in aggregate by 2 counted holders")
    expect(figure.locator(".rule .outcome")).to_have_text("met")
    assert "owners.ftm.json line" in figure.locator("g.edge title").first.text_content()
    expect(figure.locator("tr.edge-row")).to_have_count(2)
    expect(page.locator("#row")).to_contain_text("2,500,000.00")
    expect(page.locator("#profile")).to_contain_text("RUSSIA-EO14024")

    page.fill("textarea[name=reason]", "Two SDN owners hold 55% together; OFAC FAQ 399")
    page.click("button[value=match]")
    expect(page.locator("#case-state")).to_have_text("awaiting approval")
    expect(page.locator("#pending")).to_contain_text("match by alice")
    page.select_option("select[name=assignee]", "carol")
    page.get_by_role("button", name="Assign").click()
    expect(page.locator("#assignee")).to_have_text("carol")
    case_url = page.url
    page.screenshot(path=str(shots / "case-pending.png"), full_page=True)

    # The second pair of eyes: carol, an approver, approves.
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, base, secrets["carol"], "carol (approver)")
    page.goto(f"{base}/review/queue?assignee=me")
    expect(page.locator("tr.case")).to_have_count(1)
    page.goto(case_url)
    page.fill("textarea[name=reason]", "Checked both ownership filings")
    page.click("button[value=approve]")
    expect(page.locator("#case-state")).to_have_text("decided")
    entries = page.locator("tr.audit-entry")
    expect(entries).to_have_count(2)
    expect(entries.first).to_contain_text("carol")
    expect(entries.first).to_contain_text("approve")
    expect(entries.nth(1)).to_contain_text("Two SDN owners hold 55% together")
    page.screenshot(path=str(shots / "case-decided.png"), full_page=True)
    page.reload()
    expect(page.locator("tr.audit-entry")).to_have_count(2)

    # A Chinese name renders (CJK fonts) on the case page and in the queue.
    page.goto(f"{base}/review/queue")
    chinese = page.locator("tr.case", has_text="海康威视数字技术")
    expect(chinese).to_have_count(1)
    page.screenshot(path=str(shots / "queue.png"), full_page=True)
    chinese.locator("text=review").click()
    expect(page.locator("#row")).to_contain_text("海康威视数字技术")
    page.screenshot(path=str(shots / "case-chinese.png"), full_page=True)


def test_standalone_report_opens_offline_with_its_charts(tmp_path, page, shots):
    import io

    from playwright.sync_api import expect

    from lookthrough.report.source import report_run
    from lookthrough.review import execute, plan_run

    workspace = Workspace(str(tmp_path / "offline.duckdb"))
    load_path(workspace.store, write_owners(tmp_path))
    run = plan_run(workspace, "fund.csv", OWNER_HOLDINGS.encode(), name_column="holding", created_by="a",
                   value_column="market_value", group_columns=["portfolio"])  # fmt: skip
    execute(workspace, run.id)
    out = io.StringIO()
    report_run(workspace.store, run.id, out)
    workspace.close()
    path = tmp_path / "report.html"
    path.write_text(out.getvalue(), encoding="utf-8")

    # No network: the browser is offline, anything it would fetch over the network is refused,
    # and every request it makes at all is noted.
    asked: list[str] = []
    page.context.set_offline(True)
    page.route("http*://**", lambda route: route.abort())
    page.on("request", lambda request: asked.append(request.url))
    page.goto(path.as_uri())
    expect(page.locator("svg.chart")).to_have_count(3)
    expect(page.locator("svg.chart g.bar").first).to_be_visible()
    expect(page.locator("svg.graph").first).to_be_visible()
    expect(page.locator("#chart-list")).to_contain_text("OFAC Specially Designated Nationals")
    assert [url for url in asked if url != path.as_uri()] == []
    page.screenshot(path=str(shots / "report-offline.png"), full_page=True)
