"""Publishing by git push: workflows, editor schemas, scaffolding, news feed,
last-updated dates from git, and building with ProperDocs."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from generator import paths, pipeline
from generator.commands import schemas
from generator.content.kinds import KINDS
from generator.content.project import load_file

from .conftest import REPO, copy_project, handbook


def _sample_files() -> list[tuple[Path, str]]:
    """Every YAML file of the sample and its schema, as the registry of kinds declares them."""
    files: list[tuple[Path, str]] = []
    for kind in KINDS:
        if not kind.schema or kind.layout in ("nested", "markdown"):
            continue
        if kind.layout == "folder":
            files += [(p, kind.schema) for p in sorted((REPO / kind.path).rglob("*.yml"))]
        else:
            files.append((REPO / kind.path, kind.schema))
    assert {schema for _, schema in files} >= {"plan", "annual_plan", "result", "course"}
    return files


def _as_json(path: Path) -> Any:
    data = load_file(path.parent, path).data
    return json.loads(json.dumps(data, default=lambda v: v.isoformat()))


def test_committed_schemas_are_current() -> None:
    for name, text in schemas.schema_files().items():
        assert (REPO / schemas.SCHEMA_DIR / name).read_text(encoding="utf-8") == text, (
            f"run `handbook schema`: {name} is out of date"
        )


def test_every_sample_file_matches_its_schema_and_names_it() -> None:
    validators = {
        k: jsonschema.Draft202012Validator(schemas.json_schema(k)) for k in schemas.SCHEMAS
    }
    for path, kind in _sample_files():
        errors = list(validators[kind].iter_errors(_as_json(path)))
        assert not errors, (path, [e.message for e in errors])
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        schema_path = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert schema_path == (REPO / schemas.SCHEMA_DIR / f"{kind}.schema.json").resolve()


def test_schema_rejects_a_broken_file() -> None:
    validator = jsonschema.Draft202012Validator(schemas.json_schema("topic"))
    topic = _as_json(REPO / "topics/cd-i-01.yml")
    broken = dict(topic, tom_tat="x", duration="hai")
    del broken["title"]
    messages = " ".join(e.message for e in validator.iter_errors(broken))
    assert "'title' is a required property" in messages
    assert "tom_tat" in messages and "'hai' is not of type 'integer'" in messages


def test_news_feed_is_well_formed_and_lists_the_posts(sample_site: Path) -> None:
    feed = ET.parse(sample_site / "site" / paths.NEWS_FEED).getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.findtext("a:title", namespaces=ns) for e in feed.findall("a:entry", ns)]
    posts = sorted((REPO / "content/news").glob("*.md"), reverse=True)
    expected = [
        yaml.safe_load(p.read_text(encoding="utf-8").split("---")[1])["title"] for p in posts
    ]
    assert titles == expected and len(titles) >= 3
    home = (sample_site / "site/index.html").read_text(encoding="utf-8")
    assert all(title in home for title in titles[:3])


def _git(root: Path, *args: str, day: str | None = None) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="VP", GIT_AUTHOR_EMAIL="vp@example.org")
    env.update(GIT_COMMITTER_NAME="VP", GIT_COMMITTER_EMAIL="vp@example.org")
    if day:
        env.update(
            GIT_AUTHOR_DATE=f"{day}T09:00:00+07:00", GIT_COMMITTER_DATE=f"{day}T09:00:00+07:00"
        )
    subprocess.run(["git", "-C", str(root), *args], check=True, env=env, capture_output=True)


def test_last_updated_dates_come_from_git(mini: Path) -> None:
    _git(mini, "init", "-q")
    _git(mini, "add", "-A")
    _git(mini, "commit", "-q", "-m", "first", day="2024-01-10")
    course = mini / "content/courses/kh-01.yml"
    course.write_text(
        course.read_text(encoding="utf-8").replace("Lớp cấp tỉnh 2023", "Lớp cấp tỉnh 2023 (sửa)"),
        encoding="utf-8",
    )
    _git(mini, "commit", "-q", "-am", "second", day="2024-03-05")
    checked = pipeline.check(mini)
    pipeline.generate(mini, checked)
    docs = mini / "build/docs"
    assert "Cập nhật lần cuối: 05/03/2024" in (docs / "khoa-hoc/kh-01.md").read_text(
        encoding="utf-8"
    )
    assert "Cập nhật lần cuối: 10/01/2024" in (docs / "khoa-hoc/kh-03.md").read_text(
        encoding="utf-8"
    )
    assert "Cập nhật lần cuối: 10/01/2024" in (docs / "chuyen-de/cd-i-01.md").read_text(
        encoding="utf-8"
    )
    changes = (docs / paths.CHANGES).read_text(encoding="utf-8")
    assert changes.index("05/03/2024") < changes.index("10/01/2024")
    assert "Lớp cấp tỉnh 2023 (sửa)" in changes and "Cập nhật" in changes


def test_without_git_pages_fall_back_to_their_own_dates(mini: Path) -> None:
    course = mini / "content/courses/kh-01.yml"
    course.write_text(
        course.read_text(encoding="utf-8") + "updated: 2023-03-20\n", encoding="utf-8"
    )
    checked = pipeline.check(mini)
    pipeline.generate(mini, checked)
    assert "Cập nhật lần cuối: 20/03/2023" in (mini / "build/docs/khoa-hoc/kh-01.md").read_text(
        encoding="utf-8"
    )
    assert "Chưa có lịch sử thay đổi" in (mini / "build/docs" / paths.CHANGES).read_text(
        encoding="utf-8"
    )


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _runs(steps: list[dict[str, Any]]) -> list[str]:
    return [line.strip() for s in steps if "run" in s for line in s["run"].splitlines()]


def _workflow_commands() -> list[str]:
    """The handbook commands of the job that builds and publishes the site."""
    steps = _yaml(REPO / ".github/workflows/site.yml")["jobs"]["site"]["steps"]
    return [line for line in _runs(steps) if line.startswith("handbook")]


def _triggers(workflow: dict[Any, Any]) -> set[str]:
    return set(workflow[True] if True in workflow else workflow["on"])  # YAML 1.1: on → True


def _publishes_without_the_test_suite(commands: list[str]) -> None:
    """A content change is published by installing the package alone: no browser, no pytest."""
    text = "\n".join(commands)
    for slow in ("pytest", "chromium", "playwright", "apt-get", "libreoffice"):
        assert slow not in text, slow


def test_the_github_workflow_publishes_content_without_the_test_suite() -> None:
    workflow = _yaml(REPO / ".github/workflows/site.yml")
    assert {"pull_request", "push"} <= _triggers(workflow)
    jobs = workflow["jobs"]
    site = jobs["site"]["steps"]
    assert site[0]["with"]["fetch-depth"] == 0  # last-updated dates come from git
    assert _workflow_commands() == ["handbook build --format github"]  # annotations on PRs
    _publishes_without_the_test_suite(_runs(site))
    cache = next(s for s in site if str(s.get("uses", "")).startswith("actions/cache@"))
    assert cache["with"]["path"] == "build/cache" and "restore-keys" in cache["with"]
    # The tool's own tests: a separate job, only when code, tests or dependencies changed.
    assert "python -m pytest" in _runs(jobs["tests"]["steps"])
    assert jobs["tests"]["if"] == "needs.changes.outputs.code == 'true'"
    detect = "\n".join(_runs(jobs["changes"]["steps"]))
    for watched in ("generator/", "tests/", "pyproject"):
        assert watched in detect
    # Chrome preinstalled on the runner, not snap's chromium or a downloaded one.
    assert jobs["tests"]["env"]["HANDBOOK_CHROMIUM"] == "/usr/bin/google-chrome"
    deploy = jobs["deploy"]
    assert deploy["needs"] == ["site", "tests"]
    assert "needs.site.result == 'success'" in deploy["if"] and "default_branch" in deploy["if"]
    assert "'skipped'" in deploy["if"]  # skipped tests (content-only push) do not block it
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_the_gitlab_pipeline_publishes_content_without_the_test_suite() -> None:
    gitlab = _yaml(REPO / ".gitlab-ci.yml")
    assert gitlab["variables"]["GIT_DEPTH"] == "0"
    assert "build/cache" in gitlab["cache"]["paths"]
    for job in ("check", "pages"):
        _publishes_without_the_test_suite(gitlab[job]["script"])
        assert "handbook build" in gitlab[job]["script"]
    assert gitlab["pages"]["artifacts"]["paths"] == ["public"]
    assert gitlab["pages"]["needs"] == [{"job": "tests", "optional": True}]
    assert gitlab["tests"]["script"] == ["python -m pytest"]
    changes = gitlab["tests"]["rules"][0]["changes"]
    assert {"generator/**/*", "tests/**/*", "pyproject.toml"} <= set(changes)
    hooks = _yaml(REPO / ".pre-commit-config.yaml")
    assert hooks["repos"][0]["hooks"][0]["entry"] == "handbook validate"


def test_the_workflow_commands_work(tmp_path: Path) -> None:
    """Run the workflow's own handbook commands on a copy of the repository."""
    root = copy_project(REPO, tmp_path / "repo")
    bin_dir = Path(sys.executable).parent
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    for command in _workflow_commands():
        result = subprocess.run(
            shlex.split(command), cwd=root, env=env, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, (command, result.stdout, result.stderr)
    assert (root / "site/index.html").is_file()


def test_properdocs_builds_the_same_site(sample_site: Path, tmp_path: Path) -> None:
    root = copy_project(REPO, tmp_path / "proper")
    result = handbook(root, "build", "--builder", "properdocs")
    assert result.returncode == 0, result.stdout + result.stderr

    def files(site: Path) -> set[str]:
        return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}

    assert files(root / "site") == files(sample_site / "site")
    html = (root / "site/index.html").read_text(encoding="utf-8")
    assert "ProperDocs" in html


def test_news_post_rules(mini: Path) -> None:
    news = mini / "content/news"
    news.mkdir(parents=True)
    (news / "2025-01-05-tin.md").write_text(
        "---\ntitle: Tin\ndate: 2025-01-06\n---\n\nNội dung.\n", encoding="utf-8"
    )
    (news / "2025-02-01-khong-co-dau.md").write_text("Không có phần đầu.\n", encoding="utf-8")
    (news / "2025-03-01-mo.md").write_text(
        "---\ntitle: Tin\ndate: 2025-03-01\n---\n\n<script>x()</script>\n", encoding="utf-8"
    )
    found = sorted((p.file, p.line, p.code) for p in pipeline.check(mini).problems)
    assert found == [
        ("content/news/2025-01-05-tin.md", 1, "news-file-name"),
        ("content/news/2025-02-01-khong-co-dau.md", 1, "front-matter-missing"),
        ("content/news/2025-03-01-mo.md", 6, "page-unsafe"),
    ]


@pytest.mark.parametrize("kind", sorted(schemas.SCHEMAS))
def test_each_schema_is_valid(kind: str) -> None:
    jsonschema.Draft202012Validator.check_schema(schemas.json_schema(kind))
