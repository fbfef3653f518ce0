"""Identity level 5: WeChat's face verification (人脸核身), where the enterprise holds the
qualification and `bind.face_enabled` is on.

The mini-program runs wx.startFacialRecognitionVerify and hands anxun its `verifyResult`; anxun
asks WeChat what it means and trusts only that answer (the client's own result can be forged):
the verification passed (identify_ret 0), for this very mini-program user (openid), of the person
whose name and ID number hash (md5) to those of one active roster worker. The roster's ID
number is decrypted in memory to hash it; neither it nor WeChat's hashes are stored.
"""

from __future__ import annotations

import logging

from bot.config import AccountConfig
from bot.context import Services
from bot.errors import WeChatAPIError
from bot.people.binding import BindOutcome, bind_or_raise
from bot.people.rules.ladder import FACE, face_matches, same_md5
from bot.storage.models import Worker

log = logging.getLogger(__name__)

FACE_LEVEL = FACE


async def bind_by_face(
    services: Services, account: AccountConfig, openid: str, verify_result: str
) -> BindOutcome:
    """Bind (or raise) the mini-program user `openid` at level 5; status ok | disabled |
    failed | no_match | conflict (this WeChat is bound to someone else)."""
    if not services.config.bind.face_enabled:
        return BindOutcome("disabled")
    assert services.wechat is not None
    try:
        result = await services.wechat.miniapp.face_result(account.name, verify_result)
    except WeChatAPIError as err:
        if err.errcode == -1:
            raise  # WeChat unreachable: the caller says "try again later"
        log.info("face result refused on %s: %s", account.name, err.message)
        return BindOutcome("failed")
    if result.get("identify_ret") != 0 or result.get("openid") != openid:
        # not passed, or another user's verification replayed by this one
        return BindOutcome("failed")
    name_md5 = str(result.get("name_utf8_md5", ""))
    id_md5 = str(result.get("id_card_number_md5", ""))
    worker = await _verified_worker(services, account.enterprise, name_md5, id_md5)
    if worker is None:
        return BindOutcome("no_match")
    # the face proves the person: the worker's older identity here (an old phone) retires
    return await bind_or_raise(
        services, worker, account.name, openid, "face", FACE_LEVEL, replace=True
    )


async def _verified_worker(
    services: Services, enterprise: str, name_md5: str, id_md5: str
) -> Worker | None:
    """The one active roster worker whose name and ID number hash to WeChat's values: the name
    narrows the roster first, so only a few ID numbers are decrypted."""
    if not name_md5 or not id_md5:
        return None
    rows = await Worker.filter(enterprise__code=enterprise, status="active").values_list(
        "id", "name"
    )
    named = [worker_id for worker_id, name in rows if same_md5(str(name), name_md5)]
    found = []
    for worker in await Worker.filter(id__in=named).select_related("job", "department"):
        number = services.privacy.decrypt(worker.id_number_enc)
        if face_matches(worker.name, number, name_md5, id_md5):
            found.append(worker)
    return found[0] if len(found) == 1 else None
