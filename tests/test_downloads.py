"""Downloads are linked from their pages, every link resolves, and the cache
renders again only what a change touched."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator import downloads, paths, pipeline
from generator.site.pagemeta import offline_home

from .conftest import Edit

HREF = re.compile(r"""(?:href|src)="([^"]+)\"""")


def _local_links(page: Path) -> list[str]:
    links = []
    for href in HREF.findall(page.read_text(encoding="utf-8")):
        parts = urlsplit(href)
        if parts.scheme or href.startswith(("#", "//", "mailto:")) or not parts.path:
            continue
        links.append(unquote(parts.path))
    return links


def test_every_local_link_resolves(sample_site: Path) -> None:
    site = sample_site / "site"
    broken = []
    for page in site.rglob("*.html"):
        if page.name == "404.html":
            continue  # served by the web server for any path, so its links are root-relative
        for link in _local_links(page):
            if not (page.parent / link).resolve().exists():
                broken.append(f"{page.relative_to(site)} → {link}")
    assert not broken, broken[:20]


def test_pages_link_to_their_files(sample_site: Path) -> None:
    site = sample_site / "site"

    def links(page: str) -> set[str]:
        base = (site / page).parent
        return {
            (base / link).resolve().relative_to(site.resolve()).as_posix()
            for link in _local_links(site / page)
        }

    assert {paths.topic_pdf("cd-i-01"), paths.topic_docx("cd-i-01")} <= links(
        "chuyen-de/cd-i-01.html"
    )
    assert paths.curriculum_pdf("xa") in links("chuong-trinh/xa.html")
    assert paths.course_ics("kh-2023-t02") in links("khoa-hoc/kh-2023-t02.html")
    notice = {paths.course_notice("kh-2026-t10", s) for s in ("pdf", "docx")}
    assert notice <= links("khoa-hoc/kh-2026-t10.html")  # a planned course
    assert not links("khoa-hoc/kh-2023-t02.html") & {  # a course held: no notice
        paths.course_notice("kh-2023-t02", s) for s in ("pdf", "docx")
    }
    summary = {paths.plan_summary("ke-hoach-2026-2030", s) for s in ("pdf", "docx")}
    assert summary <= links(paths.html(paths.plan_page("ke-hoach-2026-2030")))
    progress = links("tien-do.html")
    assert {paths.table_csv("tien-do"), paths.table_json("tien-do"), paths.WORKBOOK} <= progress
    assert {paths.HANDBOOK_PDF, paths.OFFLINE_ZIP} <= links("index.html")


def test_offline_zip_holds_the_site(sample_site: Path) -> None:
    site = sample_site / "site"
    with zipfile.ZipFile(site / paths.OFFLINE_ZIP) as zf:
        names = set(zf.namelist())
        assert "cam-nang-ntm/index.html" in names
        assert "cam-nang-ntm/search/search_index.js" in names
        assert "cam-nang-ntm/" + paths.topic_pdf("cd-i-01") in names
        assert not any(n.endswith(".zip") for n in names)
        # the home page as the offline copy shows it: no link to the zip it came in
        offline = zf.read("cam-nang-ntm/index.html").decode("utf-8")
        assert offline == offline_home(
            (site / "index.html").read_text(encoding="utf-8"), paths.OFFLINE_ZIP
        )
        assert paths.OFFLINE_ZIP not in offline


def test_one_topic_edit_renders_one_topics_outlines(mini: Path, edit: Edit) -> None:
    def run() -> downloads.Downloads:
        checked = pipeline.check(mini)
        assert checked.catalogue is not None
        return downloads.render_downloads(checked.catalogue, mini)

    cold = run()
    assert cold.reused == [] and paths.topic_pdf("cd-iii-01") in cold.rendered
    warm = run()
    assert warm.rendered == [] and warm.files == cold.files
    edit(
        "topics/cd-iii-01.yml",
        "title: Kỹ năng vận động người dân",
        "title: Kỹ năng vận động nhân dân",
    )
    after = run()
    # the topic's own outline and share card, the curricula it is in (huyen,
    # xa), the whole handbook, and the calendar and notice of the one course
    # that teaches it (kh-03, planned), and the summary of the plan whose
    # framework lists it
    assert sorted(after.rendered) == sorted(
        [
            paths.topic_pdf("cd-iii-01"),
            paths.topic_docx("cd-iii-01"),
            paths.curriculum_pdf("huyen"),
            paths.curriculum_pdf("xa"),
            paths.HANDBOOK_PDF,
            paths.course_ics("kh-03"),
            paths.course_notice("kh-03", "pdf"),
            paths.course_notice("kh-03", "docx"),
            paths.share_card("cd-iii-01"),
            paths.plan_summary("kh-thu-nghiem", "pdf"),
            paths.plan_summary("kh-thu-nghiem", "docx"),
        ]
    )
    assert after.files[paths.topic_pdf("cd-i-01")] == cold.files[paths.topic_pdf("cd-i-01")]
    # stale cache entries are pruned, so the cache holds one entry per cached file
    assert len(list((mini / paths.CACHE_DIR).glob("*.bin"))) == len(cold.rendered)
