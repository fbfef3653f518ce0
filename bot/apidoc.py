"""What each JSON route accepts and answers, declared next to it with `@operation(...)`.

The invariant: a handler can only send what its declaration names. A JSON answer goes out
through `respond(Model, data)` (validated and serialised by that pydantic model, which forbids
keys it does not list), and the wrapper refuses any answer whose status and model, or status and
media type, the declaration does not hold. bot/openapi.py builds /openapi.json from the same
declarations, so the document cannot drift from what is sent.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from aiohttp import web
from pydantic import BaseModel, ConfigDict

Security = Literal["admin", "session", "worker", "none"]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
H = TypeVar("H", bound=Handler)
M = TypeVar("M", bound=BaseModel)
MODEL_KEY: web.ResponseKey[type[BaseModel]] = web.ResponseKey("apidoc_model")  # respond()'s model
ATTRIBUTE = "__anxun_operation__"

# the errors a caller of each kind can always get: a missing or wrong token and bad input
SECURITY_ERRORS: dict[Security, tuple[int, ...]] = {
    "admin": (403,),
    "session": (401,),
    "worker": (401, 403),  # 403 not_bound: a session not yet bound to a worker
    "none": (),
}


class Out(BaseModel):
    """Base of response models: a key the model does not list is an error, not a leak."""

    model_config = ConfigDict(extra="forbid")


@dataclass(frozen=True)
class Binary:
    """A file answered or accepted as raw bytes of one media type."""

    media_type: str
    description: str = ""


@dataclass(frozen=True)
class Multipart:
    """A multipart/form-data upload: file fields (`files`, several allowed when `many`) and
    plain text fields."""

    files: str = "file"
    many: bool = False
    suffixes: tuple[str, ...] = ()
    fields: Mapping[str, str] = field(default_factory=dict)  # name -> description


Body = type[BaseModel] | Binary | Multipart
Answer = type[BaseModel] | Binary


@dataclass(frozen=True)
class Operation:
    summary: str
    security: Security
    responses: Mapping[int, Answer]
    body: Body | tuple[Binary, ...] | None = None
    query: type[BaseModel] | None = None
    path: type[BaseModel] | None = None
    errors: tuple[int, ...] = ()  # beyond those of its security and its input
    description: str = ""

    def error_statuses(self) -> list[int]:
        """Every status this operation may answer with the shared error shape (a status it
        also declares, e.g. an import's 422 report, may carry either)."""
        statuses = set(SECURITY_ERRORS[self.security]) | set(self.errors)
        if self.body is not None or self.query is not None or self.path is not None:
            statuses.add(422)
        if self.body is not None:
            statuses.add(413)  # over server.max_body_bytes (or the upload cap)
        return sorted(statuses)


def operation(
    summary: str,
    *,
    security: Security,
    responses: Mapping[int, Answer],
    body: Body | tuple[Binary, ...] | None = None,
    query: type[BaseModel] | None = None,
    path: type[BaseModel] | None = None,
    errors: tuple[int, ...] = (),
) -> Callable[[H], H]:
    """Declare a route's input and answers; the handler's docstring becomes its description."""

    def decorate(handler: H) -> H:
        op = Operation(
            summary,
            security,
            responses,
            body,
            query,
            path,
            errors,
            description=(handler.__doc__ or "").strip(),
        )

        @functools.wraps(handler)
        async def checked(request: web.Request) -> web.StreamResponse:
            response = await handler(request)
            _check(op, handler.__qualname__, response)
            return response

        setattr(checked, ATTRIBUTE, op)
        return checked  # type: ignore[return-value]

    return decorate


def described(handler: object) -> Operation | None:
    """The declaration of a registered handler, None for an undeclared one."""
    found = getattr(handler, ATTRIBUTE, None)
    return found if isinstance(found, Operation) else None


def respond(model: type[M], data: M | Mapping[str, Any], status: int = 200) -> web.Response:
    """A JSON answer shaped by `model`: `data` is validated through it, then serialised."""
    body = data if isinstance(data, model) else model.model_validate(data)
    response = web.json_response(body.model_dump(mode="json"), status=status)
    shaped: type[BaseModel] = model
    response[MODEL_KEY] = shaped
    return response


def _check(op: Operation, name: str, response: web.StreamResponse) -> None:
    declared = op.responses.get(response.status)
    sent: object = response.get(MODEL_KEY)
    if sent is None:
        ok = isinstance(declared, Binary) and response.content_type == declared.media_type
        sent = response.content_type
    else:
        ok = declared is sent
    if not ok:
        raise RuntimeError(
            f"{name} answered {response.status} with {sent!r}; its @operation declares "
            f"{declared!r} for that status"
        )
