"""Stage 7, post-process: improve the built site before it is published.

Runs on the freshly built site in its staging folder, so a failure here also
leaves the published ``site/`` untouched. Nothing here depends on MkDocs
internals: it reads and rewrites the files MkDocs wrote.

Vietnamese search: Material's ``vi`` search has no accent folding, so a reader
who types "nong thon" (as many do on phones) finds nothing. Each search
document gets accent-folded copies of its title and text as extra indexed
fields; an unaccented query matches those, an accented one matches the
original fields, and both find the same pages.
"""

from __future__ import annotations

import html
import io
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import paths
from ..reproducible import zip_entry
from .pagemeta import offline_home
from .slug import fold

SEARCH_JS_PREFIX = "var __index = "


_TAGS = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class SearchIndexStats:
    documents: int
    bytes_before: int
    bytes_after: int


def folded(text: str) -> str:
    """Plain, accent-folded text for the extra search fields.

    >>> folded("<p>Đảng ủy &amp; nông thôn</p>")
    'Dang uy & nong thon'
    """
    plain = html.unescape(_TAGS.sub(" ", text))
    return _SPACES.sub(" ", fold(plain)).strip()


def fold_search_index(data: dict[str, Any]) -> dict[str, Any]:
    """Add ``title_folded`` / ``text_folded`` fields, boosted like the originals."""
    fields = data["config"]["fields"]
    fields["title_folded"] = {"boost": fields.get("title", {}).get("boost", 1000.0)}
    fields["text_folded"] = {"boost": fields.get("text", {}).get("boost", 1.0)}
    for doc in data["docs"]:
        doc["title_folded"] = folded(doc.get("title", ""))
        doc["text_folded"] = folded(doc.get("text", ""))
    return data


def improve_search(site: Path) -> SearchIndexStats | None:
    """Rewrite the site's search index (and its inlined copy) with folded fields.

    The JSON is written compactly with UTF-8 characters instead of ``\\u``
    escapes, which more than pays for the extra fields.
    """
    path = site / paths.SEARCH_JSON
    if not path.is_file():
        return None
    before = path.stat().st_size
    data = fold_search_index(json.loads(path.read_text(encoding="utf-8")))
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, encoding="utf-8")
    inline = site / paths.SEARCH_JS
    if inline.is_file():
        inline.write_text(SEARCH_JS_PREFIX + text, encoding="utf-8")
    return SearchIndexStats(len(data["docs"]), before, len(text.encode("utf-8")))


def offline_zip(site: Path, folder: str) -> bytes:
    """The whole site as a zip that works opened from the file system.

    Entries are sorted and carry a fixed timestamp so the same site gives the
    same bytes; everything sits under one top folder so unzipping is tidy.
    """
    buffer = io.BytesIO()
    target = site / paths.OFFLINE_ZIP
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(site.rglob("*")):
            if not path.is_file() or path == target:
                continue
            data = path.read_bytes()
            if path == site / paths.html(paths.HOME):
                data = offline_home(data.decode("utf-8"), paths.OFFLINE_ZIP).encode("utf-8")
            zf.writestr(zip_entry(f"{folder}/{path.relative_to(site).as_posix()}"), data)
    return buffer.getvalue()


def postprocess(site: Path) -> None:
    """Every post-build step, in order (the offline copy last, so it has the rest)."""
    improve_search(site)
    target = site / paths.OFFLINE_ZIP
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(offline_zip(site, paths.OFFLINE_FOLDER))
