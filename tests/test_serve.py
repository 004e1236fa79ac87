"""`handbook serve` regenerates pages when YAML changes, and keeps serving when it is broken."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import Edit

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(url: str, needle: str, timeout: float = 60.0) -> str:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                last = response.read().decode("utf-8")
            if needle in last:
                return last
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{needle!r} did not appear at {url} within {timeout}s")


def test_serve_reloads_on_yaml_change(mini: Path, edit: Edit) -> None:
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator",
            "--root",
            str(mini),
            "serve",
            "--addr",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        # MkDocs serves under the path of site_url (https://example.org/ntm/).
        url = f"http://127.0.0.1:{port}/ntm/khoa-hoc/kh-01.html"
        _wait_for(url, "Lớp cấp tỉnh 2023")
        time.sleep(1.1)  # mtime granularity
        edit("content/courses/kh-01.yml", "title: Lớp cấp tỉnh 2023", "title: Lớp cấp tỉnh đã sửa")
        _wait_for(url, "Lớp cấp tỉnh đã sửa")
        # A broken edit is reported and the last good page keeps being served.
        edit("content/courses/kh-01.yml", "level: tinh", "level: tinhh")
        time.sleep(3)
        assert "Lớp cấp tỉnh đã sửa" in _wait_for(url, "Lớp cấp tỉnh đã sửa")
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            output, _ = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            output, _ = proc.communicate()
    assert "Đã cập nhật" in output
    assert "content/courses/kh-01.yml:3:8:" in output
    assert "Traceback" not in output
