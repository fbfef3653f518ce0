"""Which device and network a mini-program request came from, for stand-in risk: kept as keyed
hashes only (never an address or a device id in the clear), at most one row per worker, device,
network and ten minutes.

What a channel can tell: chat tells nothing (WeChat forwards no device or address); the
mini-program's own requests carry the client's address (its network: a /24 or /64 block, since
carriers rotate the last bits) and the device id the client sends in X-Anxun-Device. WeChat
gives a mini-program no hardware id and keeps its storage per WeChat account, so that id is a
fingerprint of the phone (model, system, screen, WeChat version): look-alike phones share it,
which is why stand-in risk only trusts it together with a household network or a hand-off.
"""

from __future__ import annotations

import ipaddress
import re

from bot.context import Services
from bot.storage.models import DeviceSighting

DEVICE_HEADER = "X-Anxun-Device"
BUCKET_S = 600
_DEVICE = re.compile(r"^[\x21-\x7e]{1,128}$")  # printable ASCII, no spaces


def network_of(address: str) -> str:
    """The block an address belongs to: 203.0.113.7 → "203.0.113.0/24"; "" if not an address."""
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return ""
    prefix = 24 if ip.version == 4 else 64
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))


def client_address(services: Services, remote: str | None, forwarded: str) -> str:
    """The client's address: the first X-Forwarded-For entry behind a trusted load balancer."""
    if services.config.standin.trust_forwarded_for and forwarded:
        return forwarded.split(",")[0].strip()
    return remote or ""


async def seen(services: Services, worker_id: int, device: str, address: str) -> None:
    """Note that the worker's client showed this device and address now."""
    if not services.config.standin.enabled:
        return
    device = device.strip() if _DEVICE.match(device.strip()) else ""
    network = network_of(address)
    if not device and not network:
        return
    blind = services.privacy.blind
    device_hash = blind(f"device:{device}")[:32] if device else ""
    network_hash = blind(f"network:{network}")[:32] if network else ""
    now = services.clock.now()
    bucket = int(now.timestamp()) // BUCKET_S
    await DeviceSighting.get_or_create(
        key=f"{worker_id}:{device_hash[:16]}:{network_hash[:16]}:{bucket}",
        defaults={
            "worker_id": worker_id,
            "device": device_hash,
            "network": network_hash,
            "seen_at": now,
        },
    )
