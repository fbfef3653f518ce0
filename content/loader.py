"""Read and validate content files: cards (Markdown + front matter), question banks (YAML),
an enterprise (TOML) and its roster (CSV). Problems are collected with file and row, never raised
one at a time, so a clerk can fix a whole file in one pass.
"""

from __future__ import annotations

import csv
import hashlib
import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from content import citations
from content.citations import Citation

LIBRARY = Path(__file__).parent / "library"
SAMPLE_MINE = Path(__file__).parent / "sample" / "mine"
CARD_MAX_CHARS = 260
RISKS = ("life-critical", "high", "normal")
QTYPES = ("single", "multi", "judge")


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    column: str
    reason: str
    sheet: str = ""  # the workbook's sheet, when it has several
    kind: str = ""  # what went wrong in a few words (缺少解析), for a summary by reason

    def __str__(self) -> str:
        where = self.file + (f" [{self.sheet}]" if self.sheet else "")
        where += f" 第{self.row}行" if self.row else ""
        return f"{where} [{self.column}]: {self.reason}"


def summarise(items: list[Problem]) -> list[tuple[str, int]]:
    """How many rows each kind of problem touched, the most first ("缺少解析", 412)."""
    rows: dict[str, set[tuple[str, str, int | None]]] = {}
    for item in items:
        key = item.kind or f"{item.column}有误"
        rows.setdefault(key, set()).add((item.file, item.sheet, item.row))
    return sorted(((kind, len(where)) for kind, where in rows.items()), key=lambda kv: -kv[1])


@dataclass
class CardData:
    code: str
    jobs: list[str]
    topic: str
    risk: str
    source: str
    title: str
    body: str
    checked_against: list[Citation] | None = None  # None: the file does not say (keep as is)

    @property
    def content_hash(self) -> str:
        # checked_against is not part of it: see content/citations.py
        return _hash([self.title, self.body, self.topic, self.risk, self.source, self.jobs])


@dataclass
class QuestionData:
    code: str
    jobs: list[str]
    qtype: str
    stem: str
    options: dict[str, str]
    answer: str
    explanation: str
    topic: str
    difficulty: int
    source: str
    image: str = ""  # an optional picture, by URL
    checked_against: list[Citation] | None = None  # None: the file does not say (keep as is)

    @property
    def content_hash(self) -> str:
        parts: list[Any] = [self.qtype, self.stem, self.options, self.answer, self.explanation]
        parts.append(self.jobs)
        return _hash(parts + ([self.image] if self.image else []))


def _hash(parts: list[Any]) -> str:
    return hashlib.sha256(
        json.dumps(parts, ensure_ascii=False, sort_keys=True).encode()
    ).hexdigest()


@dataclass
class Loaded:
    cards: list[CardData] = field(default_factory=list)
    questions: list[QuestionData] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def parse_card(path: Path, problems: list[Problem]) -> CardData | None:
    text = path.read_text(encoding="utf-8")
    name = path.name
    if not text.startswith("---\n") or "\n---\n" not in text[4:]:
        problems.append(Problem(name, None, "front matter", "文件开头缺少 --- 包围的卡片信息"))
        return None
    head, body = text[4:].split("\n---\n", 1)
    try:
        meta = yaml.safe_load(head) or {}
    except yaml.YAMLError as err:
        problems.append(Problem(name, None, "front matter", f"卡片信息格式错误：{err}"))
        return None
    missing = [k for k in ("id", "jobs", "topic", "risk", "source") if not meta.get(k)]
    if missing:
        problems.append(Problem(name, None, ",".join(missing), "缺少必填项"))
        return None
    if meta["risk"] not in RISKS:
        problems.append(Problem(name, None, "risk", f"风险等级只能是 {'/'.join(RISKS)}"))
    lines = body.strip().splitlines()
    if not lines or not lines[0].startswith("# "):
        problems.append(Problem(name, None, "title", "正文第一行应为「# 标题」"))
        return None
    card_body = "\n".join(lines[1:]).strip()
    checked, wrong = _checked(meta)
    if wrong:
        problems.append(Problem(name, None, "checked_against", wrong))
    if len(card_body) > CARD_MAX_CHARS:
        problems.append(
            Problem(
                name, None, "body", f"正文 {len(card_body)} 字，超过一屏（{CARD_MAX_CHARS} 字）"
            )
        )
    return CardData(
        code=str(meta["id"]),
        jobs=[str(j) for j in meta["jobs"]],
        topic=str(meta["topic"]),
        risk=str(meta["risk"]),
        source=str(meta["source"]),
        title=lines[0][2:].strip(),
        body=card_body,
        checked_against=checked,
    )


def parse_questions(path: Path, problems: list[Problem], default_job: str) -> list[QuestionData]:
    try:
        items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as err:
        problems.append(Problem(path.name, None, "file", f"YAML 格式错误：{err}"))
        return []
    result = []
    for row, item in enumerate(items, start=1):
        q = _question(path.name, row, item, problems, default_job)
        if q is not None:
            result.append(q)
    return result


def _question(
    file: str, row: int, item: Any, problems: list[Problem], default_job: str
) -> QuestionData | None:
    def bad(column: str, reason: str) -> None:
        problems.append(Problem(file, row, column, reason))

    if not isinstance(item, dict):
        bad("item", "每道题应是一组「键: 值」")
        return None
    missing = [
        k for k in ("id", "type", "stem", "options", "answer", "explanation") if not item.get(k)
    ]
    if missing:
        bad(",".join(missing), "缺少必填项或为空")
        return None
    qtype, options = item["type"], item["options"]
    if qtype not in QTYPES:
        bad("type", f"题型只能是 {'/'.join(QTYPES)}")
        return None
    if not isinstance(options, dict) or not all(str(k) in "ABCDEF" for k in options):
        bad("options", "选项应为 A–F 字母对应的文字")
        return None
    answer = str(item["answer"]).upper()
    if any(a not in {str(k) for k in options} for a in answer):
        bad("answer", f"答案 {answer} 不在选项之中")
        return None
    if qtype != "multi" and len(answer) != 1:
        bad("answer", "单选题和判断题只能有一个答案")
        return None
    checked, wrong = _checked(item)
    if wrong:
        bad("checked_against", wrong)
        return None
    return QuestionData(
        code=str(item["id"]),
        jobs=[str(j) for j in item.get("jobs", [default_job])],
        qtype=qtype,
        stem=str(item["stem"]),
        options={str(k): str(v) for k, v in options.items()},
        answer="".join(sorted(answer)),
        explanation=str(item["explanation"]),
        topic=str(item.get("topic", "")),
        difficulty=int(item.get("difficulty", 1)),
        source=str(item.get("source", "")),
        image=str(item.get("image", "")),
        checked_against=checked,
    )


def _checked(meta: dict[str, Any]) -> tuple[list[Citation] | None, str]:
    if meta.get("checked_against") is None:
        return None, ""
    return citations.read(meta["checked_against"])


def load_jobs(root: Path = LIBRARY) -> list[dict[str, Any]]:
    """The library's job catalogue (content/library/jobs.toml): code, name, industry and the
    other names files use for the job (aliases, a list)."""
    jobs = tomllib.loads((root / "jobs.toml").read_text(encoding="utf-8"))["jobs"]
    return [{**job, "aliases": list(job.get("aliases", []))} for job in jobs]


def load_library(root: Path = LIBRARY) -> Loaded:
    loaded = Loaded()
    for path in sorted((root / "cards").glob("*/*.md")):
        card = parse_card(path, loaded.problems)
        if card is not None:
            loaded.cards.append(card)
    for path in sorted((root / "questions").glob("*.yaml")):
        loaded.questions.extend(parse_questions(path, loaded.problems, path.stem))
    known = {j["code"] for j in load_jobs(root)}
    every: list[CardData | QuestionData] = [*loaded.cards, *loaded.questions]
    for item in every:
        unknown = [j for j in item.jobs if j not in known]
        if unknown:
            loaded.problems.append(
                Problem(item.code, None, "jobs", f"未知工种 {'、'.join(unknown)}（见 jobs.toml）")
            )
        if not item.checked_against:
            loaded.problems.append(
                Problem(
                    item.code,
                    None,
                    "checked_against",
                    f"请写明核对的规程及版本，如{citations.EXAMPLE}",
                )
            )
    for kind, items in (("card", loaded.cards), ("question", loaded.questions)):
        seen: set[str] = set()
        for item in items:
            if item.code in seen:
                loaded.problems.append(Problem(kind, None, "id", f"编号 {item.code} 重复"))
            seen.add(item.code)
    return loaded


@dataclass
class RosterRow:
    employee_no: str
    name: str
    id_number: str
    phone: str
    department: str
    job: str
    employment_type: str
    hire_date: str
    supervisor: bool


@dataclass
class EnterpriseData:
    code: str
    name: str
    departments: list[dict[str, str]]
    jobs: list[dict[str, Any]]
    roster: list[RosterRow]


def load_enterprise(root: Path = SAMPLE_MINE) -> EnterpriseData:
    meta = tomllib.loads((root / "enterprise.toml").read_text(encoding="utf-8"))
    with (root / "roster.csv").open(encoding="utf-8", newline="") as f:
        roster = [
            RosterRow(**{**row, "supervisor": row["supervisor"] == "1"})  # type: ignore[arg-type]
            for row in csv.DictReader(f)
        ]
    return EnterpriseData(meta["code"], meta["name"], meta["departments"], meta["jobs"], roster)
