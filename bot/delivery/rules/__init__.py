"""Pure delivery rules (contact windows, caps): no tortoise, aiohttp, redis or wechatpy."""
