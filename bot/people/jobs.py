"""An enterprise's job catalogue as files name it: the library's jobs (content/library/jobs.toml)
and the enterprise's own, each by code, name and aliases (瓦检员 for 瓦斯检查工). One spelling
names one job: a code or a name beats an alias spelled the same, and the enterprise's own name
for a job beats the library's. Rosters and question banks both read jobs through it; a roster
that names a library job the enterprise has no row for yet gets one when it is written."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.storage.models import Enterprise, Job
from content.loader import load_jobs
from content.tables import nearest, plain


@dataclass
class JobCatalogue:
    names: dict[str, tuple[str, list[str]]] = field(default_factory=dict)  # code → name, aliases
    rows: dict[str, Job] = field(default_factory=dict)  # code → the enterprise's row, if any
    _by_plain: dict[str, str] | None = None  # spellings as clerks vary them, built on first use

    def add(self, code: str, name: str, aliases: list[str]) -> None:
        self.names[code] = (name, aliases)
        self._by_plain = None

    def spellings(self) -> dict[str, str]:
        """Every way a file may name a job (code, name or alias) → its code."""
        found = {alias: code for code, (_, aliases) in self.names.items() for alias in aliases}
        for code, (name, _) in self.names.items():
            found[name] = found[code] = code
        return found

    def code(self, written: str) -> str | None:
        if self._by_plain is None:
            self._by_plain = {plain(k).upper(): v for k, v in self.spellings().items()}
        return self._by_plain.get(plain(written).upper())

    def nearest(self, written: str) -> list[str]:
        """Known job names closest to `written`, for 「最接近的有」."""
        return nearest(written, [name for name, _ in self.names.values()])

    def name(self, code: str) -> str:
        return self.names[code][0] if code in self.names else code


async def load_catalogue(enterprise: Enterprise) -> JobCatalogue:
    catalogue = JobCatalogue()
    for entry in load_jobs():
        catalogue.add(entry["code"], entry["name"], list(entry["aliases"]))
    for job in await Job.filter(enterprise=enterprise).order_by("id"):
        catalogue.add(job.code, job.name, list(job.aliases or []))  # its own name wins
        catalogue.rows[job.code] = job
    return catalogue


async def ensure_job(catalogue: JobCatalogue, enterprise_id: int, code: str) -> Job:
    """The enterprise's row for `code`, created from the catalogue; inside a transaction."""
    job = catalogue.rows.get(code)
    if job is None:
        name, aliases = catalogue.names[code]
        job = await Job.create(enterprise_id=enterprise_id, code=code, name=name, aliases=aliases)
        catalogue.rows[code] = job
    return job
