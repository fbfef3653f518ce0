"""A supervisor's hand on the ladder: 解锁 工号 lifts a worker's binding lock, 解绑 工号 undoes a
binding, for their own department and below only; the admin API does the same, tenant-scoped;
every decision lands in the worker's history, which the admin API lists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.storage.models import BindGuard, Identity, Worker, WorkerEvent
from content.loader import load_enterprise
from tests.conftest import Running
from tests.test_tenants import load_lijing

pytestmark = pytest.mark.storage

ROSTER = {r.employee_no: r for r in load_enterprise().roster}
LEADER = ROSTER["HQ0001"]  # team leader of tf-1
OTHER_LEADER = ROSTER["HQ0003"]  # team leader of zc-1
W1, W2 = ROSTER["HQ0005"], ROSTER["HQ0006"]  # both in tf-1


async def bind(anxun: Running, openid: str, row) -> str | None:
    return await anxun.user(openid).say(f"绑定 {row.name} {row.id_number[-6:]}")


async def lock_out(anxun: Running, row) -> None:
    """Ten wrong tails for one worker from five WeChat users: the worker's binding locks."""
    for i in range(10):
        await anxun.user(f"o-ring-{i % 5}").say(f"绑定 {row.name} 1{i:05d}")
    reply = await bind(anxun, "o-real", row)
    assert reply is not None and "已锁定" in reply


async def worker_id(row) -> int:
    return (await Worker.get(employee_no=row.employee_no, enterprise__code="hongqiao")).id


async def kinds(row) -> list[str]:
    rows = WorkerEvent.filter(worker_id=await worker_id(row)).order_by("id")
    return list(await rows.values_list("kind", flat=True))


async def test_a_leader_unlocks_a_locked_worker_in_chat(anxun: Running) -> None:
    await lock_out(anxun, W2)
    assert "绑定成功" in (await bind(anxun, "o-leader", LEADER) or "")
    leader = anxun.user("o-leader")
    reply = await leader.say(f"解锁 {W2.employee_no.lower()}")
    assert reply is not None and f"已解除 {W2.name}（{W2.employee_no}）的绑定锁定" in reply
    assert f"发码 {W2.employee_no}" in reply  # what to do if the worker's own WeChat is locked
    assert "绑定成功" in (await bind(anxun, "o-real", W2) or "")
    again = await leader.say(f"解锁 {W2.employee_no}")
    assert again is not None and "没有被锁定" in again
    unlocked = await WorkerEvent.get(kind="unlocked", worker_id=await worker_id(W2))
    assert (unlocked.source, unlocked.actor) == ("chat", LEADER.employee_no)
    assert unlocked.data == {"was_locked": True, "failures": 10}
    assert await kinds(W2) == ["unlocked", "bound"]
    # the guessers' own WeChat identities keep their failures: the unlock is for the worker
    assert (await BindGuard.get(subject="openid:mine:o-ring-0")).failures == 2


async def test_an_admin_unlocks_through_the_api(anxun: Running) -> None:
    await lock_out(anxun, W2)
    status, body = await anxun.admin("POST", f"/admin/v1/workers/{await worker_id(W2)}/unlock")
    assert status == 200 and body["unlocked"] is True, body
    assert body["worker"]["employee_no"] == W2.employee_no
    assert "绑定成功" in (await bind(anxun, "o-real", W2) or "")
    status, body = await anxun.admin("POST", f"/admin/v1/workers/{await worker_id(W2)}/unlock")
    assert status == 200 and body["unlocked"] is False  # a retry changes and records nothing
    events = await WorkerEvent.filter(kind="unlocked")
    assert [(e.source, e.actor) for e in events] == [("admin", "admin:operator")]
    guard = await BindGuard.get(subject=f"worker:{await worker_id(W2)}")
    assert guard.failures == 0 and guard.locked_until is None


async def test_unbind_then_rebind(anxun: Running) -> None:
    await bind(anxun, "o-leader", LEADER)
    await bind(anxun, "o-w1", W1)
    reply = await anxun.user("o-leader").say(f"解绑 {W1.employee_no}")
    assert reply is not None and f"已解除 {W1.name}（{W1.employee_no}）的 1 个绑定" in reply
    after = await anxun.user("o-w1").say("学习")
    assert after is not None and "还没有绑定身份" in after
    assert "没有绑定任何微信" in (await anxun.user("o-leader").say(f"解绑 {W1.employee_no}") or "")
    # the same WeChat binds again, from the bottom of the ladder
    assert "绑定成功" in (await bind(anxun, "o-w1", W1) or "")
    identity = await Identity.get(openid="o-w1")
    assert identity.active and identity.level == 1
    assert await kinds(W1) == ["bound", "unbound", "bound"]
    unbound = await WorkerEvent.get(kind="unbound")
    assert unbound.actor == LEADER.employee_no
    assert unbound.data == {
        "identities": 1,
        "accounts": ["mine"],
        "levels": [1],
        "methods": ["roster"],
    }


async def test_only_a_workers_own_supervisors_may_act(anxun: Running) -> None:
    await bind(anxun, "o-w1", W1)
    await bind(anxun, "o-w2", W2)
    await bind(anxun, "o-other", OTHER_LEADER)
    other = anxun.user("o-other")
    for command in ("解锁", "解绑"):
        reply = await other.say(f"{command} {W1.employee_no}")
        assert reply is not None and f"{W1.name} 不在您管理的班组内" in reply
        assert "只有班组长" in (await anxun.user("o-w2").say(f"{command} {W1.employee_no}") or "")
        assert "没有工号为 HQ9999" in (await other.say(f"{command} HQ9999") or "")
        assert "格式" in (await other.say(command) or "")
    assert "还没有绑定身份" in (await anxun.user("o-nobody").say("解绑 HQ0005") or "")
    assert await Identity.filter(active=True).count() == 3
    assert not await WorkerEvent.filter(kind__in=["unlocked", "unbound"]).exists()


async def test_admin_unbind_and_history_stay_within_the_tenant(start_anxun, tmp_path: Path) -> None:
    anxun = await start_anxun(
        admin={"enterprises": {"lijing": "lijing-admin", "hongqiao": "hq-admin"}}
    )
    await load_lijing(anxun, tmp_path)
    await bind(anxun, "o-w1", W1)
    wid = await worker_id(W1)
    for path in (f"{wid}/unlock", f"{wid}/unbind", f"{wid}/history"):
        method = "GET" if path.endswith("history") else "POST"
        found = await anxun.api(method, f"/admin/v1/workers/{path}", token="lijing-admin")
        missing = await anxun.api(
            method, f"/admin/v1/workers/{path.replace(str(wid), '99999')}", token="lijing-admin"
        )
        assert found[0] == missing[0] == 404
        assert found[1]["message"].replace(str(wid), "N") == missing[1]["message"].replace(
            "99999", "N"
        )
    assert await Identity.filter(active=True).count() == 1  # nothing happened
    status, body = await anxun.api("POST", f"/admin/v1/workers/{wid}/unbind", token="hq-admin")
    assert status == 200 and body["unbound"] == 1
    assert not await Identity.filter(active=True).exists()
    status, body = await anxun.api("GET", f"/admin/v1/workers/{wid}/history", token="hq-admin")
    assert status == 200 and not body["truncated"]
    assert [(e["kind"], e["actor"]) for e in body["events"]] == [
        ("bound", ""),
        ("unbound", "admin:hongqiao"),
    ]
    assert body["events"][0]["data"] == {"method": "roster", "level": 1, "account": "mine"}
    text = json.dumps(body, ensure_ascii=False)  # no personal data beyond the name
    assert W1.id_number not in text and W1.id_number[-6:] not in text and W1.phone not in text


async def test_bad_worker_ids_and_tokens(anxun: Running) -> None:
    assert (await anxun.admin("POST", "/admin/v1/workers/abc/unlock"))[0] == 422
    assert (await anxun.admin("GET", "/admin/v1/workers/4294967296/history"))[0] == 404
    status, body = await anxun.api("POST", "/admin/v1/workers/1/unbind")
    assert status == 403 and "Bearer" in body["message"]


async def test_a_retried_command_decides_once(anxun: Running) -> None:
    await bind(anxun, "o-leader", LEADER)
    await bind(anxun, "o-w1", W1)
    leader = anxun.user("o-leader")
    message = leader.text_xml(f"解绑 {W1.employee_no}", msg_id=7007)
    first = await leader.post(*leader.envelope(message))
    again = await leader.post(*leader.envelope(message))  # WeChat's retry of the same MsgId
    assert first.text is not None and "已解除" in first.text and again.text == first.text
    assert await WorkerEvent.filter(kind="unbound").count() == 1
