"""Pure people rules (ID-number checks): plain data in and out; no tortoise, aiohttp, redis."""
