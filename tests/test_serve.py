"""`handbook serve`: MkDocs' live reload with our builder; errors shown in the browser."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.commands import serve
from generator.problems import Problem

from .browser import chromium

pytestmark = pytest.mark.slow


def test_error_page_escapes_what_it_shows() -> None:
    hostile = Problem("a<b>.yml", 3, 1, "x", "<script>alert(1)</script>", "<img src=x>")
    page = serve.error_page([hostile]).decode()
    assert "<script>alert" not in page and "<img src=x>" not in page
    assert "&lt;script&gt;" in page and "a&lt;b&gt;.yml:3:1" in page
    assert 'lang="vi"' in page and "Nội dung có lỗi" in page


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def preview(mini: Path) -> Iterator[tuple[Path, str, subprocess.Popen[str]]]:
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
        env=dict(os.environ, PYTHONUNBUFFERED="1"),
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}{serve.mount_path(mini)}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                break
        except OSError:
            if proc.poll() is not None:
                pytest.fail(proc.stdout.read() if proc.stdout else "serve exited")
            time.sleep(0.5)
    try:
        yield mini, url, proc
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


def _stop(proc: subprocess.Popen[str]) -> str:
    """Ctrl+C, as a clerk stops the preview; return everything it printed."""
    os.killpg(proc.pid, signal.SIGINT)
    try:
        out, _ = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
    return out


def test_a_broken_file_shows_the_error_page_until_fixed(
    preview: tuple[Path, str, subprocess.Popen[str]],
) -> None:
    mini, url, proc = preview
    course = mini / "content/courses/kh-01.yml"
    good = course.read_text(encoding="utf-8")
    with chromium() as browser:
        page = browser.new_page()
        page.goto(url + "khoa-hoc/kh-01.html")
        title = page.title()
        assert "Lớp cấp tỉnh 2023" in page.inner_text("main")
        # an edit reaches the open page by itself (MkDocs' live reload)
        course.write_text(good.replace("title: Lớp cấp tỉnh 2023", "title: Lớp đã sửa"), "utf-8")
        page.wait_for_function(
            "document.body.innerText.includes('Lớp đã sửa')", timeout=120_000, polling=500
        )
        course.write_text(good, encoding="utf-8")
        page.wait_for_function(
            "document.body.innerText.includes('Lớp cấp tỉnh 2023')", timeout=120_000, polling=500
        )
        # the preview's index was post-processed (UTF-8, not \\u escapes) and its
        # worker folds accents with the theme's lunr.vi
        index = urllib.request.urlopen(url + "search/search_index.json", timeout=10).read()
        assert "nông thôn".encode() in index.lower()
        vi = url + "assets/javascripts/lunr/min/lunr.vi.min.js"
        assert b"fold-vi" in urllib.request.urlopen(vi, timeout=10).read()

        broken = re.sub(r"^start: ", "start:", good, count=1, flags=re.M)
        assert broken != good
        course.write_text(broken, encoding="utf-8")
        page.wait_for_function(
            "document.title.includes('Nội dung có lỗi')", timeout=120_000, polling=500
        )
        text = page.inner_text("main")
        assert "content/courses/kh-01.yml:" in text
        assert "thiếu dấu cách sau dấu hai chấm" in text
        assert "Gợi ý" in text
        # every page of the preview answers with the error list
        other = browser.new_page()
        other.goto(url)
        assert "Nội dung có lỗi" in other.title()

        course.write_text(good, encoding="utf-8")
        page.wait_for_function(
            "!document.title.includes('Nội dung có lỗi')", timeout=120_000, polling=500
        )
        assert page.title() == title
    assert proc.poll() is None
    out = _stop(proc)
    assert proc.returncode == 0
    assert "Đã cập nhật trang xem trước" in out
    assert "content/courses/kh-01.yml:" in out and "Nội dung có 1 lỗi" in out
    assert "Đã dừng." in out
    assert "Traceback" not in out
    # MkDocs' own English log stays out of the terminal
    assert "Serving on" not in out and "Detected file changes" not in out


def test_bad_address_is_a_usage_error(mini: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(mini), "serve", "--addr", "localhost"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "không hợp lệ" in result.stderr and "Traceback" not in result.stderr


def test_ctrl_c_during_the_first_build_stops_quietly(
    mini: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(self: serve.Preview) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(serve.Preview, "build", interrupted)
    with socket.socket() as probe:  # a free port; the server never opens it
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert serve.serve(mini, f"127.0.0.1:{port}") == 0
    assert capsys.readouterr().out.strip() == "Đã dừng."
