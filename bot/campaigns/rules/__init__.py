"""Pure campaign rules (digest facts and limits, escalation reach): no tortoise, aiohttp, redis."""
