"""Pure learning rules (parsing, grading, selection, completion): no tortoise, aiohttp, redis."""
