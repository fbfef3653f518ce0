"""Pure campaign rules: no tortoise, aiohttp, redis or wechatpy."""
