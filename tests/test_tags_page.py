"""The tags page lists tags with their pages' counts, not every course under every tag.

Built with MkDocs, Material's tags plugin and our theme overrides on synthetic course pages
at two scales: the page must not grow with the number of courses, and every tag keeps the
``#tag:…`` anchor that tagged pages link to.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator import paths
from generator.site.sitebuild import THEME_OVERRIDES

TAGS_PAGE = (Path(__file__).parent.parent / "generator/site/templates/tags.md.j2").read_text(
    encoding="utf-8"
)
LEVELS = ["Cấp tỉnh", "Cấp huyện", "Cấp xã"]


def build_tags_page(root: Path, courses: int) -> str:
    docs = root / "docs"
    (docs / paths.COURSES_DIR).mkdir(parents=True)
    (docs / "chuyen-de").mkdir()
    (docs / "index.md").write_text("# Trang chủ\n", encoding="utf-8")
    (docs / "chuyen-de/cd-i-01.md").write_text(
        "---\ntags:\n  - Nhóm I\n---\n\n# Chuyên đề I.1\n", encoding="utf-8"
    )
    for number in range(courses):
        tags = [LEVELS[number % 3], f"Năm {2021 + number % 5}", "Đã tổ chức"]
        front = yaml.safe_dump({"tags": tags}, allow_unicode=True)
        page = docs / paths.course_page(f"kh-{number:04d}")
        page.write_text(f"---\n{front}---\n\n# Khóa học {number}\n", encoding="utf-8")
    body = TAGS_PAGE.split("# {{", 1)[1].split("\n", 1)[1]  # past the Jinja title line
    (docs / Path(paths.TAGS)).parent.mkdir(exist_ok=True)
    (docs / paths.TAGS).write_text(f"# Thẻ\n{body}", encoding="utf-8")
    # only our tags fragments: the rest of the overrides need the handbook's own config
    fragments = root / "overrides" / "fragments" / "tags"
    shutil.copytree(THEME_OVERRIDES / "fragments" / "tags", fragments)
    config = {
        "site_name": "Thử",
        "docs_dir": str(docs),
        "site_dir": str(root / "site"),
        "use_directory_urls": False,
        "theme": {"name": "material", "custom_dir": str(root / "overrides"), "language": "vi"},
        "plugins": [{"tags": {"tags_slugify": "generator.site.slug.slugify"}}],
    }
    (root / "mkdocs.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True).replace(
            "generator.site.slug.slugify", "!!python/name:generator.site.slug.slugify"
        ),
        encoding="utf-8",
    )
    build(load_config(str(root / "mkdocs.yml")))
    html = (root / "site" / paths.TAGS.replace(".md", ".html")).read_text(encoding="utf-8")
    return html[html.index("<article") : html.index("</article>")]


def test_tags_page_does_not_grow_with_courses(tmp_path: Path) -> None:
    small = build_tags_page(tmp_path / "small", 15)
    large = build_tags_page(tmp_path / "large", 150)
    # the same tags, the same anchors, only the counts differ
    anchors = re.findall(r'<h2 id="(tag:[^"]+)"', large)
    assert anchors == re.findall(r'<h2 id="(tag:[^"]+)"', small)
    assert {"tag:cap-tinh", "tag:nam-2021", "tag:da-to-chuc", "tag:nhom-i"} <= set(anchors)
    assert abs(len(large) - len(small)) < 100
    assert paths.COURSES_DIR not in large  # no course is listed one by one
    assert "150 khóa học" in large and "50 khóa học" in large
    assert "chuyen-de/cd-i-01.html" in large  # topic pages are still listed
