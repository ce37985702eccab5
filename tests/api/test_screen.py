"""POST /screen runs in the background; results download in every format; decisions need a reviewer."""

from __future__ import annotations

import io

import pyarrow.parquet as pq

HOLDINGS = (
    b"holding,isin\nHangzhou Hikvision Digital Technology,\nPlain Bakery GmbH,\nSome Fund,CNE100000PM8\n"
)


def upload(client, headers, content=HOLDINGS, name="holdings.csv", **form):
    data = {"name_column": "holding", "id_columns": "isin", **form}
    return client.post("/screen", files={"file": (name, content, "text/csv")}, data=data, headers=headers)


def test_upload_runs_and_every_format_downloads(client, tokens):
    response = upload(client, tokens["reviewer"])
    assert response.status_code == 202
    run = client.get(f"/screen/{response.json()['id']}", headers=tokens["viewer"]).json()
    assert run["status"] == "done" and run["progress"] == 1.0 and run["created_by"] == "reviewer-1"
    assert run["tally"] == {"rows_in": 3, "hit": 2, "clear": 1, "error": 0, "rejected": 0}
    assert set(run["downloads"]) == {"jsonl", "csv", "parquet", "xlsx", "html"}
    base = f"/screen/{run['id']}/results"
    jsonl = client.get(f"{base}.jsonl", headers=tokens["viewer"])
    assert (
        jsonl.headers["content-type"].startswith("application/x-ndjson") and len(jsonl.text.splitlines()) == 3
    )
    assert client.get(f"{base}.csv", headers=tokens["viewer"]).text.startswith("input_holding,input_isin,row")
    table = pq.read_table(io.BytesIO(client.get(f"{base}.parquet", headers=tokens["viewer"]).content))
    assert table.num_rows == 3 and table.column("status").to_pylist() == ["hit", "clear", "hit"]
    report = client.get(f"{base}.html", headers=tokens["viewer"])
    assert "HANGZHOU HIKVISION" in report.text and report.headers["content-disposition"].startswith("inline")
    assert client.get(f"{base}.xml", headers=tokens["viewer"]).status_code == 404


def test_bad_file_fails_the_run_naming_file_line_and_field(client, tokens):
    run = upload(client, tokens["reviewer"], name_column="company").json()
    status = client.get(f"/screen/{run['id']}", headers=tokens["viewer"]).json()
    assert status["status"] == "failed"
    assert status["error"].startswith("holdings.csv, line 1, field 'company': no such column")


def test_unknown_format_is_refused_at_once(client, tokens):
    response = upload(client, tokens["reviewer"], name="holdings.pdf")
    assert response.status_code == 400 and "holdings.pdf" in response.json()["detail"]


def test_viewer_cannot_upload_and_size_is_limited(client, tokens, monkeypatch):
    assert upload(client, tokens["viewer"]).status_code == 403
    monkeypatch.setenv("LOOKTHROUGH_MAX_UPLOAD_MB", "0.0001")
    assert upload(client, tokens["reviewer"], content=b"holding\n" + b"x" * 500).status_code == 413


def test_decisions_through_the_api(client, tokens):
    run = upload(client, tokens["reviewer"]).json()
    hits = client.get(f"/runs/{run['id']}/hits", headers=tokens["viewer"]).json()
    assert {h["state"] for h in hits} == {"open"} and len(hits) == 2
    key = hits[0]["hit_key"]
    url = f"/runs/{run['id']}/hits/{key}/decisions"
    body = {"verdict": "false_positive", "reason": "fund, not the company"}
    assert client.post(url, json=body, headers=tokens["viewer"]).status_code == 403
    assert client.post(url, json={**body, "verdict": "maybe"}, headers=tokens["reviewer"]).status_code == 422
    made = client.post(url, json=body, headers=tokens["reviewer"])
    assert made.status_code == 201 and made.json()["reviewer"] == "reviewer-1"
    trail = client.get(url, headers=tokens["viewer"]).json()
    assert [(d["verdict"], d["reason"]) for d in trail] == [("false_positive", "fund, not the company")]
    queue = client.get("/queue", headers=tokens["viewer"]).json()
    assert key not in {c["hit_key"] for c in queue} and len(queue) == 1
    assert client.get("/runs", headers=tokens["viewer"]).json()[0]["id"] == run["id"]
