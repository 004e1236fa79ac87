"""MkDocs' warnings about the office's own pages, as located problems.

A broken link in a free page or a news post is found by MkDocs while it
builds; its warning names the generated file (``huong-dan.md``). Here it is
turned back into ``content/pages/huong-dan.md:line`` with a Vietnamese
message, like every other mistake.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import paths
from ..content.pages import News, Page
from ..problems import Problem

_LINK = re.compile(
    r"Doc file '(?P<doc>[^']+)' contains a link '(?P<target>[^']*)', but "
    r"(?P<why>the target is not found|the doc '[^']*' does not contain an anchor|"
    r"there is no such anchor)"
)
_RELATIVE = re.compile(
    r"Doc file '(?P<doc>[^']+)' contains an unrecognized relative link '(?P<target>[^']*)'"
)


@dataclass(frozen=True)
class _Source:
    file: str
    body: str
    body_line: int


def map_warnings(
    output: str, pages: list[Page], news: list[News]
) -> tuple[list[Problem], list[str]]:
    """Problems for the warnings about free pages and posts; the other warning lines as they are."""
    sources = {p.path: _Source(p.source, p.body, p.body_line) for p in pages}
    sources.update({paths.news_page(n.slug): _Source(n.source, n.body, n.body_line) for n in news})
    problems: list[Problem] = []
    others: list[str] = []
    for line in output.splitlines():
        match = _LINK.search(line) or _RELATIVE.search(line)
        source = sources.get(match.group("doc")) if match else None
        if match is None or source is None:
            if "WARNING" in line or "ERROR" in line:
                others.append(line.strip())
            continue
        target = match.group("target")
        anchor = "anchor" in (match.groupdict().get("why") or "")
        lines = source.body.split("\n")
        index = next((i for i, text in enumerate(lines) if target in text), 0)
        code = "page-broken-anchor" if anchor else "page-broken-link"
        problems.append(Problem.make(source.file, source.body_line + index, 1, code, target=target))
    return sorted(set(problems)), others
