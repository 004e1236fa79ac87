"""`handbook init DIR --province …`: a new province's content project in one command.

The project is made from the handbook's own sample (shipped in the package as
``generator/starter``; in a source checkout, the repository's sample project):
the national vocabularies of ``site_config.yml``, the audiences and the
framework topics of the levels chosen, and a skeleton of the current plan whose
number, date and figures are visibly marked as not yet filled in. It adds an
empty courses folder, a ``mkdocs.yml`` for local overrides, workflows for
GitHub and GitLab, a Vietnamese README and ``requirements.txt`` pinning the
installed version of the package. The new project validates and builds as it is.
"""

from __future__ import annotations

import datetime
import re
import shutil
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import jinja2
import yaml

from .. import __version__, paths
from ..content.kinds import kind
from ..content.textcheck import describe, first_forbidden
from ..messages import cli_text
from ..paths import SCHEMA_DIR
from ..site.slug import fold, slugify
from .schemas import schema_comment, write_schemas

PACKAGE = Path(__file__).resolve().parent.parent
FILES = Path(__file__).resolve().parent / "starter_files"
DISTRIBUTION = "ntm-handbook"
GUIDE_PAGE = "huong-dan-cap-nhat.md"
_FRAMEWORK_TOPIC = re.compile(r"^cd-(?:i|ii|iii)-\d+$")
PROVINCE_MAX = 500
"""As long as the configuration's province may be (one line of text)."""


class InitError(Exception):
    """The project cannot be created as asked; the message says why."""


def starter_dir() -> Path:
    """Where the sample project the new one is made from lives."""
    installed = PACKAGE / "starter"
    return installed if installed.is_dir() else PACKAGE.parent


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def installed_version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:  # a source checkout that was never installed
        return __version__


@dataclass
class Starter:
    """The sample project read as data."""

    root: Path
    config: dict[str, Any]
    audiences: list[dict[str, Any]]
    plan: dict[str, Any]

    @classmethod
    def read(cls, root: Path, today: datetime.date) -> Starter:
        config = _load(root / "site_config.yml")
        audiences = _load(root / kind("audience").path)["audiences"]
        plans = [_load(p) for p in sorted((root / kind("plan").path).glob("*.yml"))]
        current = [p for p in plans if p["period"]["start"] <= today <= p["period"]["end"]]
        plan = (current or sorted(plans, key=lambda p: p["period"]["start"]))[-1]
        return cls(root, config, audiences, plan)


def resolve_levels(starter: Starter, given: str | None, today: datetime.date) -> list[str]:
    """Level ids from ``given`` ("tinh,xa" or names); by default those of the current plan."""
    known = starter.config["levels"]
    if not given:
        return [lv for lv in starter.plan["levels"] if _valid_on(_level(known, lv), today)]
    chosen: list[str] = []
    for part in re.split(r"[,;]", given):
        wanted = " ".join(fold(part).lower().split())
        if not wanted:
            continue
        match = next(
            (
                lv["id"]
                for lv in known
                if wanted
                in {
                    lv["id"],
                    fold(lv["name"]).lower(),
                    fold(lv["name"]).lower().removeprefix("cap "),
                }
            ),
            None,
        )
        if match is None:
            names = ", ".join(f"{lv['id']} ({lv['name']})" for lv in known)
            raise InitError(cli_text("init-level-unknown", level=part.strip(), known=names))
        level = _level(known, match)
        if not _valid_on(level, today):
            valid = ", ".join(f"{lv['id']} ({lv['name']})" for lv in known if _valid_on(lv, today))
            until, since = level.get("valid_until"), level.get("valid_from")
            if until and today > until:  # said as the first day it no longer holds
                code, day = "init-level-ended", until + datetime.timedelta(days=1)
            else:
                code, day = "init-level-not-yet", since
            raise InitError(cli_text(code, level=part.strip(), date=f"{day:%d/%m/%Y}", valid=valid))
        if match not in chosen:
            chosen.append(match)
    return [lv["id"] for lv in known if lv["id"] in chosen]


def _level(levels: list[dict[str, Any]], level_id: str) -> dict[str, Any]:
    return next(lv for lv in levels if lv["id"] == level_id)


def _valid_on(level: dict[str, Any], day: datetime.date) -> bool:
    until = level.get("valid_until")
    since = level.get("valid_from")
    return not (until and day > until) and not (since and day < since)


def host_label(province: str) -> str:
    """A valid host name label for the placeholder address: ASCII letters, digits and inner
    dashes, at most 63 characters; "tinh" when nothing is left.

    >>> host_label("tỉnh Hà_Tĩnh -"), host_label("- <script>"), host_label("tỉnh ---")
    ('ha-tinh', 'script', 'tinh')
    """
    name = province.removeprefix("tỉnh ").removeprefix("thành phố ").replace("_", " ")
    label = re.sub(r"[^a-z0-9]+", "-", slugify(name).lower())
    label = label.strip("-")[:63].rstrip("-")
    return label or "tinh"


def _site_config(starter: Starter, province: str, levels: list[str], today: datetime.date) -> str:
    src = starter.config
    data: dict[str, Any] = {
        "site_name": src["site_name"],
        "province": province,
        "language": "vi",
        "site_url": f"https://{host_label(province)}.example.invalid/",
        "sample_data": True,
        "sample_notice": cli_text("init-sample-notice", province=province),
        "data_as_of": today,
        "target_groups": src["target_groups"],
        # The administrative levels with their dates, as a vocabulary (the
        # district level stays for history); the plan names those it trains.
        "levels": src["levels"],
        "topic_groups": src["topic_groups"],
        "priority_areas": src.get("priority_areas", []),
        "documents": {"place": province.removeprefix("tỉnh ").removeprefix("thành phố ")},
        "session_times": src.get("session_times"),
        "pages": [GUIDE_PAGE],
    }
    if data["session_times"] is None:
        del data["session_times"]
    header = cli_text("init-config-header", province=province, date=f"{today:%d/%m/%Y}")
    return header + _dump(data)


def _plan(
    starter: Starter, province: str, levels: list[str], topics: list[str], today: datetime.date
) -> str:
    src = starter.plan
    groups = {t.split("-")[1].upper() for t in topics}
    data: dict[str, Any] = {
        "id": src["id"],
        "title": src["title"],
        "short_title": src["short_title"],
        "issuer": cli_text("init-plan-issuer", province=province),
        "programme": src["programme"],
        "period": src["period"],
        "levels": levels,
        "targets": src["targets"],
        "framework": [g for g in src.get("framework", []) if g["group"] in groups],
        "topics": topics,
        "course_rules": src["course_rules"],
        "denominators": [
            {
                "as_of": today,
                "source": cli_text("init-plan-denominator-source"),
                "counts": [
                    {"level": lv, "target_group": t["target_group"], "people": 0}
                    for lv in levels
                    for t in src["targets"]
                    if _has_audience(starter, lv, t["target_group"])
                ],
            }
        ],
        "note": cli_text("init-plan-note", date=f"{today:%d/%m/%Y}"),
    }
    return _dump(data)


def _has_audience(starter: Starter, level: str, group: str) -> bool:
    return any(a["level"] == level and a["target_group"] == group for a in starter.audiences)


def _readme(
    province: str, version: str, pin: str, levels: list[str], starter: Starter, plan_file: str
) -> str:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(FILES)),
        autoescape=False,  # Markdown for the office, not HTML
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    names = ", ".join(_level(starter.config["levels"], lv)["name"] for lv in levels)
    return env.get_template("README.md.j2").render(
        province=province,
        version=version,
        requirement=pin,
        levels=names,
        plan_file=plan_file,
    )


def init(
    target: Path,
    province: str,
    levels_text: str | None,
    *,
    requirement: str | None = None,
    today: datetime.date | None = None,
) -> list[str]:
    """Create the project in ``target``; return the files written (relative, sorted)."""
    today = today or datetime.date.today()
    province = " ".join(province.split())
    if not province:
        raise InitError(cli_text("init-no-province"))
    bad = first_forbidden(province)
    if bad is not None:
        raise InitError(cli_text("init-province-char", char=describe(province[bad])))
    if len(province) > PROVINCE_MAX:
        raise InitError(cli_text("init-province-long", limit=PROVINCE_MAX))
    if target.exists() and not target.is_dir():
        raise InitError(cli_text("init-is-file", path=target))
    if target.exists() and any(target.iterdir()):
        raise InitError(cli_text("init-not-empty", path=target))
    starter = Starter.read(starter_dir(), today)
    levels = resolve_levels(starter, levels_text, today)
    if not levels:
        raise InitError(cli_text("init-no-levels"))
    topics_dir = starter.root / kind("topic").path
    topics = sorted(
        (p.stem for p in topics_dir.glob("*.yml") if _FRAMEWORK_TOPIC.match(p.stem)),
        key=_topic_order,
    )
    plan_topics = [t for t in starter.plan["topics"] if t in topics] or topics
    version = installed_version()
    pin = requirement or f"{DISTRIBUTION}=={version}"
    plan_file = f"{kind('plan').path}/{starter.plan['id']}.yml"

    files: dict[str, str] = {
        "site_config.yml": _site_config(starter, province, levels, today),
        plan_file: _plan(starter, province, levels, plan_topics, today),
        kind("audience").path: _dump({"audiences": starter.audiences}),
        f"{kind('course').path}/.gitkeep": "",
        paths.MKDOCS_FILE: (starter.root / paths.MKDOCS_FILE).read_text(encoding="utf-8"),
        "requirements.txt": cli_text("init-requirements", requirement=pin),
        ".gitignore": "/site/\n/build/\n__pycache__/\n",
        ".github/workflows/site.yml": (FILES / "github-site.yml").read_text(encoding="utf-8"),
        ".gitlab-ci.yml": (FILES / "gitlab-ci.yml").read_text(encoding="utf-8"),
        "README.md": _readme(province, version, pin, levels, starter, plan_file),
        f"{kind('page').path}/{GUIDE_PAGE}": (
            starter.root / kind("page").path / GUIDE_PAGE
        ).read_text(encoding="utf-8"),
    }
    for name, schema in (
        ("site_config.yml", "site_config"),
        (plan_file, "plan"),
        (kind("audience").path, "audiences"),
    ):
        files[name] = schema_comment(schema, target / name, target) + files[name]
    try:
        _write_project(target, files, topics_dir, topics)
    except OSError as exc:
        raise InitError(
            cli_text("init-cannot-create", path=target, reason=exc.strerror or str(exc))
        ) from exc
    return sorted([*files, *(f"{kind('topic').path}/{t}.yml" for t in topics), SCHEMA_DIR + "/"])


def _write_project(
    target: Path, files: dict[str, str], topics_dir: Path, topics: list[str]
) -> None:
    """Write the project in a new staging folder next to ``target``, then move it in place.

    The staging folder is made for this run (never a folder that was there before),
    so a failure removes only what this run wrote.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.init-"))
    try:
        for name, text in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
        for topic in topics:
            copied = staging / kind("topic").path / f"{topic}.yml"
            copied.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(topics_dir / f"{topic}.yml", copied)
        write_schemas(staging / SCHEMA_DIR)
        if target.exists():
            target.rmdir()  # empty, checked above
        staging.replace(target)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _topic_order(topic_id: str) -> tuple[int, int]:
    _, group, number = topic_id.split("-")
    return ({"i": 1, "ii": 2, "iii": 3}[group], int(number))
