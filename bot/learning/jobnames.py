"""The names files give jobs: each job's code, its name and its other names (aliases), from the
library's catalogue (content/library/jobs.toml) and the enterprise's own jobs. One spelling
names one job; a name or code beats an alias spelled the same.
"""

from __future__ import annotations

from bot.errors import InvalidInput
from bot.storage.models import Enterprise, Job
from content.copy import Copy
from content.loader import load_jobs
from content.tables import nearest, plain


async def _jobs(ent: Enterprise) -> list[tuple[str, str, list[str]]]:
    """(code, name, aliases) of the library's catalogue, then of the enterprise's own jobs."""
    catalogue = [(j["code"], j["name"], j["aliases"]) for j in load_jobs()]
    own = await Job.filter(enterprise=ent).values_list("code", "name", "aliases")
    return [*catalogue, *((str(c), str(n), list(a or [])) for c, n, a in own)]


async def job_spellings(ent: Enterprise) -> dict[str, str]:
    """Every way a file may name a job (code, name or one of its aliases) → its code: the
    library's catalogue and the enterprise's own jobs. A name or code beats an alias that is
    spelled the same."""
    jobs = await _jobs(ent)
    spellings = {str(alias): code for code, _, aliases in jobs for alias in aliases}
    for code, name, _ in jobs:
        spellings[name] = spellings[code] = code
    return spellings


async def job_names(ent: Enterprise) -> dict[str, str]:
    """Each job's code → its name (the enterprise's own name for it wins)."""
    return {code: name for code, name, _ in await _jobs(ent)}


def catalogue_aliases(code: str) -> list[str]:
    """The library's other names for a job (content/library/jobs.toml), to store with it."""
    return next((list(j["aliases"]) for j in load_jobs() if j["code"] == code), [])


async def default_job(ent: Enterprise, written: str | None) -> str | None:
    """The code of the job a clerk named as the default for blank 工种 cells (`--job`)."""
    if not written or not written.strip():
        return None
    spellings = await job_spellings(ent)
    code = spellings.get(written.strip()) or {plain(k): v for k, v in spellings.items()}.get(
        plain(written)
    )
    if code is None:
        names = await job_names(ent)
        guess = nearest(written, names.values())
        hint = f"是不是「{'」或「'.join(guess)}」？" if guess else ""
        known = "、".join(names.values())
        copy = Copy.load()
        raise InvalidInput(
            copy.t("reader.unknown_default_job", job=written, hint=hint, known=known)
        )
    return code
