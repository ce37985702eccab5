"""The review pages: sign-in, CSRF on every form, roles, and decisions shown in the audit trail."""

from __future__ import annotations

import re

from tests.web.conftest import HOLDINGS


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def sign_in(client, secret):
    form = client.get("/review/login")
    return client.post(
        "/review/login", data={"token": secret, "csrf": csrf_of(form.text)}, follow_redirects=False
    )


def test_pages_need_a_session(client):
    response = client.get("/review/", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/review/login"


def test_sign_in_needs_csrf_and_a_valid_token(client, secrets_by_role):
    client.get("/review/login")
    assert client.post("/review/login", data={"token": secrets_by_role["reviewer"]}).status_code == 403
    assert sign_in(client, "lt_wrong").status_code == 401
    assert sign_in(client, secrets_by_role["reviewer"]).headers["location"] == "/review/"
    assert "reviewer-1 (reviewer)" in client.get("/review/").text


def test_upload_review_decide_and_see_the_audit_trail(client, secrets_by_role):
    sign_in(client, secrets_by_role["reviewer"])
    page = client.get("/review/")
    files = {"file": ("holdings.csv", HOLDINGS, "text/csv")}
    done = client.post(
        "/review/upload", files=files, data={"name_column": "holding", "csrf": csrf_of(page.text)}
    )
    assert done.status_code == 200 and re.search(r"3 rows: 2 hit, 1 clear", " ".join(done.text.split()))
    link = re.search(r'href="(/review/runs/[^/"]+/hits/[^"]+)"', done.text).group(1)
    hit = client.get(link)
    assert "Ownership and path" in hit.text and "No decision yet." in hit.text
    decide = link + "/decide"
    assert client.post(decide, data={"verdict": "match", "reason": "x"}).status_code == 403
    token = csrf_of(hit.text)
    missing = client.post(
        decide, data={"verdict": "match", "reason": " ", "csrf": token}, headers={"HX-Request": "true"}
    )
    assert missing.status_code == 400 and "give a reason" in missing.text
    made = client.post(decide, data={"verdict": "false_positive", "reason": "not this one", "csrf": token},
                       headers={"HX-Request": "true"})  # fmt: skip
    assert made.status_code == 200 and 'class="audit-entry"' in made.text
    assert "reviewer-1" in made.text and "not this one" in made.text and "false positive" in made.text


def test_viewer_sees_no_decision_buttons(client, secrets_by_role, workspace):
    from lookthrough.review import execute, plan_run

    run = plan_run(workspace, "h.csv", HOLDINGS, name_column="holding", created_by="x")
    execute(workspace, run.id)
    sign_in(client, secrets_by_role["viewer"])
    assert "Screen a file" not in client.get("/review/").text
    queue = client.get("/review/queue").text
    link = re.search(r'href="(/review/runs/[^/"]+/hits/[^"]+)"', queue).group(1)
    assert "Reason" not in client.get(link).text
    assert client.post(link + "/decide", data={"verdict": "match", "reason": "r"},
                       headers={"X-CSRF-Token": csrf_of(queue)}).status_code == 403  # fmt: skip


def test_session_downloads_results(client, secrets_by_role, workspace):
    from lookthrough.review import execute, plan_run

    run = plan_run(workspace, "h.csv", HOLDINGS, name_column="holding", created_by="x")
    execute(workspace, run.id)
    assert client.get(f"/screen/{run.id}/results.csv").status_code == 401
    sign_in(client, secrets_by_role["viewer"])
    assert client.get(f"/screen/{run.id}/results.csv").text.startswith("input_holding")


def test_queue_filtered_by_run_shows_that_run_only(client, secrets_by_role, workspace):
    from lookthrough.review import execute, plan_run

    first = execute(
        workspace, plan_run(workspace, "h.csv", HOLDINGS, name_column="holding", created_by="x").id
    )
    data = b"holding\nZhejiang Dahua Technology\n"
    second = execute(workspace, plan_run(workspace, "d.csv", data, name_column="holding", created_by="x").id)
    sign_in(client, secrets_by_role["viewer"])

    def cases(html: str) -> set[tuple[str, str]]:
        return set(re.findall(r'<tr class="case".*?href="/review/runs/([^/"]+)">([^<]+)</a>', html, re.S))

    everything = client.get("/review/queue").text
    assert cases(everything) == {(first.id, "h.csv"), (second.id, "d.csv")}
    assert "3 cases." in everything and "Zhejiang Dahua" in everything
    for run, filename in ((first, "h.csv"), (second, "d.csv")):
        page = client.get("/review/queue", params={"run": run.id}).text
        assert cases(page) == {(run.id, filename)}
        assert f'<option value="{run.id}" selected>{filename} ({run.id})</option>' in page
    only_first = client.get("/review/queue", params={"run": first.id}).text
    assert "2 cases." in only_first and "Zhejiang Dahua" not in only_first
    unknown = client.get("/review/queue", params={"run": "run-that-never-was"})
    assert unknown.status_code == 200 and "Nothing here." in unknown.text and "0 cases." in unknown.text


def owners_run(workspace, tmp_path, **columns):
    from lookthrough.review import execute, plan_run
    from lookthrough.sources.load import load_path
    from tests.review.lists import OWNER_HOLDINGS, write_owners

    assert all(r.ok for r in load_path(workspace.store, write_owners(tmp_path)))
    run = plan_run(
        workspace, "fund.csv", OWNER_HOLDINGS.encode(), name_column="holding", created_by="x", **columns
    )
    return execute(workspace, run.id)


def test_report_is_shown_inline_with_its_charts(client, secrets_by_role, workspace, tmp_path):
    run = owners_run(workspace, tmp_path, value_column="market_value", group_columns=["portfolio"])
    assert client.get(f"/review/runs/{run.id}/report").status_code == 200  # the sign-in page
    sign_in(client, secrets_by_role["viewer"])
    page = client.get(f"/review/runs/{run.id}/report")
    assert page.headers["content-type"].startswith("text/html")
    assert page.headers["content-disposition"].startswith("inline")
    assert page.text.count('<svg class="chart"') == 3 and "Exposure by portfolio" in page.text
    other = client.get(f"/review/runs/{run.id}/report", params={"group_column": "holding"})
    assert "Exposure by holding" in other.text and "Exposure by portfolio" not in other.text
    stored = client.get(f"/screen/{run.id}/results.html")
    assert (
        stored.headers["content-disposition"].startswith("inline") and "Exposure by portfolio" in stored.text
    )


def test_case_page_has_the_row_the_profile_and_both_branches(client, secrets_by_role, workspace, tmp_path):
    run = owners_run(workspace, tmp_path)
    sign_in(client, secrets_by_role["viewer"])
    queue = client.get("/review/queue", params={"rule": "ofac_50"}).text
    assert "fund.csv" in queue and run.id in queue and "Volkov Holdings Ltd" in queue
    assert "Hangzhou Hikvision" not in queue
    link = re.search(r'href="(/review/runs/[^/"]+/hits/[^"]+)"', queue).group(1)
    page = client.get(link).text
    assert "2,500,000.00" in page and "Global Equity" in page  # the screened row
    assert page.count('class="edge"') == 2 and "55% held in aggregate by 2 counted holders" in page
    assert "RUSSIA-EO14024" in page and "https://sanctionssearch.ofac.treas.gov/" in page  # the profile
    low = client.get("/review/queue", params={"min_score": "0.99"}).text
    assert "Nothing here." in low
    assert client.get("/review/queue", params={"min_score": "high"}).status_code == 400


def test_four_eyes_on_the_page(client, workspace, tmp_path, monkeypatch):
    from lookthrough.review import Role, create_token

    monkeypatch.setenv("LOOKTHROUGH_FOUR_EYES_SCORE", "0.5")
    owners_run(workspace, tmp_path)
    alice = create_token(workspace.store, "alice", Role.REVIEWER)[1]
    carol = create_token(workspace.store, "carol", Role.APPROVER)[1]
    sign_in(client, alice)
    queue = client.get("/review/queue").text
    link = re.search(r'href="(/review/runs/[^/"]+/hits/[^"]+)"', queue).group(1)
    token = csrf_of(client.get(link).text)
    hx = {"HX-Request": "true"}
    made = client.post(
        link + "/decide", data={"verdict": "match", "reason": "SDN owners", "csrf": token}, headers=hx
    )
    assert made.status_code == 200 and "awaiting approval" in made.text and 'value="approve"' not in made.text
    assigned = client.post(link + "/assign", data={"assignee": "carol", "csrf": token}, headers=hx)
    assert 'id="assignee">carol' in assigned.text
    client.post("/review/logout", data={"csrf": token})
    sign_in(client, carol)
    page = client.get(link).text
    assert 'value="approve"' in page
    form = {"verdict": "approve", "reason": "checked", "csrf": csrf_of(page)}
    approved = client.post(link + "/decide", data=form, headers=hx)
    assert approved.status_code == 200 and 'id="case-state">decided' in approved.text
    assert approved.text.count('class="audit-entry"') == 2
