"""What the clerk and the worker see of banks read as a person reads them: the CLI and the admin
API say which sheets were read, take a default job and end with a summary by reason; jobs are
matched by the other names stored with them; a question without 解析 shows the right answer."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.learning import training
from bot.learning.library import import_content
from bot.storage.models import Job, Question, QuizSession
from content.loader import load_enterprise
from tests.conftest import ADMIN_TOKEN, Running, create_gas_campaign
from tests.quizzes import shown_answer
from tests.test_miniapp import login
from tests.xlsx import Sheet, write

pytestmark = pytest.mark.storage
ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "banks"
W1, W2 = [r for r in load_enterprise().roster if r.job == "gas_inspector"][:2]


def run_cli(anxun: Running, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    config = tmp_path / "c.toml"
    config.write_text(
        f'[db]\nurl = "{anxun.config.db.url}"\n[admin]\ntoken = "t"\n'
        f'[privacy]\nkey = "{"k" * 32}"\n',
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "bot.cli", "content", "import", *args]
    return subprocess.run(
        [*command, "--enterprise", "hongqiao", "--config", str(config)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_cli_says_which_sheets_it_read_and_sums_up_by_reason(
    anxun: Running, tmp_path: Path
) -> None:
    files = [
        str(CORPUS / n) for n in ("exam_export.xlsx", "ambiguous.xlsx", "empty_explanation.xlsx")
    ]
    result = run_cli(anxun, tmp_path, *files)
    out = result.stdout
    assert result.returncode == 1, out + result.stderr
    assert "exam_export.xlsx：已读取工作表 试题" in out
    assert "exam_export.xlsx：未读取工作表 「字典」（隐藏的工作表，没有题库表头）" in out
    summary = out[out.index("按原因汇总：") :]
    assert "问题 · 未知工种：1 行" in summary and "提示 · 缺少解析：2 行" in summary
    assert "Traceback" not in result.stderr


def test_the_cli_takes_a_default_job_by_any_of_its_names(anxun: Running, tmp_path: Path) -> None:
    bank = str(CORPUS / "no_job_column.xlsx")
    result = run_cli(anxun, tmp_path, bank, "--job", "瓦检员")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "按默认工种「瓦斯检查工」导入" in result.stdout
    without = run_cli(anxun, tmp_path, bank)
    assert (
        without.returncode == 1 and "缺少列：工种" in without.stdout and "--job" in without.stdout
    )
    wrong = run_cli(anxun, tmp_path, bank, "--job", "瓦检")
    assert wrong.returncode == 2 and "是不是「瓦斯检查工」" in wrong.stderr
    assert "Traceback" not in wrong.stderr


async def upload(
    anxun: Running, path: Path, query: str = "", **fields: str
) -> tuple[int, dict[str, Any]]:
    form = aiohttp.FormData()
    for name, value in fields.items():
        form.add_field(name, value)
    form.add_field("file", await asyncio.to_thread(path.read_bytes), filename=path.name)
    url = f"{anxun.base_url}/admin/v1/content/import?enterprise=hongqiao{query}"
    headers = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    async with anxun.session.post(url, data=form, headers=headers) as resp:
        return resp.status, await resp.json()


async def test_the_admin_api_takes_a_default_job_and_reports_sheets_and_reasons(
    anxun: Running,
) -> None:
    status, body = await upload(anxun, CORPUS / "no_job_column.xlsx", job="瓦斯检查工")
    assert status == 200 and body["default_job"] == "gas_inspector", body
    assert body["questions"]["created"] == 2
    assert body["sheets"] == [{"file": "no_job_column.xlsx", "read": ["瓦斯检查"], "skipped": []}]

    status, body = await upload(anxun, CORPUS / "ambiguous.xlsx")
    assert status == 422 and not body["applied"]
    reasons = {item["reason"]: item["rows"] for item in body["summary"]["problems"]}
    assert reasons["未知工种"] == 1 and len(reasons) == 8

    assert {p["kind"] for p in body["problems"]} == set(reasons)

    status, body = await upload(anxun, CORPUS / "legacy.xls", "&partial=1")
    assert status == 200 and body["questions"]["created"] == 3, body

    status, body = await upload(anxun, CORPUS / "no_job_column.xlsx", job="挖掘机司机")
    assert status == 422 and "默认工种「挖掘机司机」" in body["message"]


async def test_jobs_are_stored_with_their_other_names_and_matched_by_them(
    anxun: Running, tmp_path: Path
) -> None:
    stored = await Job.get(enterprise__code="hongqiao", code="gas_inspector")
    assert "瓦检员" in stored.aliases  # from the library's catalogue when the mine was loaded
    stored.aliases = [*stored.aliases, "瓦斯员"]  # the enterprise's own name for the job
    await stored.save()
    header = ["题型", "题干", "选项A", "选项B", "答案", "解析", "工种"]
    path = write(
        tmp_path / "bank.xlsx",
        [Sheet("题库", [header, ["单选", "本矿叫法的题", "甲", "乙", "A", "说明。", "瓦斯员"]])],
    )
    report = await import_content("hongqiao", [path])
    assert report.problems == [] and report.applied
    assert (await Question.get(stem="本矿叫法的题")).job_codes == ["gas_inspector"]


async def test_a_question_without_explanation_shows_the_right_answer(
    anxun: Running, sim: Any
) -> None:
    await Question.all().update(explanation="")  # a bank without 解析
    await create_gas_campaign(anxun)
    user = anxun.user("o-w1")
    await user.say(f"绑定 {W1.name} {W1.id_number[-6:]}")
    first = await user.say("答题")
    assert first is not None and "第1/3题" in first
    session = await QuizSession.get(finished_at=None, worker__employee_no=W1.employee_no)
    asked = await Question.get(id=session.question_ids[0])
    reply = await user.say(await shown_answer(session, 0, right=False))
    assert reply is not None and "解析：" not in reply
    # the right answer in the letters this worker was shown, with its words
    order = training.order_of(session, 0, asked)
    right = "；".join(f"{order.to_shown(a)}. {asked.options[a]}" for a in asked.answer)
    assert reply.startswith(f"❌ 回答错误。正确答案：{right}\n")
    again = await user.say(await shown_answer(session, 1))
    assert again is not None and again.startswith("✅ 回答正确！\n") and "解析：" not in again

    token = await login(anxun, sim, "m-w2")
    status, _ = await anxun.api(
        "POST", "/api/v1/bind/phone", {"code": sim.phone_code(W2.phone)}, token=token
    )
    assert status == 200
    status, quiz = await anxun.api("POST", "/api/v1/me/quiz", token=token)
    assert status == 200
    ids = [q["id"] for q in quiz["questions"]]
    answers = {str(q.id): q.answer for q in await Question.filter(id__in=ids)}
    status, body = await anxun.api(
        "POST", f"/api/v1/me/quiz/{quiz['quiz_id']}/submit", {"answers": answers}, token=token
    )
    assert status == 200 and [r["explanation"] for r in body["results"]] == [None] * len(ids)
