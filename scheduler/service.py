"""APScheduler wiring. The database is the truth: jobs are rebuilt from it with fixed ids.

One instance schedules at a time (a Redis leader lease). Every firing is idempotent through unique
keys, so a double fire, a restart or a catch-up never sends twice; if Redis cannot be reached we
schedule anyway and let those keys keep it exactly-once.
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime

from aiohttp import web
from apscheduler.job import Job
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.campaigns import alerts, challenges, digest, escalation, eventrules, triggers
from bot.campaigns.planner import daily_push, has_run, record_run
from bot.campaigns.reminders import remind
from bot.context import Services
from bot.errors import AnxunError
from bot.learning import archive, exam_attempts, hours
from bot.people import sessions
from bot.storage import dedup, kv
from bot.storage.models import Campaign

log = logging.getLogger(__name__)

SYNC_JOB = "sync"
SWEEP_JOB = "standin-sweep"
DIGEST_JOB = "digest-tick"
ESCALATION_JOB = "escalation"
ARCHIVE_JOB = "archive"  # archive (issue 14): 学时 for yesterday, then new archive entries


def push_job_id(campaign_id: int) -> str:
    return f"campaign:{campaign_id}:push"


def remind_job_id(campaign_id: int) -> str:
    return f"campaign:{campaign_id}:remind"


def daily_trigger(hhmm: str, timezone: str) -> CronTrigger:
    hour, minute = (int(x) for x in hhmm.split(":"))
    return CronTrigger(hour=hour, minute=minute, timezone=timezone)


def push_trigger(campaign: Campaign, timezone: str) -> CronTrigger:
    return daily_trigger(campaign.push_time, timezone)


class CampaignScheduler:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.cfg = services.config.scheduler
        self.aps = AsyncIOScheduler(
            timezone=self.cfg.timezone,
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
        )
        self.owner = uuid.uuid4().hex

    async def start(self) -> None:
        try:
            await eventrules.from_config(self.services)
        except AnxunError as err:
            log.error("config.toml [[event_rules]]: %s; those rules are not applied", err)
        self.aps.start()
        self.aps.add_job(
            self.sync, IntervalTrigger(seconds=max(self.cfg.leader_lease_s // 3, 5)), id=SYNC_JOB
        )
        await self.sync()

    async def stop(self) -> None:
        """Stop scheduling and hand the leader lease back, so a restarted or standby instance
        takes over at its next sync instead of after the lease runs out."""
        if self.aps.running:
            self.aps.shutdown(wait=False)
        lease = kv.key("scheduler-leader")
        try:
            # Not atomic: if the lease expired and another instance took it in between, both
            # schedule for a moment, which the unique push keys make harmless.
            if await self.services.redis.get(lease) == self.owner:
                await self.services.redis.delete(lease)
        except kv.REDIS_ERRORS as err:
            log.warning("could not release the scheduler lease (%s); it expires by itself", err)

    def job(self, job_id: str) -> Job | None:
        return self.aps.get_job(job_id)

    async def is_leader(self) -> bool:
        lease = kv.key("scheduler-leader")
        ttl_ms = self.cfg.leader_lease_s * 1000
        try:
            r = self.services.redis
            if await r.set(lease, self.owner, nx=True, px=ttl_ms):
                return True
            if await r.get(lease) == self.owner:
                await r.pexpire(lease, ttl_ms)
                return True
            return False
        except kv.REDIS_ERRORS as err:
            log.warning("leader lease unavailable (%s); scheduling on unique keys alone", err)
            return True

    async def sync(self) -> None:
        """Rebuild campaign jobs from the database and catch up on any missed firing today;
        purge expired mini-program sessions and old callback dedup rows."""
        try:
            if not await self.is_leader():
                for job in self.aps.get_jobs():
                    if job.id != SYNC_JOB:
                        job.remove()
                return
            # housekeeping: mini-program sessions past their expiry are of no use to anyone,
            # and callback dedup rows outlive every retry and replay window long before this
            now = self.services.clock.now()
            await sessions.purge_expired(now)
            await dedup.purge(now)
            campaigns = await Campaign.filter(status="active")
            wanted = {push_job_id(c.id) for c in campaigns}
            wanted.update({SWEEP_JOB, DIGEST_JOB, ESCALATION_JOB, ARCHIVE_JOB})
            wanted |= {remind_job_id(c.id) for c in campaigns if c.remind_at}
            for job in self.aps.get_jobs():
                if job.id != SYNC_JOB and job.id not in wanted:
                    job.remove()
            for campaign in campaigns:
                self.aps.add_job(
                    self.fire_push,
                    push_trigger(campaign, self.cfg.timezone),
                    args=[campaign.id],
                    id=push_job_id(campaign.id),
                    replace_existing=True,
                )
                if campaign.remind_at:
                    self.aps.add_job(
                        self.fire_remind,
                        daily_trigger(campaign.remind_at, self.cfg.timezone),
                        args=[campaign.id],
                        id=remind_job_id(campaign.id),
                        replace_existing=True,
                    )
                await self.catch_up(campaign)
        except Exception:
            log.exception("scheduler sync failed")
            return
        await self.standin_tick()
        await self.leaders_tick()
        await self.triggers_tick()
        await self.exams_tick()
        await self.archive_tick()

    async def exams_tick(self) -> None:
        """Exam sittings past their time closed as timed out, seats past due expired."""
        try:
            await exam_attempts.sweep(self.services)
        except Exception:
            log.exception("exams tick failed")

    async def triggers_tick(self) -> None:
        """Event rules over the events they have not fired for: a replay after a restart, and
        what arrived by the CLI (the admin API fires them at once)."""
        try:
            await triggers.fire(self.services)
        except Exception:
            log.exception("event rules tick failed")

    async def standin_tick(self) -> None:
        """Stand-in challenges: overdue photos and waiting leaders now, the sweep at its time
        (or at once when its time passed in downtime: it runs once a day whatever happens)."""
        try:
            await challenges.expire_due(self.services)
            if not self.services.config.standin.enabled:
                return
            self.aps.add_job(
                self.fire_sweep, self.sweep_trigger(), id=SWEEP_JOB, replace_existing=True
            )
            if self.services.clock.now() >= self.sweep_due():
                await self.fire_sweep()
        except Exception:
            log.exception("stand-in tick failed")

    async def catch_up(self, campaign: Campaign) -> None:
        """If today's push or reminder time has passed and its run never happened (downtime),
        run it now; the contact policy defers what now falls in quiet hours."""
        runs = [("push", campaign.push_time, self.fire_push)]
        if campaign.remind_at:
            runs.append(("remind", campaign.remind_at, self.fire_remind))
        now = self.services.clock.local_now()
        for name, hhmm, fire in runs:
            hour, minute = (int(x) for x in hhmm.split(":"))
            due = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
            if now >= due and not await has_run(f"{name}:{campaign.id}:{now.date().isoformat()}"):
                log.info("catching up campaign %s %s for %s", campaign.id, name, now.date())
                await fire(campaign.id)

    async def fire_push(self, campaign_id: int) -> int:
        try:
            return await daily_push(self.services, campaign_id, self.services.clock.today())
        except Exception:
            log.exception("daily push for campaign %s failed", campaign_id)
            return 0

    async def fire_remind(self, campaign_id: int) -> int:
        """Today's reminders of one campaign (bot/campaigns/reminders.py)."""
        try:
            return await remind(self.services, campaign_id, self.services.clock.today())
        except Exception:
            log.exception("reminders for campaign %s failed", campaign_id)
            return 0

    async def leaders_tick(self) -> None:
        """(Re)schedule the digest tick and the daily escalation check; run today's check at
        once when its time passed in downtime (its Alert keys make a second run a no-op)."""
        cfg = self.services.config.digest
        try:
            if not cfg.enabled:
                for job_id in (DIGEST_JOB, ESCALATION_JOB):
                    if self.aps.get_job(job_id) is not None:
                        self.aps.remove_job(job_id)
                return
            if self.aps.get_job(DIGEST_JOB) is None:  # re-adding would restart its interval
                self.aps.add_job(
                    self.fire_digest, IntervalTrigger(minutes=cfg.tick_minutes), id=DIGEST_JOB
                )
            self.aps.add_job(
                self.fire_escalation,
                daily_trigger(cfg.escalation_time, self.cfg.timezone),
                id=ESCALATION_JOB,
                replace_existing=True,
            )
            day = self.services.clock.today().isoformat()
            due = self.services.clock.local_now() >= self.due_today(cfg.escalation_time)
            if due and not await has_run(f"escalation:{day}"):
                await self.fire_escalation()
        except Exception:
            log.exception("leaders tick failed")

    async def fire_digest(self) -> int:
        """Digests now due (bot/campaigns/digest.py), and binding-lock alerts not yet sent."""
        try:
            await alerts.forward_locks(self.services)
            return await digest.send_due(self.services)
        except Exception:
            log.exception("digest tick failed")
            return 0

    async def fire_escalation(self) -> int:
        """Today's escalation check (bot/campaigns/escalation.py), once per day."""
        try:
            today = self.services.clock.today()
            found = await escalation.check(self.services, today)
            await record_run(self.services, f"escalation:{today.isoformat()}", {"teams": found})
            return found
        except Exception:
            log.exception("escalation check failed")
            return 0

    async def archive_tick(self) -> None:
        """(Re)schedule the nightly 学时 credit and archive update; run it at once when its time
        passed in downtime (credits are per day and entries per source: a rerun adds nothing)."""
        cfg = self.services.config.hours
        try:
            if not cfg.enabled:
                if self.aps.get_job(ARCHIVE_JOB) is not None:
                    self.aps.remove_job(ARCHIVE_JOB)
                return
            self.aps.add_job(
                self.fire_archive,
                daily_trigger(cfg.time, self.cfg.timezone),
                id=ARCHIVE_JOB,
                replace_existing=True,
            )
            day = self.services.clock.today().isoformat()
            if self.services.clock.local_now() >= self.due_today(cfg.time) and not await has_run(
                f"archive:{day}"
            ):
                await self.fire_archive()
        except Exception:
            log.exception("archive tick failed")

    async def fire_archive(self) -> int:
        """Credit 学时 up to yesterday (catching up missed days), then append every worker's new
        records to their archive (bot/learning/hours.py, archive.py); once per day."""
        try:
            today = self.services.clock.today()
            credited = await hours.credit_due(self.services, today)
            added = await archive.bring_up_all(self.services)
            result = {"credits": credited, "entries": added}
            await record_run(self.services, f"archive:{today.isoformat()}", result)
            return added
        except Exception:
            log.exception("archive job failed")
            return 0

    def due_today(self, hhmm: str) -> datetime:
        hour, minute = (int(x) for x in hhmm.split(":"))
        return self.services.clock.local_now().replace(
            hour=hour, minute=minute, second=0, microsecond=0
        )

    def sweep_trigger(self) -> CronTrigger:
        return daily_trigger(self.services.config.standin.sweep_time, self.cfg.timezone)

    def sweep_due(self) -> datetime:
        return self.due_today(self.services.config.standin.sweep_time)

    async def fire_sweep(self) -> int:
        """Tonight's stand-in sweep (bot/campaigns/challenges.py), once per day."""
        try:
            return await challenges.nightly_sweep(self.services, self.services.clock.today())
        except Exception:
            log.exception("stand-in sweep failed")
            return 0

    def next_fire(self, campaign_id: int, after: datetime) -> datetime | None:
        job = self.job(push_job_id(campaign_id))
        if job is None:
            return None
        result: datetime | None = job.trigger.get_next_fire_time(None, after)
        return result


SCHEDULER = web.AppKey("scheduler", CampaignScheduler)
