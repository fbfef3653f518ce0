"""Pure campaign rules (digest facts, escalation reach and checkpoints): no tortoise, aiohttp,
redis."""
