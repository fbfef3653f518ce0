"""The exception tree: everything anxun raises on purpose derives from AnxunError."""

from __future__ import annotations

from pydantic import ValidationError


class AnxunError(Exception):
    """Base of anxun's own errors; `code` is stable, the message is for humans."""

    code = "error"
    status = 400

    def __init__(
        self, message: str, *, code: str | None = None, details: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.details = details  # per-item problems, e.g. {question id: what is wrong}
        if code:
            self.code = code


class ConfigError(AnxunError):
    code = "config"


class StorageUnavailable(AnxunError):
    """The database cannot be reached or is not set up."""

    code = "storage"
    status = 503


class NotFound(AnxunError):
    code = "not_found"
    status = 404


class Unauthorized(AnxunError):
    code = "unauthorized"
    status = 401


class Conflict(AnxunError):
    code = "conflict"
    status = 409


class Forbidden(AnxunError):
    code = "forbidden"
    status = 403


class InvalidInput(AnxunError):
    code = "invalid"
    status = 422


def invalid_input(err: ValidationError, where: str = "") -> InvalidInput:
    """A pydantic error as one message naming each field (`where` prefixes the path) and what
    is wrong with it."""
    details = "; ".join(
        f"{where}{'.'.join(str(p) for p in e['loc']) or 'body'}: {e['msg']}" for e in err.errors()
    )
    return InvalidInput(details)


class CallbackRejected(AnxunError):
    """A callback that must not be processed (bad signature, stale, malformed)."""

    code = "callback_rejected"


class WeChatAPIError(AnxunError):
    """WeChat answered with a non-zero errcode, or could not be reached."""

    code = "wechat_api"
    status = 502

    def __init__(self, message: str, *, errcode: int | None = None) -> None:
        super().__init__(message)
        self.errcode = errcode


class BindError(AnxunError):
    code = "bind"
