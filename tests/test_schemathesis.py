"""schemathesis against the live app, loaded from its own /openapi.json: no 5xx, every answer's
status and body as the document says, for every operation, valid and invalid input alike.

The app runs in this test's event loop; schemathesis (synchronous, requests) runs in a thread.
Examples are bounded and derandomised so the run is the same every time and stays short.
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from tests.conftest import ADMIN_TOKEN, Running, create_gas_campaign
from tests.test_miniapp import W1, login

pytestmark = pytest.mark.storage

SCALE = int(os.environ.get("ANXUN_FUZZ_SCALE", "1"))  # e.g. 10 for a deeper run by hand
EXAMPLES = {GenerationMode.POSITIVE: 12 * SCALE, GenerationMode.NEGATIVE: 6 * SCALE}
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]


def fuzz(base_url: str, session_token: str) -> list[str]:
    """Every operation, each mode: the failures found, one line per operation and mode."""
    schema = schemathesis.openapi.from_url(f"{base_url}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    # the worker's own routes first: an admin unbind later may retire the session's binding
    operations.sort(key=lambda op: not op.path.startswith("/api/"))
    failures = []
    for op in operations:
        token = ADMIN_TOKEN if op.path.startswith("/admin/") else session_token
        for mode, examples in EXAMPLES.items():
            try:
                _fuzz_one(op, mode, examples, base_url, {"Authorization": f"Bearer {token}"})
            except Exception as err:  # a failed check, reported with the case that failed it
                failures.append(f"{op.method.upper()} {op.path} [{mode}]: {err}")
    return failures


def _fuzz_one(
    op: Any, mode: GenerationMode, examples: int, base_url: str, headers: dict[str, str]
) -> None:
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=op.as_strategy(generation_mode=mode))
    def run(case: Any) -> None:
        case.call_and_validate(base_url=base_url, headers=headers, checks=CHECKS)

    run()


async def test_schemathesis_finds_no_5xx_and_no_undocumented_answer(anxun: Running, sim) -> None:
    await create_gas_campaign(anxun)
    token = await login(anxun, sim, "fuzz-1")
    status, body = await anxun.api(
        "POST", "/api/v1/bind/phone", {"code": sim.phone_code(W1.phone)}, token=token
    )
    assert status == 200, body
    failures = await asyncio.to_thread(fuzz, anxun.base_url, token)
    assert failures == [], "\n\n".join(failures)
