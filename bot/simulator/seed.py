"""Write an enterprise, its roster and the content library into the database, in one transaction."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tortoise.transactions import in_transaction

from bot.errors import InvalidInput
from bot.learning.jobnames import catalogue_aliases
from bot.learning.library import store
from bot.people.privacy import Privacy
from bot.people.rules.idcard import is_valid
from bot.storage.models import Department, Enterprise, Job, Worker
from content.loader import LIBRARY, SAMPLE_MINE, load_enterprise, load_library


async def load_sample(
    privacy: Privacy, mine: Path = SAMPLE_MINE, library: Path = LIBRARY
) -> Enterprise:
    """Load (or refresh) an enterprise and the library; idempotent by codes."""
    data = load_enterprise(mine)
    content = load_library(library)
    if content.problems:
        raise InvalidInput("content has problems:\n" + "\n".join(map(str, content.problems)))
    bad_ids = [r.employee_no for r in data.roster if not is_valid(r.id_number)]
    if bad_ids:
        raise InvalidInput(f"roster: ID numbers fail the GB 11643 checksum for {bad_ids}")
    async with in_transaction():
        ent, _ = await Enterprise.get_or_create(code=data.code, defaults={"name": data.name})
        departments: dict[str, Department] = {}
        for d in data.departments:
            parent = departments.get(d.get("parent", ""))
            dept, _ = await Department.update_or_create(
                enterprise=ent,
                code=d["code"],
                defaults={"name": d["name"], "level": d["level"], "parent": parent},
            )
            dept.path = f"{parent.path if parent else '/'}{dept.id}/"
            await dept.save(update_fields=["path"])
            departments[d["code"]] = dept
        jobs = {}
        for j in data.jobs:
            aliases = j.get("aliases") or catalogue_aliases(j["code"])
            jobs[j["code"]], _ = await Job.update_or_create(
                enterprise=ent, code=j["code"], defaults={"name": j["name"], "aliases": aliases}
            )
        for r in data.roster:
            await Worker.update_or_create(
                enterprise=ent,
                employee_no=r.employee_no,
                defaults={
                    "name": r.name,
                    "department": departments[r.department],
                    "job": jobs[r.job],
                    "id_number_enc": privacy.encrypt(r.id_number),
                    "id_number_hash": privacy.blind(r.id_number),
                    "id_tail_hash": privacy.tail_hash(r.name, r.id_number[-6:]),
                    "phone_enc": privacy.encrypt(r.phone),
                    "phone_hash": privacy.blind(r.phone),
                    "employment_type": r.employment_type,
                    "hire_date": date.fromisoformat(r.hire_date),
                    "is_supervisor": r.supervisor,
                },
            )
        await store(ent, content.cards, content.questions)
    return ent
