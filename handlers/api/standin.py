"""POST /api/v1/me/challenge/photo: the mini-program's camera answers a live stand-in challenge
(bot/campaigns/challenges.py). The body is the photo itself (JPEG or PNG, at most
server.max_body_bytes: compress it on the phone); the leader gets a link to it."""

from __future__ import annotations

from aiohttp import web

from bot.api import bearer_token
from bot.apidoc import Binary, Out, operation, respond
from bot.campaigns import challenges
from bot.campaigns.photos import photo_kind, photo_url
from bot.context import Services
from bot.errors import Conflict, InvalidInput
from bot.keys import SERVICES
from bot.people import sessions
from bot.storage.models import StandinChallenge

routes = web.RouteTableDef()
PHOTO = (Binary("image/jpeg"), Binary("image/png"))


class PhotoOut(Out):
    status: str
    message: str


@routes.post("/api/v1/me/challenge/photo")
@operation(
    "Answer a live stand-in challenge with a photo",
    security="worker",
    body=PHOTO,
    responses={200: PhotoOut},
    errors=(409,),
)
async def upload_photo(request: web.Request) -> web.Response:
    services: Services = request.app[SERVICES]
    found = await sessions.worker_caller(services, bearer_token(request))
    assert found.identity is not None
    worker = found.identity.worker
    copy = services.copy
    try:
        data = await request.read()
    except web.HTTPRequestEntityTooLarge:
        limit = services.config.server.max_body_bytes // 1024
        raise InvalidInput(copy.t("standin.api_photo_too_large", kb=limit)) from None
    if photo_kind(data) is None:
        raise InvalidInput(copy.t("standin.api_photo_not_image"), code="not_a_photo")
    challenge = await challenges.open_challenge(worker.id)
    if challenge is None or challenge.status not in ("asked", "expired"):
        raise Conflict(copy.t("standin.photo_unexpected"), code="no_challenge")
    url = photo_url(services, challenge.id)
    if url is None:  # no page to show it on: chat is the way
        raise Conflict(copy.t("standin.api_photo_chat_only"), code="photo_chat_only")
    reply = await challenges.take_photo(services, worker, url, data=data)
    done = await StandinChallenge.get(id=challenge.id)
    return respond(PhotoOut, {"status": done.status, "message": reply})
