"""The names files give jobs: each job's code, its name and its other names (aliases), from the
library's catalogue (content/library/jobs.toml) and the enterprise's own jobs. One spelling
names one job; a name or code beats an alias spelled the same.
"""

from __future__ import annotations

from bot.errors import InvalidInput
from bot.people.jobs import load_catalogue
from bot.storage.models import Enterprise
from content.copy import Copy
from content.loader import load_jobs


async def job_spellings(ent: Enterprise) -> dict[str, str]:
    """Every way a file may name a job (code, name or one of its aliases) → its code
    (bot/people/jobs.py)."""
    return (await load_catalogue(ent)).spellings()


async def job_names(ent: Enterprise) -> dict[str, str]:
    """Each job's code → its name (the enterprise's own name for it wins)."""
    return {code: name for code, (name, _) in (await load_catalogue(ent)).names.items()}


def catalogue_aliases(code: str) -> list[str]:
    """The library's other names for a job (content/library/jobs.toml), to store with it."""
    return next((list(j["aliases"]) for j in load_jobs() if j["code"] == code), [])


async def default_job(ent: Enterprise, written: str | None) -> str | None:
    """The code of the job a clerk named as the default for blank 工种 cells (`--job`)."""
    if not written or not written.strip():
        return None
    catalogue = await load_catalogue(ent)
    code = catalogue.code(written)
    if code is None:
        guess = catalogue.nearest(written)
        hint = f"是不是「{'」或「'.join(guess)}」？" if guess else ""
        known = "、".join(name for name, _ in catalogue.names.values())
        copy = Copy.load()
        raise InvalidInput(
            copy.t("reader.unknown_default_job", job=written, hint=hint, known=known)
        )
    return code
