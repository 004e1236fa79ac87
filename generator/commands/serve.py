"""`handbook serve`: a live preview that shows the content's errors in the browser.

MkDocs' own live-reload server watches the content and serves the preview
folder; its builder is ours — the same stages as ``handbook build`` (check,
generate, MkDocs or ProperDocs, post-processing, audit) published into
``build/preview/`` instead of ``site/``. While the content has errors every
page of the preview is replaced by a Vietnamese page listing them with
file:line and hints; the browser reloads it, and shows the site again, as soon
as a saved file fixes them. MkDocs' English log is silenced; the terminal says
in Vietnamese what happened.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from mkdocs.livereload import LiveReloadServer

from .. import paths, pipeline
from ..content.kinds import KINDS
from ..content.project import CONFIG_FILE, load_file
from ..messages import PREVIEW_PAGE, cli_text
from ..problems import LoadError, Problem, errors, format_text

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("generator.site", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
)


def error_page(problems: Iterable[Problem], extra: Iterable[tuple[str, str]] = ()) -> bytes:
    """The Vietnamese page listing what stops the preview (every value escaped)."""
    problems = list(problems)
    html = _ENV.get_template("preview_error.html.j2").render(
        text=PREVIEW_PAGE,
        errors=errors(problems),
        warnings=[p for p in problems if not p.is_error],
        extra=list(extra),
    )
    return html.encode("utf-8")


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server that answers every page with the error page while one is set."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.error_html: bytes | None = None
        self._error_lock = threading.Lock()

    def set_error(self, html: bytes | None) -> None:
        with self._error_lock:
            self.error_html = html

    def _serve_request(
        self, environ: dict[str, Any], start_response: Any
    ) -> Iterable[bytes] | None:
        path: str = environ["PATH_INFO"]
        with self._error_lock:
            page = self.error_html
        is_page = path.endswith(("/", ".html")) or "." not in path.rsplit("/", 1)[-1]
        if page is None or path.startswith("/livereload/") or not is_page:
            return super()._serve_request(environ, start_response)
        with self._epoch_cond:
            epoch = self._visible_epoch
        body: bytes = self._inject_js_into_html(page, epoch)  # type: ignore[no-untyped-call]
        start_response(
            "200 OK",
            [
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(body))),
                ("Cache-Control", "no-store"),
            ],
        )
        return [body]


def mount_path(root: Path) -> str:
    """The site's path below its host (``/cam-nang/``), read leniently from the config."""
    try:
        data = load_file(root, root / CONFIG_FILE).data
    except LoadError:
        return "/"
    url = data.get("site_url") if isinstance(data, dict) else None
    path = urlsplit(url).path if isinstance(url, str) else ""
    return path if path.startswith("/") else "/"


def watched(root: Path) -> list[Path]:
    """What the preview watches: the project's top folder (its two config files) and content."""
    folders = {root / k.path.split("/", 1)[0] for k in KINDS if "/" in k.path}
    folders |= {root / k.path for k in KINDS if k.layout in ("folder", "markdown")}
    top = {p for p in folders if p.parent == root}
    return sorted(top)


class Preview:
    """Builds the preview and tells the server what to show."""

    def __init__(self, root: Path, builder: str) -> None:
        self.root = root
        self.builder = builder
        self.target = root / paths.PREVIEW_DIR
        self.server: PreviewServer | None = None
        self.first = True
        self.reported: list[Problem] | None = None

    def build(self) -> None:
        print(cli_text("serve-building" if self.first else "serve-changed"), flush=True)
        self.first = False
        try:
            result = pipeline.build(self.root, builder=self.builder, target=self.target, wait=60.0)
        except Exception as exc:  # the preview must survive anything the tool did not foresee
            crash = PREVIEW_PAGE["crash"].format(kind=type(exc).__name__)
            self._show(error_page([], [(crash, repr(exc))]))
            print(crash, file=sys.stderr)
            return
        extra: list[tuple[str, str]] = []
        if result.busy:
            extra.append((PREVIEW_PAGE["busy"], ""))
        if not result.mkdocs_ok and result.mkdocs_output and not errors(result.problems):
            extra.append((PREVIEW_PAGE["mkdocs"], result.mkdocs_output))
        if result.breaches:
            lines = "\n".join(f"{b.page}: {b.what}" for b in result.breaches)
            extra.append((PREVIEW_PAGE["audit"], lines))
        self._report(result.problems)
        if result.ok:
            self._show(None)
            print(cli_text("serve-rebuilt", pages=result.pages, seconds=result.seconds), flush=True)
            return
        self._show(error_page(result.problems, extra))
        count = len(errors(result.problems)) or len(extra)
        print(cli_text("serve-invalid", count=count), flush=True)

    def _report(self, problems: list[Problem]) -> None:
        """Print the problems when they differ from last time (the log stays short)."""
        if problems and problems != self.reported:
            print(format_text(problems), flush=True)
        self.reported = problems

    def _show(self, page: bytes | None) -> None:
        if self.server is not None:
            self.server.set_error(page)


def _address(addr: str) -> tuple[str, int] | None:
    host, sep, port = addr.rpartition(":")
    if not sep or not port.isdigit() or not 0 < int(port) < 65536:
        return None
    return host.strip("[]") or "127.0.0.1", int(port)


def serve(root: Path, addr: str, builder: str = "mkdocs") -> int:
    """Run the preview until Ctrl+C; exit code 2 for a bad address."""
    where = _address(addr)
    if where is None:
        print(cli_text("serve-addr", addr=addr), file=sys.stderr)
        return 2
    # MkDocs' server logs in English at INFO; only its warnings and errors pass.
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    # It also logs every redirect and missing file (a favicon) as a warning.
    logging.getLogger("mkdocs.livereload").setLevel(logging.ERROR)
    preview = Preview(root, builder)
    preview.target.mkdir(parents=True, exist_ok=True)
    try:
        server = PreviewServer(
            builder=preview.build,
            host=where[0],
            port=where[1],
            root=str(preview.target),
            mount_path=mount_path(root),
        )
    except OSError as exc:
        print(cli_text("serve-port-busy", addr=addr, reason=exc.strerror), file=sys.stderr)
        return 2
    preview.server = server
    for path in watched(root):
        if path.is_dir():
            server.watch(str(path))
    server.watch(str(root), recursive=False)  # site_config.yml, mkdocs.yml
    try:
        preview.build()  # the first build takes a while: Ctrl+C may come during it
        print(cli_text("serve-start", url=server.url), flush=True)
        server.serve()  # type: ignore[no-untyped-call]
    except KeyboardInterrupt:
        print(cli_text("interrupted"))
    except OSError as exc:
        print(cli_text("serve-port-busy", addr=addr, reason=exc.strerror), file=sys.stderr)
        return 2
    finally:
        server.shutdown()
    return 0
