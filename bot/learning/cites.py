"""Which cards and questions cite a regulation, and the edition each was checked against: the
content owner's list when a regulation is revised (`anxun content cites`), from the shipped
library or from an enterprise's stored content, as a terminal table or an xlsx sheet.
"""

from __future__ import annotations

import asyncio
import unicodedata
from pathlib import Path

from bot.errors import NotFound
from bot.storage.models import Card, Enterprise, Job, Question
from content import citations
from content.citations import Citing
from content.copy import Copy
from content.loader import LIBRARY, load_jobs, load_library

TEXT_WIDTH = 24  # characters of a title or stem shown in the terminal table


def library_items(root: Path = LIBRARY) -> tuple[list[Citing], dict[str, str]]:
    """Every shipped card and question, and the job names by code."""
    loaded = load_library(root)
    items = [
        Citing("card", c.code, c.jobs, c.title, c.checked_against or []) for c in loaded.cards
    ] + [
        Citing("question", q.code, q.jobs, q.stem, q.checked_against or [])
        for q in loaded.questions
    ]
    return items, {j["code"]: j["name"] for j in load_jobs(root)}


async def enterprise_items(enterprise: str) -> tuple[list[Citing], dict[str, str]]:
    """Every card and question the enterprise holds, and the job names by code."""
    ent = await Enterprise.get_or_none(code=enterprise)
    if ent is None:
        raise NotFound(f"enterprise {enterprise!r} does not exist")
    fields = ("code", "job_codes", "checked_against")
    cards = await Card.filter(enterprise=ent).values_list("title", *fields)
    questions = await Question.filter(enterprise=ent).values_list("stem", *fields)
    items = [
        Citing(kind, str(code), list(jobs), str(text), citations.from_json(checked))
        for kind, rows in (("card", cards), ("question", questions))
        for text, code, jobs, checked in rows
    ]
    names = {j["code"]: j["name"] for j in load_jobs()}
    names.update(await Job.filter(enterprise=ent).values_list("code", "name"))
    return items, names


def rows(
    found: list[Citing],
    regulation: str,
    edition: str | None,
    job_names: dict[str, str],
    copy: Copy,
    width: int | None = None,
) -> list[list[str]]:
    """The header and one row per item: kind, code, jobs, title or stem, editions."""
    header = [copy.t(f"cites.{key}") for key in ("kind", "code", "jobs", "text", "edition")]
    body = [
        [
            copy.t(f"cites.{item.kind}"),
            item.code,
            "、".join(job_names.get(j, j) for j in item.jobs),
            _cut(item.text, width),
            "、".join(c.edition for c in citations.matching(item.checked, regulation, edition)),
        ]
        for item in found
    ]
    return [header, *body]


def _cut(text: str, width: int | None) -> str:
    text = " ".join(text.split())
    return text if width is None or len(text) <= width else text[: width - 1] + "…"


def table(lines: list[list[str]]) -> str:
    """Columns aligned for a terminal, Chinese characters counted two wide."""
    widths = [max(_width(line[i]) for line in lines) for i in range(len(lines[0]))]
    return "\n".join(
        "  ".join(
            cell + " " * (w - _width(cell)) for cell, w in zip(line, widths, strict=True)
        ).rstrip()
        for line in lines
    )


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


async def listing(
    items: list[Citing],
    job_names: dict[str, str],
    *,
    regulation: str,
    edition: str | None,
    scope: str,
    copy: Copy,
    out: Path | None = None,
) -> tuple[list[str], bool]:
    """What to print, and whether anything cites the regulation; with `out`, the full list is
    written there as xlsx instead of printed."""
    found = citations.citing(items, regulation, edition)
    which = copy.t("cites.which", regulation=citations.regulation_name(regulation))
    if edition:
        which += copy.t("cites.of_edition", edition=edition)
    if not found:
        similar = citations.similar_names(items, regulation)
        lines = [copy.t("cites.none", scope=scope, which=which)]
        if similar:
            lines.append(copy.t("cites.similar", names="、".join(f"《{n}》" for n in similar)))
        return lines, False
    cards = sum(1 for item in found if item.kind == "card")
    summary = copy.t(
        "cites.summary", scope=scope, which=which, cards=cards, questions=len(found) - cards
    )
    if out is None:
        return [table(rows(found, regulation, edition, job_names, copy, TEXT_WIDTH)), summary], True
    sheet = rows(found, regulation, edition, job_names, copy)
    await asyncio.to_thread(_write_sheet, out, sheet, copy.t("cites.sheet"))
    return [summary, copy.t("cites.written", count=len(found), path=out)], True


def _write_sheet(path: Path, lines: list[list[str]], title: str) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for line in lines:
        sheet.append(line)
    book.save(path)
