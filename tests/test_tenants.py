"""Many enterprises on one anxun: each with its own accounts, and nothing crosses between them —
rosters, identities, dedup keys, token caches, campaigns and pushes."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from bot.simulator.seed import load_sample
from bot.storage.models import CardRead, Delivery, Identity
from content.loader import SAMPLE_MINE, load_enterprise
from scheduler.service import SCHEDULER
from tests.conftest import GAS_SPEC, TZ, Running, age_contacts, create_gas_campaign, eventually
from tests.test_miniapp import login

pytestmark = pytest.mark.storage

# The second mine employs the very same people (dispatched workers often move between mines):
# same names, same ID numbers, their own roster rows.
W1, W2 = [r for r in load_enterprise().roster if r.job == "gas_inspector"][:2]


async def load_lijing(anxun: Running, tmp_path: Path) -> None:
    other = tmp_path / "lijing"
    shutil.copytree(SAMPLE_MINE, other)
    meta = (other / "enterprise.toml").read_text(encoding="utf-8")
    meta = meta.replace('code = "hongqiao"', 'code = "lijing"', 1)
    (other / "enterprise.toml").write_text(meta.replace("红桥煤业（示例）", "李井矿业（示例）"))
    await load_sample(anxun.services.privacy, mine=other)


@pytest.fixture
async def two_mines(anxun: Running, tmp_path: Path) -> Running:
    await load_lijing(anxun, tmp_path)
    return anxun


async def bind(anxun: Running, openid: str, account: str) -> None:
    reply = await anxun.user(openid, account).say(f"绑定 {W1.name} {W1.id_number[-6:]}")
    assert reply is not None and "绑定成功" in reply


async def test_the_same_person_binds_to_each_enterprises_own_roster(two_mines: Running) -> None:
    await bind(two_mines, "o-a", "mine")
    await bind(two_mines, "o-b", "othermine")
    a = await Identity.get(openid="o-a").select_related("worker__enterprise")
    b = await Identity.get(openid="o-b").select_related("worker__enterprise")
    assert (a.worker.enterprise.code, b.worker.enterprise.code) == ("hongqiao", "lijing")
    assert a.worker_id != b.worker_id


async def test_a_roster_is_not_visible_through_another_enterprises_account(
    anxun: Running,
) -> None:
    # only hongqiao is loaded: its workers cannot bind through lijing's account
    reply = await anxun.user("o-b", "othermine").say(f"绑定 {W1.name} {W1.id_number[-6:]}")
    assert reply is not None and "不符" in reply
    assert not await Identity.filter(account="othermine").exists()


async def test_equal_message_ids_on_two_accounts_are_two_messages(two_mines: Running) -> None:
    await create_gas_campaign(two_mines)
    await bind(two_mines, "o-a", "mine")
    await bind(two_mines, "o-b", "othermine")
    replies = []
    for openid, account in (("o-a", "mine"), ("o-b", "othermine")):
        user = two_mines.user(openid, account)
        replies.append(await user.post(*user.envelope(user.text_xml("学习", msg_id=424242))))
    assert replies[0].text is not None and "今日卡片 1/2" in replies[0].text
    # lijing has no campaign: its worker gets a card of their own job, not hongqiao's cached reply
    assert replies[1].text is not None and replies[1].text != replies[0].text
    assert await CardRead.all().count() == 2


async def test_pushes_and_tokens_stay_within_the_enterprise(two_mines: Running, sim) -> None:
    await bind(two_mines, "o-a", "mine")
    await bind(two_mines, "o-b", "othermine")
    await age_contacts(two_mines)
    hongqiao = await create_gas_campaign(two_mines)
    lijing = await create_gas_campaign(two_mines, enterprise="lijing", account="othermine")
    two_mines.clock.set(datetime(2026, 11, 23, 8, 0, 1, tzinfo=TZ))
    assert await two_mines.app[SCHEDULER].fire_push(hongqiao) == 1
    assert await two_mines.app[SCHEDULER].fire_push(lijing) == 1
    await eventually(lambda: len(sim.delivered()) == 2)
    by_user = {r.body["touser"]: r for r in sim.delivered()}
    assert set(by_user) == {"o-a", "o-b"}
    # each message went with its own account's template and its own account's token
    assert by_user["o-a"].body["template_id"] == "TPL_DAILY"
    assert by_user["o-b"].body["template_id"] == "TPL_OTHER"
    assert sim.tokens[by_user["o-a"].query["access_token"]][0] == "wxtestappid000001"
    assert sim.tokens[by_user["o-b"].query["access_token"]][0] == "wxothermine000001"
    rows = {d.campaign_id: d.account for d in await Delivery.all()}
    assert rows == {hongqiao: "mine", lijing: "othermine"}


async def test_a_campaign_cannot_push_through_another_enterprises_account(
    two_mines: Running,
) -> None:
    spec = {**GAS_SPEC, "name": "x", "account": "othermine"}
    status, body = await two_mines.admin("POST", "/admin/v1/campaigns", spec)
    assert status == 422 and "belongs to enterprise 'lijing'" in body["message"]


async def test_an_enterprise_admin_reaches_only_its_own_enterprise(
    start_anxun, tmp_path: Path
) -> None:
    anxun = await start_anxun(admin={"enterprises": {"lijing": "lijing-admin"}})
    await load_lijing(anxun, tmp_path)
    hongqiao = await create_gas_campaign(anxun)  # by the operator token

    async def as_lijing(method: str, path: str, body: object = None) -> tuple[int, dict]:
        return await anxun.api(method, path, body, token="lijing-admin")

    spec = {**GAS_SPEC, "name": "x", "cards": None}
    assert (await as_lijing("POST", "/admin/v1/campaigns", spec))[0] == 403
    status, body = await as_lijing("GET", "/admin/v1/content/export?enterprise=hongqiao")
    assert status == 403 and "'lijing' only" in body["message"]
    # its own enterprise works
    own = {**spec, "enterprise": "lijing", "account": "othermine"}
    status, body = await as_lijing("POST", "/admin/v1/campaigns", own)
    assert status == 201
    assert (await as_lijing("GET", f"/admin/v1/campaigns/{body['id']}"))[0] == 200
    assert (await anxun.api("GET", f"/admin/v1/campaigns/{hongqiao}", token="nope"))[0] == 403


def same(answer: dict, row_id: object) -> dict:
    """An error body with the id the caller gave taken out of its message."""
    return {**answer, "message": answer["message"].replace(str(row_id), "N")}


async def test_another_enterprises_ids_and_accounts_answer_like_missing_ones(
    start_anxun, tmp_path: Path, sim
) -> None:
    anxun = await start_anxun(admin={"enterprises": {"lijing": "lijing-admin"}})
    await load_lijing(anxun, tmp_path)
    campaign = await create_gas_campaign(anxun)  # hongqiao's, by the operator token
    announce = {"account": "minework", "text": "x", "users": ["a"]}
    status, row = await anxun.admin("POST", "/admin/v1/wecom/announcements", announce)
    assert status == 202

    async def as_lijing(method: str, path: str, body: object = None) -> tuple[int, dict]:
        return await anxun.api(method, path, body, token="lijing-admin")

    for path, foreign in (("campaigns", campaign), ("wecom/announcements", row["id"])):
        found = await as_lijing("GET", f"/admin/v1/{path}/{foreign}")
        missing = await as_lijing("GET", f"/admin/v1/{path}/{foreign + 1000}")
        assert found[0] == missing[0] == 404, (found, missing)
        assert same(found[1], foreign) == same(missing[1], foreign + 1000)
    # another enterprise's account name is answered as an unknown one: nothing to enumerate
    for body in (announce, {"account": "othermine", "text": "x", "users": ["a"]}):
        refused = await as_lijing("POST", "/admin/v1/wecom/announcements", body)
        unknown = await as_lijing("POST", "/admin/v1/wecom/announcements", {**body, "account": "z"})
        assert refused[0] == unknown[0] == 422
        assert same(refused[1], body["account"]) == same(unknown[1], "z")
    spec = {
        "enterprise": "lijing",
        "name": "x",
        "job": "gas_inspector",
        "account": "mine",  # hongqiao's
        "push_time": "08:00",
        "start_date": "2026-11-23",
        "deadline": "2026-12-07",
        "supervisor": "HQ0001",
    }
    refused = await as_lijing("POST", "/admin/v1/campaigns", spec)
    unknown = await as_lijing("POST", "/admin/v1/campaigns", {**spec, "account": "z"})
    assert refused[0] == unknown[0] == 422
    assert same(refused[1], "mine") == same(unknown[1], "z") and "hongqiao" not in str(refused)

    # a worker's quiz is theirs alone: another worker's quiz id answers like a missing one
    tokens = []
    for openid, worker in (("m-1", W1), ("m-2", W2)):
        token = await login(anxun, sim, openid)
        bound = await anxun.api(
            "POST", "/api/v1/bind/phone", {"code": sim.phone_code(worker.phone)}, token=token
        )
        assert bound[0] == 200, bound
        tokens.append(token)
    status, quiz = await anxun.api("POST", "/api/v1/me/quiz", token=tokens[0])
    assert status == 200, quiz
    submit = "/api/v1/me/quiz/{}/submit"
    found = await anxun.api(
        "POST", submit.format(quiz["quiz_id"]), {"answers": {}}, token=tokens[1]
    )
    missing = await anxun.api(
        "POST", submit.format(quiz["quiz_id"] + 1000), {"answers": {}}, token=tokens[1]
    )
    assert found == missing and found[0] == 404
