"""An enterprise's job catalogue as files name it: the library's jobs (content/library/jobs.toml)
and the enterprise's own, each by code, name and aliases (瓦检员 for 瓦斯检查工). A roster that
names a library job the enterprise has no row for yet gets one when it is written."""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import get_close_matches

from bot.people.rules.roster import plain
from bot.storage.models import Enterprise, Job
from content.loader import load_jobs


@dataclass
class JobCatalogue:
    names: dict[str, tuple[str, list[str]]] = field(default_factory=dict)  # code → name, aliases
    rows: dict[str, Job] = field(default_factory=dict)  # code → the enterprise's row, if any
    _spellings: dict[str, str] = field(default_factory=dict)

    def add(self, code: str, name: str, aliases: list[str]) -> None:
        self.names[code] = (name, aliases)
        for spelling in (code, name, *aliases):
            self._spellings.setdefault(plain(spelling).upper(), code)

    def code(self, written: str) -> str | None:
        return self._spellings.get(plain(written).upper())

    def nearest(self, written: str) -> list[str]:
        """Known job names closest to `written`, for 「最接近的有」."""
        names = {n for n, _ in self.names.values()}
        found = get_close_matches(written, sorted(names), n=3, cutoff=0.4)
        contained = sorted(n for n in names if n not in found and (n in written or written in n))
        return (found + contained)[:3]

    def name(self, code: str) -> str:
        return self.names[code][0] if code in self.names else code


async def load_catalogue(enterprise: Enterprise) -> JobCatalogue:
    catalogue = JobCatalogue()
    for job in await Job.filter(enterprise=enterprise).order_by("id"):
        catalogue.add(job.code, job.name, list(job.aliases or []))
        catalogue.rows[job.code] = job
    for entry in load_jobs():
        aliases: object = entry.get("aliases", [])
        catalogue.add(
            entry["code"], entry["name"], list(aliases) if isinstance(aliases, list) else []
        )
    return catalogue


async def ensure_job(catalogue: JobCatalogue, enterprise_id: int, code: str) -> Job:
    """The enterprise's row for `code`, created from the catalogue; inside a transaction."""
    job = catalogue.rows.get(code)
    if job is None:
        name, aliases = catalogue.names[code]
        job = await Job.create(enterprise_id=enterprise_id, code=code, name=name, aliases=aliases)
        catalogue.rows[code] = job
    return job
