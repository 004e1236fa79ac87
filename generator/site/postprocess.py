"""Stage 7, post-process: improve the built site before it is published.

Runs on the freshly built site in its staging folder, so a failure here also
leaves the published ``site/`` untouched. Nothing here depends on MkDocs
internals: it reads and rewrites the files MkDocs wrote.

Vietnamese search: accents are folded in the browser, by the search worker's
``vi`` language file (``theme/overrides/assets/javascripts/lunr/min/lunr.vi.min.js``,
which Material's worker imports, also through the iframe shim under file://),
so the index ships each text once. Here the index is only made smaller: written
compactly with UTF-8 characters instead of ``\\u`` escapes, without markup in
its texts, and with a page's tags on the page's own entry only. It is fetched on
every first visit, whether or not the reader searches; the templates leave
duplicated or non-reader text out with ``data-search-exclude``.

How the language file works (lunr 2.3.9 in Material 9.8.2, both pinned):

- Its pipeline functions are registered (an unregistered one makes lunr warn):
  stop words (compared before folding, so "mà" goes and "mã" stays), folding
  (lower case, NFD without combining marks, đ→d, punctuation trimmed), and, in
  the index only, a ``_a_b`` token for each pair of adjacent syllables in a
  block of text, at the first syllable's position. Pairs cost no download (the
  index is built in the browser) but time and memory: removing ``addPairs``
  halves both, and loses "đổi số" against "đời sống".
- ``lunr.vi`` sets ``b(0.75)``: Material sets ``b(0)`` before it, which lets
  long titles beat short ones.
- Material turns "chuyển đổi số" into ``chuyển* đổi* số*`` and lunr skips the
  search pipeline for wildcard terms, so ``Index#search`` is wrapped (only for
  an index using this file): each word is split like the index and folded; it
  matches whole syllables, the last one (still being typed) also as a prefix;
  adjacent pairs are boosted; only results with the most query words are kept.
  Match metadata is keyed by the words as typed, as Material expects for its
  "missing words" marks and the ``?h=`` highlight.
- lunr traps met on the way: ``editDistance: undefined`` means fuzzy (and never
  ends); ``Query#term`` keeps the options object itself, so it is copied.
- The file has no content hash in its name: after a deploy that changes it, a
  browser may use its cached copy until it revalidates.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import rcssmin  # type: ignore[import-untyped]
import rjsmin  # type: ignore[import-untyped]

from .. import paths
from ..reproducible import zip_entry
from .pagemeta import offline_home

SEARCH_JS_PREFIX = "var __index = "


# Material's index texts are escaped HTML: "<" only ever starts a tag.
_TAGS = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class SearchIndexStats:
    documents: int
    bytes_before: int
    bytes_after: int


def slim_search_index(data: dict[str, Any]) -> dict[str, Any]:
    """Drop what search does not need: markup in texts, tags repeated on sections.

    Material keeps ``<p>``/``<li>`` tags in texts only to lay out result
    teasers; a page's tags are shown on its own entry, which heads its sections.
    A course's entry has no tags: its one line already gives its level and dates.

    >>> docs = slim_search_index({"docs": [
    ...     {"location": "a.html", "text": "<p>Nông thôn</p> <ul><li>mới</li></ul>", "tags": ["I"]},
    ...     {"location": "a.html#b", "text": "&lt;p&gt; x", "tags": ["I"]}]})["docs"]
    >>> [(doc["text"], doc.get("tags")) for doc in docs]
    [('Nông thôn mới', ['I']), ('&lt;p&gt; x', None)]
    """
    for doc in data["docs"]:
        doc["text"] = _SPACES.sub(" ", _TAGS.sub(" ", doc.get("text", ""))).strip()
        if "#" in doc["location"] or doc["location"].startswith(paths.COURSES_DIR):
            doc.pop("tags", None)
    return data


def improve_search(site: Path) -> SearchIndexStats | None:
    """Rewrite the site's search index (and its inlined copy), smaller."""
    path = site / paths.SEARCH_JSON
    if not path.is_file():
        return None
    before = path.stat().st_size
    data = slim_search_index(json.loads(path.read_text(encoding="utf-8")))
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, encoding="utf-8")
    inline = site / paths.SEARCH_JS
    if inline.is_file():
        inline.write_text(SEARCH_JS_PREFIX + text, encoding="utf-8")
    return SearchIndexStats(len(data["docs"]), before, len(text.encode("utf-8")))


def _offline_files(site: Path) -> list[Path]:
    target = site / paths.OFFLINE_ZIP
    return [p for p in sorted(site.rglob("*")) if p.is_file() and p != target]


def _entry_data(site: Path, path: Path) -> bytes:
    data = path.read_bytes()
    if path == site / paths.html(paths.HOME):
        data = offline_home(data.decode("utf-8"), paths.OFFLINE_ZIP).encode("utf-8")
    return data


def offline_digest(site: Path, folder: str) -> str:
    """What the offline copy is made of: every entry's name and content."""
    digest = hashlib.sha256(f"offline-zip-v1\0{folder}".encode())
    for path in _offline_files(site):
        digest.update(path.relative_to(site).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(_entry_data(site, path)).digest())
    return digest.hexdigest()


def write_offline_zip(site: Path, folder: str, cache: Path | None = None) -> bool:
    """Write the whole site as a zip that works opened from the file system.

    Entries are sorted and carry a fixed timestamp so the same site gives the
    same bytes; everything sits under one top folder so unzipping is tidy. The
    zip is streamed to disk one file at a time. With a ``cache`` folder, a zip
    of exactly the same entries made by an earlier build is copied instead of
    compressed again (a rebuild with no change); returns True when it was.
    """
    target = site / paths.OFFLINE_ZIP
    target.parent.mkdir(parents=True, exist_ok=True)
    kept = None
    if cache is not None:
        kept = cache / f"offline-{offline_digest(site, folder)[:32]}.zip"
        if kept.is_file():
            shutil.copyfile(kept, target)
            return True
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in _offline_files(site):
            name = f"{folder}/{path.relative_to(site).as_posix()}"
            zf.writestr(zip_entry(name), _entry_data(site, path))
    if kept is not None:
        kept.parent.mkdir(parents=True, exist_ok=True)
        for old in kept.parent.glob("offline-*.zip"):
            old.unlink()  # one zip is kept: the last one
        partial = kept.with_name(kept.name + ".tmp")
        shutil.copyfile(target, partial)
        partial.replace(kept)  # a build killed while copying leaves no zip under this name
    return False


# Our own assets, minified in the built site only (the sources stay readable).
# lunr.stemmer.support.min.js is imported by Material's worker for any language
# but English; our lunr.vi.min.js uses none of it, so it ships as a stub.
MINIFIED = (
    f"{paths.ASSETS_DIR}/handbook.js",
    f"{paths.ASSETS_DIR}/handbook.css",
    f"{paths.ASSETS_DIR}/javascripts/lunr/min/lunr.vi.min.js",
)
STEMMER_SUPPORT = f"{paths.ASSETS_DIR}/javascripts/lunr/min/lunr.stemmer.support.min.js"
STEMMER_STUB = "/* lunr.vi.min.js of this site needs no stemmer support */\n"


def minify_assets(site: Path) -> int:
    """Minify the handbook's script and styles; return the bytes saved."""
    saved = 0
    for name in MINIFIED:
        path = site / name
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        small = rcssmin.cssmin(text) if name.endswith(".css") else rjsmin.jsmin(text)
        path.write_text(small, encoding="utf-8", newline="\n")
        saved += len(text.encode()) - len(small.encode())
    stemmer = site / STEMMER_SUPPORT
    if stemmer.is_file():
        saved += stemmer.stat().st_size - len(STEMMER_STUB)
        stemmer.write_text(STEMMER_STUB, encoding="utf-8", newline="\n")
    return saved


def postprocess(site: Path, cache: Path | None = None) -> None:
    """Every post-build step, in order (the offline copy last, so it has the rest)."""
    minify_assets(site)
    improve_search(site)
    write_offline_zip(site, paths.OFFLINE_FOLDER, cache)
