"""One row of a question bank → a question, read as a person reads it and checked column by
column: the type (单项选择题, 选择题 with one answer letter is single…), the options
(content/bankoptions.py), the answer in whatever way clerks write letters or true/false, the job
through its other names, the difficulty in words or numbers. What a person could read two ways
is refused with the column and what to do; what is only unusual is read and noted.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from content import citations
from content.bankoptions import JUDGE_OPTIONS, LETTERS, Say, choices, judge_pair, options
from content.loader import QuestionData
from content.tables import label, nearest, plain

TYPES = {
    **dict.fromkeys(["单选", "单选题", "单项选择", "单项选择题", "单择题"], "single"),
    **dict.fromkeys(["多选", "多选题", "多项选择", "多项选择题", "复选题"], "multi"),
    **dict.fromkeys(["判断", "判断题", "是非题", "是非", "判断正误", "对错题"], "judge"),
    # the number of answer letters says which
    **dict.fromkeys(["选择", "选择题", "不定项", "不定项选择", "不定项选择题"], "choice"),
}
ANSWER_WORDS = {
    **dict.fromkeys(["正确", "对", "√", "✓", "✔", "是", "T", "TRUE", "Y", "YES", "1"], True),
    **dict.fromkeys(["错误", "错", "×", "✗", "✘", "✕", "✖", "╳", "X", "否", "F", "FALSE"], False),
    **dict.fromkeys(["N", "NO", "0"], False),
}
DIFFICULTY_WORDS = {
    **dict.fromkeys(["易", "容易", "简单", "较易", "较简单", "很容易", "很简单", "低", "较低"], 1),
    **dict.fromkeys(["中", "一般", "中等", "适中", "较难易"], 2),
    **dict.fromkeys(["难", "困难", "较难", "很难", "高", "较高"], 3),
}
FIVE_LEVELS = {1: 1, 2: 1, 3: 2, 4: 3, 5: 3}  # a 1–5 scale: 较易 and 易 are both easy
LIMITS = {"题干": 300, "解析": 300, "知识点": 64, "来源": 255, "编号": 64, "图片": 255}
STEM_TOO_LONG = "请精简题干；案例背景很长时，把它写成一张知识卡片，题干只留问题"
SPLIT = re.compile(r"[、,，/;；\s]+")
ANSWER_SEPARATORS = re.compile(r"[、,;./|和\\]")  # after NFKC: ， ； ． ／ are ASCII


@dataclass
class Reading:
    """What holds for every row of one file."""

    jobs: dict[str, str]  # every accepted spelling of a job -> its code
    job_names: dict[str, str] = field(default_factory=dict)  # code -> name, for messages
    default_job: str | None = None  # the code of --job, for a blank or missing 工种
    five_levels: bool = False  # the file grades difficulty 1–5

    def __post_init__(self) -> None:
        self.spellings = {plain(k): v for k, v in self.jobs.items()}


def sheet_type(name: str) -> str | None:
    """The type a sheet's name stands for: 单选, 二、多项选择题, 判断题库…"""
    text = re.sub(
        r"^(第?[一二三四五六七八九十]+部分|[一二三四五六七八九十]+|\d+)[、.]?", "", label(name)
    )
    return TYPES.get(text) or TYPES.get(text.removesuffix("库"))


def parse_row(
    record: dict[str, str], reading: Reading, bad: Say, warn: Say, in_sheet: str | None
) -> QuestionData | None:
    """The question this row says, or None after reporting through `bad` what is wrong;
    what is read with a caveat is said through `warn`."""
    found: list[str] = []

    def check(column: str, why: str, kind: str = "") -> None:
        found.append(column)
        bad(column, why, kind)

    written = record.get("题型", "")
    qtype = TYPES.get(label(written)) if written else in_sheet
    if qtype is None:
        why = f"题型「{written}」无法识别，应为 单选、多选 或 判断"
        check("题型", why, "题型无法识别")
    elif in_sheet is not None and not _fits(qtype, in_sheet):
        check("题型", f"题型「{written}」与所在工作表的题型不符", "题型与工作表不符")
    elif qtype == "choice" and in_sheet in ("single", "multi"):
        qtype = in_sheet
    stem = record.get("题干", "")
    if not stem:
        check("题干", "题干为空", "题干为空")
    for column in ("题干", "解析", "知识点", "来源", "编号", "图片"):
        if len(record.get(column, "")) > LIMITS[column]:
            more = f"：{STEM_TOO_LONG}" if column == "题干" else ""
            why = f"{len(record[column])} 字，超过 {LIMITS[column]} 字{more}"
            check(column, why, f"{column}太长")
    found_options = options(record, check)
    answer = None
    where = "选项" if record.get("选项") else "选项A"
    if found_options is not None and qtype == "judge":
        found_options, answer = _judge(found_options, record.get("答案", ""), where, check)
    elif found_options is not None and qtype is not None:
        if choices(found_options, where, check):
            qtype, answer = _letters(qtype, record.get("答案", ""), found_options, check)
    explanation = record.get("解析", "")
    if not explanation:
        warn("解析", "解析为空：工人答题后只会看到正确答案，看不到为什么", "缺少解析")
    job_codes = _jobs(record.get("工种", ""), reading, check)
    image = record.get("图片", "")
    if image and not image.startswith(("https://", "http://")):
        why = "图片请填写以 https:// 开头的网址（表格里嵌入的图片无法导入）"
        check("图片", why, "图片不是网址")
    checked, wrong = citations.read(record.get("核对版本", ""))
    if wrong:
        check("核对版本", wrong, "核对版本有误")
    difficulty = _difficulty(record.get("难度", ""), reading.five_levels, check)
    if found or qtype is None or found_options is None or answer is None or difficulty is None:
        return None
    return QuestionData(
        code=plain(record.get("编号", "")) or _code(job_codes, stem),  # ＦＷ－００１ is FW-001
        jobs=job_codes,
        qtype=qtype,
        stem=stem,
        options=found_options,
        answer=answer,
        explanation=explanation,
        topic=record.get("知识点", ""),
        difficulty=difficulty,
        source=record.get("来源", ""),
        image=image,
        checked_against=checked if "核对版本" in record else None,  # absent: keep the record
    )


def _fits(qtype: str, in_sheet: str) -> bool:
    return qtype == in_sheet or ("choice" in (qtype, in_sheet) and "judge" not in (qtype, in_sheet))


def _judge(
    found: dict[str, str], raw: str, column: str, bad: Say
) -> tuple[dict[str, str], str | None]:
    """A 判断 row keeps its own two options; only a row without options gets A=正确, B=错误.
    The answer is a letter of those options or a true/false word."""
    found = found or dict(JUDGE_OPTIONS)
    meaning = judge_pair(found, column, bad)
    if meaning is None:
        return found, None
    text = plain(raw).upper()
    if not text:
        bad("答案", "答案为空", "答案为空")
        return found, None
    if text in found:
        return found, text
    truth = ANSWER_WORDS.get(text)
    if truth is None:
        why = f"判断题答案「{raw}」应为 正确 或 错误"
        why += "（也可写 对/错、√/×、T/F、是/否、1/0，或选项字母）"
        bad("答案", why, "判断题答案无法识别")
        return found, None
    return found, next(letter for letter, value in meaning.items() if value is truth)


def _letters(qtype: str, raw: str, found: dict[str, str], bad: Say) -> tuple[str, str | None]:
    """The type (a choice resolved by how many letters) and the answer letters."""
    text = ANSWER_SEPARATORS.sub("", plain(raw).upper())
    if not text:
        bad("答案", "答案为空", "答案为空")
        return qtype, None
    letters = "".join(sorted(set(text)))
    if any(c not in LETTERS for c in letters):
        bad("答案", f"答案「{raw}」应为选项字母，如 A 或 ABD", "答案不是选项字母")
        return qtype, None
    outside = [c for c in letters if c not in found]
    if outside:
        why = f"答案 {''.join(outside)} 不在选项之中（本题选项 {''.join(found)}）"
        bad("答案", why, "答案不在选项中")
        return qtype, None
    if qtype == "choice":
        qtype = "single" if len(letters) == 1 else "multi"
    if qtype == "single" and len(letters) != 1:
        bad("答案", f"单选题只能有一个答案，写的是 {letters}", "单选题有多个答案")
        return qtype, None
    if qtype == "multi" and len(letters) < 2:
        why = "多选题至少有两个正确选项；只有一个请把题型改为单选"
        bad("答案", why, "多选题只有一个答案")
        return qtype, None
    return qtype, letters


def _jobs(written: str, reading: Reading, bad: Say) -> list[str]:
    codes: list[str] = []
    for token in (t for t in SPLIT.split(written) if t):
        code = reading.jobs.get(token) or reading.spellings.get(plain(token))
        if code is None:
            names = sorted(set(reading.job_names.values()) or set(reading.jobs))
            guess = nearest(token, names)
            hint = f"是不是「{'」或「'.join(guess)}」？" if guess else ""
            why = f"未知工种「{token}」：{hint}本单位工种有：{'、'.join(names) or '（无）'}"
            bad("工种", why, "未知工种")
        elif code not in codes:
            codes.append(code)
    if not written.strip():
        if reading.default_job is not None:
            return [reading.default_job]
        why = "工种为空：每道题要写明适用的工种（整个文件同一工种时，导入时可指定默认工种）"
        bad("工种", why, "工种为空")
    return codes


def _difficulty(written: str, five_levels: bool, bad: Say) -> int | None:
    text = plain(written)
    if not text:
        return 1
    number = re.fullmatch(r"(\d)(?:\.0+)?", text)
    if number and 1 <= int(number.group(1)) <= (5 if five_levels else 3):
        level = int(number.group(1))
        return FIVE_LEVELS[level] if five_levels else level
    found = DIFFICULTY_WORDS.get(text)
    if found is None:
        why = f"难度「{written}」应为 易、中、难（或 1、2、3，或 1–5 级）"
        bad("难度", why, "难度无法识别")
    return found


def five_levels(written: list[str]) -> bool:
    """A file whose difficulties go up to 4 or 5 grades 1–5, its 2 is 较易, not 中."""
    return any(re.fullmatch(r"[45](?:\.0+)?", plain(w)) for w in written)


def _code(jobs: list[str], stem: str) -> str:
    """A stable code for a question without 编号: its job and the hash of its stem."""
    digest = hashlib.sha256(stem.encode()).hexdigest()[:10]
    return f"{jobs[0] if jobs else 'q'}-{digest}"
