"""`handbook init`: a new province's project that validates and builds as it is."""

from __future__ import annotations

import datetime
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import paths, pipeline
from generator.commands import cli, init
from generator.content.kinds import kind
from generator.messages import cli_text

from .conftest import handbook

REPO = Path(__file__).resolve().parent.parent
TODAY = datetime.date(2026, 11, 28)


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("init") / "ha-tinh"
    init.init(root, "tỉnh Hà Tĩnh", None, today=TODAY)
    return root


def test_the_new_project_has_the_parts_the_issue_lists(project: Path) -> None:
    config = _yaml(project / "site_config.yml")
    assert config["province"] == "tỉnh Hà Tĩnh"
    assert config["sample_data"] is True and "Hà Tĩnh" in config["sample_notice"]
    assert config["site_url"] == "https://ha-tinh.example.invalid/"
    assert config["data_as_of"] == TODAY
    # The current plan's skeleton: no number or date yet, nobody counted yet.
    plans = sorted((project / kind("plan").path).glob("*.yml"))
    assert [p.name for p in plans] == ["ke-hoach-2026-2030.yml"]
    plan = _yaml(plans[0])
    assert "number" not in plan and "date" not in plan
    assert plan["levels"] == ["tinh", "xa", "thon"]  # the levels of the current plan
    counts = plan["denominators"][0]["counts"]
    assert counts and {c["people"] for c in counts} == {0}
    assert "Hà Tĩnh" in plan["issuer"]
    # The 19 framework topics, none of the sample province's own.
    topics = sorted(p.stem for p in (project / kind("topic").path).glob("*.yml"))
    assert len(topics) == 19 and all(re.match(r"cd-(i|ii|iii)-\d\d$", t) for t in topics)
    assert set(plan["topics"]) == set(topics)
    assert list((project / kind("course").path).iterdir()) == [
        project / kind("course").path / ".gitkeep"
    ]
    # Workflows, schemas, a comment-only mkdocs.yml that inherits the package's settings.
    for name in (".github/workflows/site.yml", ".gitlab-ci.yml", "schemas", "README.md"):
        assert (project / name).exists(), name
    assert yaml.safe_load((project / paths.MKDOCS_FILE).read_text(encoding="utf-8")) is None
    assert "INHERIT" not in (project / paths.MKDOCS_FILE).read_text(encoding="utf-8")
    first = (project / "site_config.yml").read_text(encoding="utf-8").splitlines()
    assert any(line.startswith("# yaml-language-server: $schema=") for line in first[:8])


def test_the_project_pins_the_installed_version_and_says_how_to_upgrade(project: Path) -> None:
    lines = (project / "requirements.txt").read_text(encoding="utf-8").splitlines()
    pins = [line for line in lines if line and not line.startswith("#")]
    assert pins == [f"ntm-handbook=={init.installed_version()}"]
    readme = (project / "README.md").read_text(encoding="utf-8")
    assert "tỉnh Hà Tĩnh" in readme and pins[0] in readme
    assert "## Phiên bản công cụ và cách nâng cấp" in readme
    assert "pip install -r requirements.txt" in readme and "handbook schema" in readme
    assert "content/plans/ke-hoach-2026-2030.yml" in readme
    assert "{{" not in readme and "{%" not in readme


def test_the_new_project_validates_with_no_problem(project: Path) -> None:
    checked = pipeline.check(project)
    assert checked.problems == []


@pytest.mark.slow
def test_init_then_build_makes_a_site_marked_as_a_draft(tmp_path: Path) -> None:
    root = tmp_path / "tinh-moi"
    result = handbook(tmp_path, "init", str(root), "--province", "tỉnh Quảng Trị")
    assert result.returncode == 0, result.stderr
    assert "Đã tạo dự án cho tỉnh Quảng Trị" in result.stdout
    built = handbook(root, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    home = (root / "site/index.html").read_text(encoding="utf-8")
    assert "chưa phải bản chính thức của tỉnh Quảng Trị" in home  # the sample banner
    plan = (root / "site/ke-hoach/ke-hoach-2026-2030/index.html").read_text(encoding="utf-8")
    assert "dự thảo, chưa có số và ngày ban hành" in plan
    assert (root / "site/chuyen-de/cd-iii-04.html").is_file()


def test_levels_are_chosen_by_id_or_by_name(tmp_path: Path) -> None:
    root = tmp_path / "p"
    init.init(root, "tỉnh Thử", "Cấp xã; tinh", today=TODAY)
    plan = _yaml(root / kind("plan").path / "ke-hoach-2026-2030.yml")
    assert plan["levels"] == ["tinh", "xa"]  # in the configuration's order
    assert {c["level"] for c in plan["denominators"][0]["counts"]} == {"tinh", "xa"}
    assert pipeline.check(root).problems == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--levels", "tinh,phuong"], "Không có cấp 'phuong'. Các cấp: "),
        (["--levels", " , "], cli_text("init-no-levels")),
        (["--province", "  "], cli_text("init-no-province")),
        # ended 30/06/2025: a project training it would not validate
        (
            ["--levels", "huyen"],
            "Cấp 'huyen' không còn hiệu lực từ ngày 01/07/2025. Các cấp dùng được hôm nay: "
            "tinh (Cấp tỉnh), xa (Cấp xã), thon (Thôn, bản).",
        ),
        (["--province", "tỉnh\u202eHà"], "ký tự điều khiển U+202E"),
        (["--province", "tỉnh " + "A" * 500], "Tên tỉnh dài quá 500 ký tự"),
    ],
)
def test_a_wrong_option_is_refused_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    root = tmp_path / "p"
    options = {"--province": "tỉnh Thử", **dict(zip(args[::2], args[1::2], strict=True))}
    argv = ["init", str(root), *[x for kv in options.items() for x in kv]]
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not root.exists()
    assert list(tmp_path.iterdir()) == []  # no staging folder left behind


def test_a_folder_with_files_is_not_touched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "p"
    root.mkdir()
    (root / "ghi-chu.txt").write_text("của văn phòng", encoding="utf-8")
    assert cli.main(["init", str(root), "--province", "tỉnh Thử"]) == 2
    assert "đã có tệp" in capsys.readouterr().err
    assert [p.name for p in root.iterdir()] == ["ghi-chu.txt"]
    empty = tmp_path / "trong"
    empty.mkdir()
    assert cli.main(["init", str(empty), "--province", "tỉnh Thử"]) == 0  # empty is fine


def test_a_path_that_cannot_be_a_folder_is_said_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    afile = tmp_path / "ghi-chu.txt"
    afile.write_text("của văn phòng", encoding="utf-8")
    assert cli.main(["init", str(afile), "--province", "tỉnh Thử"]) == 2
    err = capsys.readouterr().err
    assert f"{afile} là một tệp, không phải thư mục" in err
    assert cli.main(["init", str(afile / "p"), "--province", "tỉnh Thử"]) == 2
    err = capsys.readouterr().err
    assert f"Không tạo được dự án trong {afile / 'p'} (" in err and "Traceback" not in err
    assert [p.name for p in tmp_path.iterdir()] == ["ghi-chu.txt"]
    assert afile.read_text(encoding="utf-8") == "của văn phòng"


def test_a_folder_init_did_not_make_is_never_removed(tmp_path: Path) -> None:
    # The name the staging folder used to have: someone's folder, with their notes
    theirs = tmp_path / ".p.init-tmp"
    theirs.mkdir()
    (theirs / "notes.txt").write_text("quan trọng", encoding="utf-8")
    init.init(tmp_path / "p", "tỉnh Thử", None, today=TODAY)
    assert (theirs / "notes.txt").read_text(encoding="utf-8") == "quan trọng"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".p.init-tmp", "p"]


@pytest.mark.parametrize(
    ("province", "host"),
    [
        ("tỉnh Hà Tĩnh -", "ha-tinh"),
        ("- tỉnh Hà Tĩnh", "tinh-ha-tinh"),
        ("tỉnh Hà_Tĩnh", "ha-tinh"),
        ("tỉnh <script>x</script>", "scriptxscript"),
        ("tỉnh ---", "tinh"),
        (
            "tỉnh Thừa Thiên Huế và vùng phụ cận thuộc khu vực Bắc Trung Bộ và duyên hải miền "
            "Trung",
            "thua-thien-hue-va-vung-phu-can-thuoc-khu-vuc-bac-trung-bo-va-du",  # 63
        ),
    ],
)
def test_any_province_name_gives_a_project_that_validates(
    tmp_path: Path, province: str, host: str
) -> None:
    root = tmp_path / "p"
    init.init(root, province, None, today=TODAY)
    assert _yaml(root / "site_config.yml")["site_url"] == f"https://{host}.example.invalid/"
    assert pipeline.check(root).problems == []


def test_the_requirement_line_can_be_given(tmp_path: Path) -> None:
    line = "ntm-handbook @ git+https://example.invalid/ntm-handbook@v1"
    init.init(tmp_path / "p", "tỉnh Thử", None, requirement=line, today=TODAY)
    assert line in (tmp_path / "p/requirements.txt").read_text(encoding="utf-8").splitlines()


def test_the_project_workflows_install_the_package_only_and_keep_the_cache(project: Path) -> None:
    github = _yaml(project / ".github/workflows/site.yml")
    steps = github["jobs"]["build"]["steps"]
    runs = "\n".join(s["run"] for s in steps if "run" in s)
    assert "pip install -r requirements.txt" in runs and "handbook build --format github" in runs
    cache = next(s for s in steps if str(s.get("uses", "")).startswith("actions/cache@"))
    assert cache["with"]["path"] == "build/cache"
    gitlab = _yaml(project / ".gitlab-ci.yml")
    assert "build/cache" in gitlab["cache"]["paths"]
    assert gitlab["default"]["before_script"] == ["python -m pip install -r requirements.txt"]
    text = runs + "\n".join(gitlab["check"]["script"] + gitlab["pages"]["script"])
    for slow in ("pytest", "chromium", "apt-get"):
        assert slow not in text


def test_the_wheel_ships_every_package_and_the_starter_files() -> None:
    """What ``init`` reads from an installed package is declared in pyproject.toml."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools = project["tool"]["setuptools"]
    folders = {
        ".".join(p.parent.relative_to(REPO).parts)
        for p in (REPO / "generator").rglob("__init__.py")
    }
    assert set(setuptools["packages"]) == folders | {"generator.starter"}
    data = setuptools["package-data"]
    starter = [f for pattern in data["generator.starter"] for f in REPO.glob(pattern)]
    shipped = {p.relative_to(REPO).as_posix() for p in starter}
    read = {
        "site_config.yml",
        paths.MKDOCS_FILE,
        kind("audience").path,
        f"{kind('page').path}/{init.GUIDE_PAGE}",
        *(f"{kind('plan').path}/{p.name}" for p in (REPO / kind("plan").path).glob("*.yml")),
        *(f"{kind('topic').path}/{p.name}" for p in (REPO / kind("topic").path).glob("*.yml")),
    }
    assert read <= shipped
    files = [f.name for pattern in data["generator.commands"] for f in init.FILES.glob("*")]
    assert {"README.md.j2", "github-site.yml", "gitlab-ci.yml"} <= set(files)
    assert "mkdocs-base.yml" in data["generator.site"]
