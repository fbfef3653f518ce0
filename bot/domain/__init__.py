"""Plain domain logic: no aiohttp, no Redis, no WeChat — data in, decisions out."""
