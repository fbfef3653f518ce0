"""What a worker below a campaign's minimum identity level is told: the level they have, the
level needed, and the ways up their channel and their enterprise's other channels offer."""

from __future__ import annotations

from bot.config import AccountConfig
from bot.context import Services
from bot.people.rules.ladder import ways_up


def level_name(services: Services, level: int) -> str:
    return services.copy.t(f"ladder.level_{level}")


def shortfall(
    services: Services, account: AccountConfig, level: int, needed: int, campaign: str
) -> str | None:
    """The guidance text for an identity of `account` at `level` when `needed` is demanded;
    None when the level suffices."""
    if level >= needed:
        return None
    config = services.config
    channels: set[str] = {a.kind for a in config.accounts if a.enterprise == account.enterprise}
    ways = ways_up(level, needed, account.kind, channels, config.bind.face_enabled)
    copy = services.copy
    lines = [
        copy.t(
            "ladder.below",
            campaign=campaign,
            level=level,
            level_name=level_name(services, level),
            needed=needed,
            needed_name=level_name(services, needed),
        )
    ]
    if ways:
        lines.append(copy.t("ladder.ways"))
        for n, way in enumerate(ways, 1):
            where = "here" if way.here else "there"
            lines.append(f"{n}. " + copy.t(f"ladder.way_{way.name}_{where}", level=way.level))
    else:
        lines.append(copy.t("ladder.no_way"))
    return "\n".join(lines)
