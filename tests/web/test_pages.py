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
