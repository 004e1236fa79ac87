"""What a phone downloads: first visit to a topic page, then a second page.

Serves the built site on localhost, opens pages in headless Chromium with the
cache on, and records every response (HTML, CSS, JS, fonts, search index) with
its raw size and its gzip size (what a server with compression would send).

    .venv/bin/handbook build && .venv/bin/python benchmarks/page_weight.py [--json out.json]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Response, sync_playwright

SITE = Path(__file__).resolve().parent.parent / "site"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
FIRST = "chuyen-de/cd-ii-02.html"
SECOND = "chuyen-de/cd-iii-01.html"


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def kind(path: str) -> str:
    if path.endswith((".html", "/")):
        return "html"
    if "search_index" in path:
        return "search index"
    for ext, name in ((".css", "css"), (".js", "js"), (".woff2", "font"), (".svg", "image")):
        if path.endswith(ext):
            return name
    return "other"


def visit(page: object, url: str) -> list[dict[str, object]]:
    seen: list[dict[str, object]] = []

    def record(response: Response) -> None:
        try:
            body = response.body()
        except Exception:  # redirects and aborted requests have no body
            return
        path = urlsplit(response.url).path
        seen.append(
            {
                "path": path,
                "kind": kind(path),
                "raw": len(body),
                "gzip": len(gzip.compress(body, compresslevel=6, mtime=0)),
            }
        )

    page.on("response", record)  # type: ignore[attr-defined]
    page.goto(url)  # type: ignore[attr-defined]
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    page.wait_for_timeout(1000)  # type: ignore[attr-defined]  # the search worker loads its index
    page.remove_listener("response", record)  # type: ignore[attr-defined]
    return seen


def summary(responses: list[dict[str, object]]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for r in responses:
        row = out.setdefault(str(r["kind"]), {"files": 0, "raw": 0, "gzip": 0})
        row["files"] += 1
        row["raw"] += int(str(r["raw"]))
        row["gzip"] += int(str(r["gzip"]))
    total = {"files": 0, "raw": 0, "gzip": 0}
    for row in out.values():
        for key in total:
            total[key] += row[key]
    out["total"] = total
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if not (SITE / FIRST).is_file():
        print("build the site first: .venv/bin/handbook build", file=sys.stderr)
        return 2
    handler = functools.partial(Quiet, directory=str(SITE))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
        first_responses = visit(page, base + FIRST)
        first = summary(first_responses)
        # Assets have content-hashed names and the index is the same file, so on
        # the second page a browser with a normal HTTP cache fetches only what is new.
        known = {r["path"] for r in first_responses}
        second = summary([r for r in visit(page, base + SECOND) if r["path"] not in known])
        browser.close()
    httpd.shutdown()
    result = {"first_visit": first, "second_page": second}
    for name, table in result.items():
        print(f"\n{name} ({FIRST if name == 'first_visit' else SECOND})")
        print(f"{'kind':<14}{'files':>6}{'raw KB':>10}{'gzip KB':>10}")
        for k, row in table.items():
            print(f"{k:<14}{row['files']:>6}{row['raw'] / 1024:>10.1f}{row['gzip'] / 1024:>10.1f}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
