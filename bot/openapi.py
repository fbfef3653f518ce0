"""GET /openapi.json: the OpenAPI 3.1 document of /admin/ and /api/, built from the app's router
and each route's @operation (bot/apidoc.py) — never written by hand.

Schemas come from pydantic (JSON Schema 2020-12, OpenAPI 3.1's dialect), shared ones under
components; every error status points at the middleware's one error shape (bot/api.py ErrorOut).
"""

from __future__ import annotations

from http import HTTPStatus
from importlib import metadata
from typing import Any, TypeGuard

from aiohttp import web
from pydantic import BaseModel
from pydantic.json_schema import JsonSchemaMode, models_json_schema

from bot.api import ErrorOut
from bot.apidoc import Binary, Multipart, Operation, described

PREFIXES = ("/admin/", "/api/")
REF = "#/components/schemas/{model}"
SCHEMES = {
    "adminToken": {
        "type": "http",
        "scheme": "bearer",
        "description": "admin.token (every enterprise) or an admin.enterprises token (one)",
    },
    "miniappSession": {
        "type": "http",
        "scheme": "bearer",
        "description": "the token POST /api/v1/session answers (wx.login's code exchanged)",
    },
}
SECURITY = {"admin": "adminToken", "session": "miniappSession", "worker": "miniappSession"}
DOCUMENT: web.AppKey[dict[str, Any]] = web.AppKey("openapi_document", dict)


def api_routes(app: web.Application) -> list[tuple[str, str, Any]]:
    """(method, path template, handler) of every /admin/ and /api/ route; HEAD is GET's."""
    found = []
    for route in app.router.routes():
        path = route.resource.canonical if route.resource is not None else ""
        if path.startswith(PREFIXES) and route.method != "HEAD":
            found.append((route.method.lower(), path, route.handler))
    return found


def build(app: web.Application) -> dict[str, Any]:
    """The document; routes without an @operation are left out (tests/test_openapi.py fails)."""
    routes = api_routes(app)
    operations = [(m, p, op) for m, p, h in routes if (op := described(h)) is not None]
    ids = {(m, p): f"{h.__module__.removeprefix('handlers.')}.{h.__name__}" for m, p, h in routes}
    keyed: list[tuple[type[BaseModel], JsonSchemaMode]] = [(ErrorOut, "serialization")]
    for _, _, op in operations:
        keyed += [(b, "validation") for b in [op.body] if _is_model(b)]
        keyed += [(r, "serialization") for r in op.responses.values() if _is_model(r)]
    refs, defs = models_json_schema(keyed, ref_template=REF)
    schemas: dict[str, Any] = dict(defs.get("$defs", {}))
    paths: dict[str, dict[str, Any]] = {}
    for method, path, op in sorted(operations, key=lambda o: (o[1], o[0])):
        doc = _operation(op, refs, schemas)
        doc["operationId"] = ids[(method, path)]
        paths.setdefault(path, {})[method] = doc
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "anxun admin and mini-program API",
            "version": _version(),
            "description": "Errors share one shape (ErrorOut): a stable code and a message.",
        },
        "paths": paths,
        "components": {"schemas": schemas, "securitySchemes": SCHEMES},
    }


async def serve(request: web.Request) -> web.Response:
    cache = request.app[DOCUMENT]
    if not cache:
        cache.update(build(request.app))
    return web.json_response(cache)


def _is_model(value: object) -> TypeGuard[type[BaseModel]]:
    return isinstance(value, type) and issubclass(value, BaseModel)


def _version() -> str:
    try:
        return metadata.version("anxun")
    except metadata.PackageNotFoundError:
        return "0"


def _operation(op: Operation, refs: Any, schemas: dict[str, Any]) -> dict[str, Any]:
    doc: dict[str, Any] = {"summary": op.summary, "tags": [op.security]}
    if op.description:
        doc["description"] = op.description
    doc["security"] = [{SECURITY[op.security]: []}] if op.security in SECURITY else []
    params = [*_parameters(op.path, "path", schemas), *_parameters(op.query, "query", schemas)]
    if params:
        doc["parameters"] = params
    if op.body is not None:
        doc["requestBody"] = {"required": True, "content": _body(op.body, refs)}
    responses: dict[str, Any] = {}
    for status, answer in sorted(op.responses.items()):
        content = _binary(answer) if isinstance(answer, Binary) else _json(answer, refs)
        responses[str(status)] = {"description": HTTPStatus(status).phrase, "content": content}
    error = refs[(ErrorOut, "serialization")]
    for status in op.error_statuses():
        if str(status) in responses:  # its own answer or, raised before it, an error
            media = responses[str(status)]["content"]["application/json"]
            media["schema"] = {"anyOf": [media["schema"], error]}
        else:
            content = {"application/json": {"schema": error}}
            responses[str(status)] = {"description": HTTPStatus(status).phrase, "content": content}
    doc["responses"] = responses
    return doc


def _json(model: Any, refs: Any, mode: JsonSchemaMode = "serialization") -> dict[str, Any]:
    return {"application/json": {"schema": refs[(model, mode)]}}


def _binary(binary: Binary) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string", "contentMediaType": binary.media_type}
    if binary.description:
        schema["description"] = binary.description
    return {binary.media_type: {"schema": schema}}


def _body(body: Any, refs: Any) -> dict[str, Any]:
    if isinstance(body, tuple):
        return {k: v for b in body for k, v in _binary(b).items()}
    if isinstance(body, Binary):
        return _binary(body)
    if isinstance(body, Multipart):
        file: dict[str, Any] = {"type": "string", "contentMediaType": "application/octet-stream"}
        if body.suffixes:
            file["description"] = f"a file named *{' or *'.join(body.suffixes)}"
        props: dict[str, Any] = {
            body.files: {"type": "array", "items": file} if body.many else file
        }
        props |= {name: {"type": "string", "description": d} for name, d in body.fields.items()}
        schema = {"type": "object", "properties": props, "required": [body.files]}
        return {"multipart/form-data": {"schema": schema}}
    return _json(body, refs, "validation")


def _parameters(model: type[BaseModel] | None, where: str, schemas: dict[str, Any]) -> list[Any]:
    if model is None:
        return []
    schema = model.model_json_schema(ref_template=REF)
    for name, sub in schema.get("$defs", {}).items():
        schemas.setdefault(name, sub)
    required = set(schema.get("required", ()))
    params = []
    for name, prop in schema["properties"].items():
        prop = dict(prop)
        param: dict[str, Any] = {"name": name, "in": where, "required": name in required}
        if "description" in prop:
            param["description"] = prop.pop("description")
        prop.pop("title", None)
        param["schema"] = _not_null(prop)
        params.append(param)
    return params


def _not_null(schema: dict[str, Any]) -> dict[str, Any]:
    """A parameter left out is None to the model; the query string itself has no null."""
    branches = [b for b in schema.get("anyOf", ()) if b != {"type": "null"}]
    if len(branches) != 1 or schema.get("default", 0) is not None:
        return schema
    return {k: v for k, v in schema.items() if k not in ("anyOf", "default")} | branches[0]
