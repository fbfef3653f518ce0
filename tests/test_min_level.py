"""A campaign's minimum identity level: a worker below it is told, as they start studying or
answering (and again when a quiz ends), which level they have, which is needed, and how to get
there from their channel; once they do, the same progress completes the campaign."""

from __future__ import annotations

import pytest

from bot.storage.models import Enrollment, QuizSession
from content.loader import load_enterprise
from tests.conftest import GAS_SPEC, Running, create_gas_campaign
from tests.quizzes import shown_answers
from tests.test_miniapp import login

pytestmark = pytest.mark.storage

W1, W2 = load_enterprise().roster[4:6]  # gas inspectors of tf-1


async def bind(anxun: Running, openid: str, account: str = "mine") -> None:
    reply = await anxun.user(openid, account).say(f"绑定 {W1.name} {W1.id_number[-6:]}")
    assert reply is not None and "绑定成功" in reply


async def finish_quiz(anxun: Running, openid: str) -> tuple[str, str]:
    user = anxun.user(openid)
    first = await user.say("答题")
    session = await QuizSession.get(finished_at=None, worker__identities__openid=openid)
    last = ""
    for letters in await shown_answers(session):
        last = await user.say(letters) or ""
    return first or "", last


async def test_below_the_level_a_worker_is_told_before_and_after(anxun: Running, sim) -> None:
    campaign_id = await create_gas_campaign(anxun, min_identity_level=3)
    await bind(anxun, "o-w1")
    card = await anxun.user("o-w1").say("学习")
    assert card is not None and card.startswith("⚠️")
    assert "要求身份核验达到 3 级（手机号核验）" in card and "您目前是 1 级（花名册核对" in card
    assert "才能计为完成" in card and "今日卡片 1/2" in card  # the card still comes
    # on an official account the phone cannot be checked: the ways are the other channels'
    assert "1. 打开本单位的「安训」小程序，点「手机号绑定」" in card
    assert "2. 在企业微信里打开「安训」应用" in card
    assert "发码" not in card and "刷脸" not in card  # level 2 is too low; face is off
    await anxun.user("o-w1").say("学习")
    first, last = await finish_quiz(anxun, "o-w1")
    assert first.startswith("⚠️") and "第1/3题" in first
    assert "答对 3/3 题" in last and "要求身份核验达到 3 级" in last and "全部学习要求" not in last
    enrollment = await Enrollment.get(campaign_id=campaign_id, worker__employee_no=W1.employee_no)
    assert enrollment.status == "enrolled"

    # doing what it said: the mini-program's phone check, then one more card there
    token = await login(anxun, sim, "m-w1")
    status, _ = await anxun.api(
        "POST", "/api/v1/bind/phone", {"code": sim.phone_code(W1.phone)}, token=token
    )
    assert status == 200
    status, body = await anxun.api("POST", "/api/v1/me/card", token=token)
    assert status == 200 and body["campaign_complete"] is True
    assert body["identity"] == {"level": 3, "required": 3, "enough": True, "guidance": None}
    await enrollment.refresh_from_db()
    assert enrollment.status == "complete" and enrollment.completed_identity_level == 3


async def test_the_in_person_code_comes_first_where_it_is_enough(anxun: Running) -> None:
    await create_gas_campaign(anxun, min_identity_level=2)
    await bind(anxun, "o-w1")
    card = await anxun.user("o-w1").say("学习")
    assert card is not None and "1. 找班组长当面核验：请班组长在微信里回复「发码 您的工号」" in card
    assert "2. 打开本单位的「安训」小程序" in card


async def test_wecom_guidance_names_the_directory(anxun: Running) -> None:
    await create_gas_campaign(anxun, account="minework", min_identity_level=4)
    await bind(anxun, "zhangsan", "minework")  # the directory says nothing about zhangsan
    card = await anxun.user("zhangsan", "minework").say("学习")
    assert card is not None and "要求身份核验达到 4 级（企业微信成员）" in card
    assert "1. 请安全培训管理员在企业微信通讯录里把您的账号设为您的工号" in card
    assert "手机号绑定" not in card  # level 3 is not enough


async def test_face_is_offered_only_where_it_is_enabled(start_anxun, sim) -> None:
    on = await start_anxun(bind={"face_enabled": True})
    await create_gas_campaign(on, min_identity_level=5)
    token = await login(on, sim, "m-w2")
    await on.api("POST", "/api/v1/bind/phone", {"code": sim.phone_code(W2.phone)}, token=token)
    status, body = await on.api("POST", "/api/v1/me/card", token=token)
    assert status == 200 and body["identity"]["level"] == 3 and body["identity"]["required"] == 5
    assert "1. 在本小程序点「刷脸核验」" in body["identity"]["guidance"]
    await on.stop()

    off = await start_anxun()  # face verification switched off after the launch: same database
    token = await login(off, sim, "m-w1")
    await off.api("POST", "/api/v1/bind/phone", {"code": sim.phone_code(W1.phone)}, token=token)
    status, body = await off.api("POST", "/api/v1/me/quiz", token=token)
    assert status == 200 and body["identity"]["enough"] is False
    assert "没有开通能达到这一等级的核验方式" in body["identity"]["guidance"]


async def test_a_level_no_binding_can_grant_is_refused_at_launch(start_anxun) -> None:
    anxun = await start_anxun()  # face verification off: level 5 cannot be reached
    spec = {**GAS_SPEC, "min_identity_level": 5}
    status, body = await anxun.admin("POST", "/admin/v1/campaigns", spec)
    assert status == 422
    assert "min_identity_level 5 cannot be met" in body["message"]
    assert "bind.face_enabled" in body["message"]
    spec = {**GAS_SPEC, "min_identity_level": 4}
    status, _ = await anxun.admin("POST", "/admin/v1/campaigns", spec)
    assert status == 201  # the sample enterprise has a WeCom app: level 4 is within reach


async def test_at_the_level_nothing_is_said(anxun: Running) -> None:
    await create_gas_campaign(anxun)  # min_identity_level 1
    await bind(anxun, "o-w1")
    card = await anxun.user("o-w1").say("学习")
    assert card is not None and card.startswith("【今日卡片 1/2】")
