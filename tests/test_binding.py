"""Step 2 in detail: roster binding in chat, its replies, and the locks against guessing."""

from __future__ import annotations

import pytest

from bot.storage.models import Alert, Identity, Worker
from content.loader import load_enterprise
from tests.conftest import Running

pytestmark = pytest.mark.storage

ROSTER = {r.employee_no: r for r in load_enterprise().roster}
W1 = ROSTER["HQ0005"]
W2 = ROSTER["HQ0006"]


async def test_study_before_binding_asks_to_bind(anxun: Running) -> None:
    reply = await anxun.user("o-new").say("学习")
    assert reply is not None and "还没有绑定身份" in reply and "绑定 姓名 身份证后六位" in reply


async def test_malformed_bind_gets_usage(anxun: Running) -> None:
    for text in ("绑定", "绑定 于江", "绑定 于江 12345", "绑定 于江 12345Y"):
        reply = await anxun.user("o-new").say(text)
        assert reply is not None and "绑定格式" in reply, text
    assert not await Identity.exists()


async def test_fullwidth_space_and_lowercase_x_bind(anxun: Running) -> None:
    reply = await anxun.user("o-w1").say(f"绑定\u3000{W1.name}\u3000{W1.id_number[-6:].lower()}")
    assert reply is not None and "绑定成功" in reply
    identity = await Identity.get(openid="o-w1").select_related("worker")
    assert identity.worker.employee_no == W1.employee_no and identity.level == 1


async def test_five_failures_lock_even_the_right_answer(anxun: Running) -> None:
    user = anxun.user("o-guess")
    lefts = []
    for n in range(4):
        reply = await user.say(f"绑定 {W1.name} 00000{n}")
        assert reply is not None and "不符" in reply
        lefts.append(reply)
    assert "还可尝试 4 次" in lefts[0] and "还可尝试 1 次" in lefts[3]
    fifth = await user.say(f"绑定 {W1.name} 000009")
    assert fifth is not None and "已锁定" in fifth
    right = await user.say(f"绑定 {W1.name} {W1.id_number[-6:]}")
    assert right is not None and "已锁定" in right
    assert not await Identity.exists()

    # the lock lifts after bind.lock_hours
    anxun.clock.advance(hours=24, minutes=1)
    ok = await user.say(f"绑定 {W1.name} {W1.id_number[-6:]}")
    assert ok is not None and "绑定成功" in ok


async def test_guessing_one_worker_from_many_accounts_locks_the_worker(anxun: Running) -> None:
    # ten wrong tails for W2 spread over five WeChat users: each user stays under its own limit
    for i in range(10):
        await anxun.user(f"o-ring-{i % 5}").say(f"绑定 {W2.name} 1{i:05d}")
    alert = await Alert.get(kind="bind_guessing")
    assert alert.data["worker_id"] == (await Worker.get(employee_no=W2.employee_no)).id
    # the real worker, from a fresh account, is now refused until a supervisor checks in person
    reply = await anxun.user("o-w2").say(f"绑定 {W2.name} {W2.id_number[-6:]}")
    assert reply is not None and "已锁定" in reply


async def test_one_worker_one_wechat(anxun: Running) -> None:
    tail = W1.id_number[-6:]
    assert "绑定成功" in (await anxun.user("o-a").say(f"绑定 {W1.name} {tail}") or "")
    again = await anxun.user("o-a").say(f"绑定 {W1.name} {tail}")
    assert again is not None and "无需重复绑定" in again
    other = await anxun.user("o-b").say(f"绑定 {W1.name} {tail}")
    assert other is not None and "另一个微信号" in other
    assert await Identity.filter(active=True).count() == 1
