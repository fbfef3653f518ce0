"""Tortoise models: the training record. Anything whose loss loses training data lives here."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class Enterprise(Model):
    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=64, unique=True)
    name = fields.CharField(max_length=128)
    created_at = fields.DatetimeField(auto_now_add=True)


class Department(Model):
    """A node of the enterprise tree (company, workshop, team); `path` lists ancestor ids."""

    id = fields.IntField(primary_key=True)
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="departments"
    )
    enterprise_id: int
    parent: fields.ForeignKeyNullableRelation[Department] = fields.ForeignKeyField(
        "models.Department", related_name="children", null=True
    )
    parent_id: int | None
    code = fields.CharField(max_length=64)
    name = fields.CharField(max_length=128)
    level = fields.CharField(max_length=16)  # company | workshop | team
    path = fields.CharField(max_length=255, default="/")

    class Meta:
        unique_together = (("enterprise", "code"),)


class Job(Model):
    id = fields.IntField(primary_key=True)
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="jobs"
    )
    enterprise_id: int
    code = fields.CharField(max_length=64)
    name = fields.CharField(max_length=64)
    # other names files use for this job (瓦检员 for 瓦斯检查工); matched like the name
    aliases: list[str] = fields.JSONField(default=list)

    class Meta:
        unique_together = (("enterprise", "code"),)


class Worker(Model):
    """A roster entry. ID number and phone are encrypted; lookups go through keyed hashes."""

    id = fields.IntField(primary_key=True)
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="workers"
    )
    enterprise_id: int
    department: fields.ForeignKeyRelation[Department] = fields.ForeignKeyField(
        "models.Department", related_name="workers"
    )
    department_id: int
    job: fields.ForeignKeyRelation[Job] = fields.ForeignKeyField(
        "models.Job", related_name="workers"
    )
    job_id: int
    employee_no = fields.CharField(max_length=32)
    name = fields.CharField(max_length=64)
    id_number_enc = fields.TextField()
    id_number_hash = fields.CharField(max_length=64, db_index=True)
    id_tail_hash = fields.CharField(max_length=64)
    phone_enc = fields.TextField(null=True)
    phone_hash = fields.CharField(max_length=64, null=True, db_index=True)
    employment_type = fields.CharField(max_length=16, default="regular")
    hire_date = fields.DateField(null=True)
    status = fields.CharField(max_length=16, default="active")  # active | away | leave | left
    status_since = fields.DateField(null=True)  # when the status began: days away on return
    is_supervisor = fields.BooleanField(default=False)
    flags: list[str] = fields.JSONField(default=list)

    class Meta:
        indexes = (("enterprise", "name"), ("enterprise", "job", "status"))
        unique_together = (("enterprise", "employee_no"),)


class Identity(Model):
    """One WeChat identity (account + openid) bound to one worker, with how it was verified."""

    id = fields.IntField(primary_key=True)
    worker: fields.ForeignKeyRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="identities"
    )
    worker_id: int
    account = fields.CharField(max_length=32)
    openid = fields.CharField(max_length=64)
    method = fields.CharField(max_length=16)  # roster | inperson | phone | wecom | face
    level = fields.SmallIntField()
    bound_at = fields.DatetimeField()
    active = fields.BooleanField(default=True)
    # Channel state: an unfollow stops pushes at once; the last contact opens WeChat's 48-hour
    # customer-service window (kept to within CONTACT_RESOLUTION, see bot/people/identity.py).
    followed = fields.BooleanField(default=True)
    last_contact_at = fields.DatetimeField(null=True)

    class Meta:
        indexes = (("worker", "account"),)
        unique_together = (("account", "openid"),)


class BindCode(Model):
    """A one-time in-person binding code a supervisor issued for one worker; shown as a
    parametric QR code whose scan (a SCAN or subscribe-with-scene event) binds at level 2."""

    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=32, unique=True)
    account = fields.CharField(max_length=32)
    worker: fields.ForeignKeyRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="bind_codes"
    )
    worker_id: int
    issued_by: fields.ForeignKeyRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="issued_bind_codes"
    )
    issued_by_id: int
    created_at = fields.DatetimeField()
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)
    used_by = fields.CharField(max_length=64, default="")  # the openid that redeemed it


class ApiSession(Model):
    """A mini-program login: anxun's own bearer token, stored only as a hash, for one (account,
    openid). WeChat's `session_key` stays here, encrypted, and is never sent to the client."""

    id = fields.IntField(primary_key=True)
    token_hash = fields.CharField(max_length=64, unique=True)
    account = fields.CharField(max_length=32)
    openid = fields.CharField(max_length=64)
    session_key_enc = fields.TextField()
    created_at = fields.DatetimeField()
    expires_at = fields.DatetimeField(db_index=True)


class SubscribeGrant(Model):
    """Subscribe-message permissions one identity granted for one template: each acceptance of
    WeChat's prompt allows one message, so `remaining` counts acceptances not yet used."""

    id = fields.IntField(primary_key=True)
    identity: fields.ForeignKeyRelation[Identity] = fields.ForeignKeyField(
        "models.Identity", related_name="grants"
    )
    identity_id: int
    template_id = fields.CharField(max_length=64)
    remaining = fields.IntField(default=0)
    updated_at = fields.DatetimeField()

    class Meta:
        unique_together = (("identity", "template_id"),)


class BindGuard(Model):
    """Roster-binding failure counters per openid and per worker; a lock survives Redis loss."""

    id = fields.IntField(primary_key=True)
    subject = fields.CharField(max_length=128, unique=True)
    failures = fields.IntField(default=0)
    locked_until = fields.DatetimeField(null=True)
    updated_at = fields.DatetimeField(auto_now=True)


class Card(Model):
    id = fields.IntField(primary_key=True)
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="cards"
    )
    enterprise_id: int
    code = fields.CharField(max_length=64)
    job_codes: list[str] = fields.JSONField(default=list)
    title = fields.CharField(max_length=64)
    body = fields.TextField()
    topic = fields.CharField(max_length=64)
    risk = fields.CharField(max_length=16, default="normal")
    source = fields.CharField(max_length=255)
    # each {"regulation", "edition"} the text was checked against (content/citations.py)
    checked_against: list[dict[str, str]] = fields.JSONField(default=list)
    version = fields.IntField(default=1)
    content_hash = fields.CharField(max_length=64)

    class Meta:
        unique_together = (("enterprise", "code"),)


class Question(Model):
    id = fields.IntField(primary_key=True)
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="questions"
    )
    enterprise_id: int
    code = fields.CharField(max_length=64)
    job_codes: list[str] = fields.JSONField(default=list)
    qtype = fields.CharField(max_length=8)  # single | multi | judge
    stem = fields.TextField()
    options: dict[str, str] = fields.JSONField()  # {"A": "...", "B": "..."}
    answer = fields.CharField(max_length=8)  # letters in order, e.g. "B" or "ACD"
    explanation = fields.TextField()
    topic = fields.CharField(max_length=64)
    difficulty = fields.SmallIntField(default=1)
    source = fields.CharField(max_length=255)
    image = fields.CharField(max_length=255, default="")  # an optional picture (URL)
    # each {"regulation", "edition"} the text was checked against (content/citations.py)
    checked_against: list[dict[str, str]] = fields.JSONField(default=list)
    version = fields.IntField(default=1)
    content_hash = fields.CharField(max_length=64)

    class Meta:
        unique_together = (("enterprise", "code"),)


class CardVersion(Model):
    """Every version a card has had, as it was: reads point at (card, version)."""

    id = fields.IntField(primary_key=True)
    card: fields.ForeignKeyRelation[Card] = fields.ForeignKeyField(
        "models.Card", related_name="versions"
    )
    card_id: int
    version = fields.IntField()
    content_hash = fields.CharField(max_length=64)
    job_codes: list[str] = fields.JSONField(default=list)
    title = fields.CharField(max_length=64)
    body = fields.TextField()
    topic = fields.CharField(max_length=64)
    risk = fields.CharField(max_length=16)
    source = fields.CharField(max_length=255)
    # every {"regulation", "edition"} this text was ever checked against (content/citations.py)
    checked_against: list[dict[str, str]] = fields.JSONField(default=list)
    created_at = fields.DatetimeField()

    class Meta:
        unique_together = (("card", "version"),)


class QuestionVersion(Model):
    """Every version a question has had, as it was: answers point at (question, version)."""

    id = fields.IntField(primary_key=True)
    question: fields.ForeignKeyRelation[Question] = fields.ForeignKeyField(
        "models.Question", related_name="versions"
    )
    question_id: int
    version = fields.IntField()
    content_hash = fields.CharField(max_length=64)
    job_codes: list[str] = fields.JSONField(default=list)
    qtype = fields.CharField(max_length=8)
    stem = fields.TextField()
    options: dict[str, str] = fields.JSONField()
    answer = fields.CharField(max_length=8)
    explanation = fields.TextField()
    topic = fields.CharField(max_length=64)
    difficulty = fields.SmallIntField(default=1)
    source = fields.CharField(max_length=255)
    image = fields.CharField(max_length=255, default="")  # an optional picture (URL)
    # every {"regulation", "edition"} this text was ever checked against (content/citations.py)
    checked_against: list[dict[str, str]] = fields.JSONField(default=list)
    created_at = fields.DatetimeField()

    class Meta:
        unique_together = (("question", "version"),)


class Campaign(Model):
    id = fields.IntField(primary_key=True)
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="campaigns"
    )
    enterprise_id: int
    name = fields.CharField(max_length=128)
    # the job a one-job campaign was made for (shown, and the audience's job when none given);
    # a campaign's audience is its `audience` rule (bot/campaigns/audience.py)
    job: fields.ForeignKeyNullableRelation[Job] = fields.ForeignKeyField(
        "models.Job", related_name="campaigns", null=True
    )
    job_id: int | None
    account = fields.CharField(max_length=32)
    push_time = fields.CharField(max_length=5)  # "HH:MM" in the scheduler timezone
    start_date = fields.DateField()
    deadline = fields.DateField()
    # alerts go to each unit's own leaders; this one only when a unit has none up its tree
    supervisor: fields.ForeignKeyNullableRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="supervised_campaigns", null=True
    )
    supervisor_id: int | None
    alert_threshold = fields.FloatField()  # team completion ratio that triggers the alert
    questions_per_quiz = fields.SmallIntField(default=3)
    quiz_pass_ratio = fields.FloatField(default=0.6)
    quiz_passes_required = fields.SmallIntField(default=1)
    min_identity_level = fields.SmallIntField(default=1)
    status = fields.CharField(max_length=16, default="active")
    cards: fields.ManyToManyRelation[Card] = fields.ManyToManyField(
        "models.Card", related_name="campaigns", through="campaign_card"
    )
    questions: fields.ManyToManyRelation[Question] = fields.ManyToManyField(
        "models.Question", related_name="campaigns", through="campaign_question"
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    # --- targeting (issue 13) ---
    audience: dict[str, object] = fields.JSONField(default=dict)  # the rule, as resolved
    owner: fields.ForeignKeyNullableRelation[Department] = fields.ForeignKeyField(
        "models.Department", related_name="campaigns", null=True
    )  # the unit that runs it (NULL: the enterprise); its audience stays inside
    owner_id: int | None
    # how each worker's items are chosen: {"mode": "job" | "selected", "topics": [...],
    # "shared_cards": [ids], "shared_questions": [ids]} (bot/learning/campaign_items.py)
    content: dict[str, object] = fields.JSONField(default=dict)
    kind = fields.CharField(max_length=16, default="manual")  # manual | event
    rule = fields.CharField(max_length=32, default="")  # the event rule of an event campaign
    # an event campaign's settings: days to complete, gate, window… (bot/campaigns/triggers.py)
    trigger: dict[str, object] = fields.JSONField(default=dict)
    updated_at = fields.DatetimeField(null=True)
    # --- digest (issue 13): escalation (bot/campaigns/escalation.py) ---
    escalate_days = fields.SmallIntField(default=3)  # teams still behind this many days out
    # --- reminders (issue 13, nudge) ---
    remind_at = fields.CharField(max_length=5, null=True)  # "HH:MM": remind who has not started


class Enrollment(Model):
    id = fields.IntField(primary_key=True)
    campaign: fields.ForeignKeyRelation[Campaign] = fields.ForeignKeyField(
        "models.Campaign", related_name="enrollments"
    )
    campaign_id: int
    worker: fields.ForeignKeyRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="enrollments"
    )
    worker_id: int
    # enrolled | complete | withdrawn (no longer in the audience before completing)
    status = fields.CharField(max_length=16, default="enrolled")
    completed_at = fields.DatetimeField(null=True)
    completed_identity_level = fields.SmallIntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    # --- targeting (issue 13) ---
    due_on = fields.DateField(null=True)  # a personal deadline (event campaigns)
    since = fields.DatetimeField(null=True)  # activity counts from here (a re-opened retraining)
    source = fields.CharField(max_length=16, default="audience")  # audience | event
    # an event enrolment's own topics (a 三违's violated topic); empty: the campaign's items
    topics: list[str] = fields.JSONField(default=list)
    paused_at = fields.DatetimeField(null=True)  # stopped nudging after ignored reminders
    reminders_sent = fields.SmallIntField(default=0)

    class Meta:
        indexes = (("worker", "status"),)
        unique_together = (("campaign", "worker"),)


class CardRead(Model):
    id = fields.IntField(primary_key=True)
    worker: fields.ForeignKeyRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="card_reads"
    )
    worker_id: int
    card: fields.ForeignKeyRelation[Card] = fields.ForeignKeyField(
        "models.Card", related_name="reads"
    )
    card_id: int
    card_version = fields.IntField()
    campaign: fields.ForeignKeyNullableRelation[Campaign] = fields.ForeignKeyField(
        "models.Campaign", related_name="card_reads", null=True
    )
    campaign_id: int | None
    identity: fields.ForeignKeyRelation[Identity] = fields.ForeignKeyField(
        "models.Identity", related_name="card_reads"
    )
    identity_id: int
    identity_level = fields.SmallIntField()
    read_at = fields.DatetimeField()

    class Meta:
        indexes = (("worker", "card"),)


class QuizSession(Model):
    """One chat quiz: its questions in order, how far the worker is, and the score."""

    id = fields.IntField(primary_key=True)
    worker: fields.ForeignKeyRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="quiz_sessions"
    )
    worker_id: int
    campaign: fields.ForeignKeyNullableRelation[Campaign] = fields.ForeignKeyField(
        "models.Campaign", related_name="quiz_sessions", null=True
    )
    campaign_id: int | None
    question_ids: list[int] = fields.JSONField()
    position = fields.SmallIntField(default=0)
    correct = fields.SmallIntField(default=0)
    started_at = fields.DatetimeField()
    finished_at = fields.DatetimeField(null=True)

    class Meta:
        indexes = (("worker", "finished_at"),)


class Answer(Model):
    id = fields.IntField(primary_key=True)
    session: fields.ForeignKeyRelation[QuizSession] = fields.ForeignKeyField(
        "models.QuizSession", related_name="answers"
    )
    session_id: int
    position = fields.SmallIntField()
    worker: fields.ForeignKeyRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="answers"
    )
    worker_id: int
    question: fields.ForeignKeyRelation[Question] = fields.ForeignKeyField(
        "models.Question", related_name="answers"
    )
    question_id: int
    question_version = fields.IntField()
    choice = fields.CharField(max_length=8)
    correct = fields.BooleanField()
    identity: fields.ForeignKeyRelation[Identity] = fields.ForeignKeyField(
        "models.Identity", related_name="answers"
    )
    identity_id: int
    identity_level = fields.SmallIntField()
    answered_at = fields.DatetimeField()

    class Meta:
        indexes = (("worker", "question"),)
        unique_together = (("session", "position"),)


class Delivery(Model):
    """The outbox: one row per message to send, unique by `key` so a decision is made once."""

    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=128, unique=True)
    kind = fields.CharField(max_length=16)  # daily_push | alert
    account = fields.CharField(max_length=32)
    openid = fields.CharField(max_length=64)
    channel = fields.CharField(max_length=16, default="template")
    payload: dict[str, object] = fields.JSONField()
    campaign: fields.ForeignKeyNullableRelation[Campaign] = fields.ForeignKeyField(
        "models.Campaign", related_name="deliveries", null=True
    )
    campaign_id: int | None
    worker: fields.ForeignKeyNullableRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="deliveries", null=True
    )
    worker_id: int | None
    status = fields.CharField(max_length=16, default="pending", db_index=True)
    attempts = fields.SmallIntField(default=0)
    next_attempt_at = fields.DatetimeField(db_index=True)
    claimed_until = fields.DatetimeField(null=True)
    last_error = fields.CharField(max_length=255, default="")
    wechat_msgid = fields.CharField(max_length=32, default="", db_index=True)
    # WeChat's delivery receipt for a template message (TEMPLATESENDJOBFINISH): "success",
    # "failed:user block", "failed: system failed"
    receipt = fields.CharField(max_length=64, null=True)
    created_at = fields.DatetimeField()
    sent_at = fields.DatetimeField(null=True)
    # --- contact policy (issue 13, nudge) ---
    # the worker's local day this nudge is for (daily push, reminder, 催学); NULL for any other
    # message. Unique with the worker: the database refuses a second nudge the same day.
    nudge_day = fields.DateField(null=True)

    class Meta:
        unique_together = (("worker", "nudge_day"),)  # contact policy (issue 13, nudge)


class Alert(Model):
    """A supervisor alert; `key` makes each alert condition fire once."""

    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=128, unique=True)
    kind = fields.CharField(max_length=32)
    campaign: fields.ForeignKeyNullableRelation[Campaign] = fields.ForeignKeyField(
        "models.Campaign", related_name="alerts", null=True
    )
    campaign_id: int | None
    supervisor: fields.ForeignKeyNullableRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="alerts", null=True
    )
    supervisor_id: int | None
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="alerts"
    )
    enterprise_id: int
    summary = fields.TextField()
    data: dict[str, object] = fields.JSONField(default=dict)
    created_at = fields.DatetimeField()


class InboundMessage(Model):
    """A callback message whose effect is committed: written in the same transaction as that
    effect, so the row exists if and only if the effect does. Its unique key is the message's
    dedup key; `reply` is the passive reply, repeated to WeChat's retries."""

    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=160, unique=True)
    account = fields.CharField(max_length=32)
    reply = fields.TextField(null=True)
    created_at = fields.DatetimeField(db_index=True)


class InboundClaim(Model):
    """Replay claims (timestamp + nonce) written when Redis cannot be reached."""

    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=160, unique=True)
    value = fields.CharField(max_length=160)
    created_at = fields.DatetimeField()


class WorkerEvent(Model):
    """A worker's history, one row per thing that happened to them: workforce events from the
    roster (hired, job_changed, moved, left, returned, flagged) and decisions about them (bound,
    unbound, unlocked, challenge_*). Append-only; `key` makes each event recorded once however
    often it arrives (a re-import, a replay)."""

    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=160, unique=True)
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="worker_events"
    )
    enterprise_id: int
    worker: fields.ForeignKeyRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="events"
    )
    worker_id: int
    kind = fields.CharField(max_length=24)
    occurred_on = fields.DateField()  # the date it happened (a roster's date), not recorded_at
    data: dict[str, object] = fields.JSONField(default=dict)  # no plaintext personal data
    source = fields.CharField(max_length=16)  # import | admin | chat | system
    actor = fields.CharField(max_length=64, default="")  # who: admin scope, 工号, file name
    recorded_at = fields.DatetimeField()

    class Meta:
        indexes = (("enterprise", "kind", "occurred_on"), ("worker", "recorded_at"))


class JobRun(Model):
    """One scheduler firing, unique per (job, period): a second firing the same day is a no-op."""

    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=128, unique=True)
    ran_at = fields.DatetimeField()
    result: dict[str, object] = fields.JSONField(default=dict)


# --- stand-in risk (bot/people/standin.py, bot/campaigns/challenges.py) ---


class RiskScore(Model):
    """One stand-in risk assessment of a worker and the reasons behind it (codes and facts,
    rendered from copy when shown), once per cause: a finished quiz or a night's sweep."""

    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=64, unique=True)  # quiz:<session> | sweep:<worker>:<day>
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="risk_scores"
    )
    enterprise_id: int
    worker: fields.ForeignKeyRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="risk_scores"
    )
    worker_id: int
    score = fields.FloatField()
    reasons: list[dict[str, object]] = fields.JSONField(default=list)  # [{code, weight, facts}]
    since = fields.DatetimeField()  # the activity assessed: from here to computed_at
    computed_at = fields.DatetimeField()

    class Meta:
        indexes = (("worker", "computed_at"),)


class StandinChallenge(Model):
    """A live check that the worker is the one studying: armed by a high risk score, asked at
    their next session (a photo at work, now), decided by their leader. While it is open their
    completions wait; rejected, the activity from `since` to `decided_at` does not count.

    status: armed → asked → submitted → confirmed | rejected; asked → expired (no photo in
    time, reported to the leader, who still decides). `open_for` holds the worker id while the
    challenge is open and NULL after, so a worker has at most one open challenge."""

    id = fields.IntField(primary_key=True)
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="standin_challenges"
    )
    enterprise_id: int
    worker: fields.ForeignKeyRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="standin_challenges"
    )
    worker_id: int
    open_for = fields.IntField(null=True, unique=True)
    status = fields.CharField(max_length=12, default="armed")
    risk: fields.ForeignKeyNullableRelation[RiskScore] = fields.ForeignKeyField(
        "models.RiskScore", related_name="challenges", null=True
    )
    risk_id: int | None
    score = fields.FloatField()
    reasons: list[dict[str, object]] = fields.JSONField(default=list)
    since = fields.DatetimeField()
    raised_at = fields.DatetimeField()
    asked_at = fields.DatetimeField(null=True)
    deadline_at = fields.DatetimeField(null=True, db_index=True)  # for the photo, once asked
    photo_at = fields.DatetimeField(null=True)
    photo_url = fields.CharField(max_length=512, default="")  # WeChat's PicUrl of the photo
    photo_media = fields.CharField(max_length=128, default="")  # its MediaId (three days)
    photo_data = fields.BinaryField(null=True)  # a photo the mini-program uploaded (JPEG/PNG)
    leader: fields.ForeignKeyNullableRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="standin_challenges_led", null=True
    )
    leader_id: int | None
    reminded_at = fields.DatetimeField(null=True)  # the leader was reminded of the wait
    decided_at = fields.DatetimeField(null=True)
    decided_by = fields.CharField(max_length=32, default="")  # the deciding leader's 工号

    class Meta:
        indexes = (("worker", "status"), ("status", "raised_at"))


class DeviceSighting(Model):
    """A device and network the mini-program's client showed for a worker, kept as keyed hashes
    (never the address itself), at most once per worker, device, network and ten minutes."""

    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=160, unique=True)
    worker: fields.ForeignKeyRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="device_sightings"
    )
    worker_id: int
    device = fields.CharField(max_length=64)
    network = fields.CharField(max_length=64)
    seen_at = fields.DatetimeField()

    class Meta:
        indexes = (("worker", "seen_at"),)


class WorkerShift(Model):
    """A worker's working hours, e.g. "08:00-16:00" or "22:00-06:00", when the roster knows it."""

    id = fields.IntField(primary_key=True)
    worker: fields.OneToOneRelation[Worker] = fields.OneToOneField(
        "models.Worker", related_name="shift"
    )
    worker_id: int
    hours = fields.CharField(max_length=16)
    updated_at = fields.DatetimeField()


# --- event campaigns (issue 13, bot/campaigns/triggers.py) ---


class RuleFiring(Model):
    """One event rule applied to one workforce event: `key` (rule and event) makes each fire once,
    whether the event arrives by import, admin call or a replay after a restart."""

    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=200, unique=True)
    enterprise: fields.ForeignKeyRelation[Enterprise] = fields.ForeignKeyField(
        "models.Enterprise", related_name="rule_firings"
    )
    enterprise_id: int
    rule = fields.CharField(max_length=32)
    campaign: fields.ForeignKeyNullableRelation[Campaign] = fields.ForeignKeyField(
        "models.Campaign", related_name="firings", null=True
    )
    campaign_id: int | None
    worker: fields.ForeignKeyNullableRelation[Worker] = fields.ForeignKeyField(
        "models.Worker", related_name="rule_firings", null=True
    )
    worker_id: int | None
    outcome = fields.CharField(max_length=16)  # enrolled | reopened | skipped
    detail: dict[str, object] = fields.JSONField(default=dict)
    fired_at = fields.DatetimeField()


# --- digest (issue 13): leaders' daily digest (bot/campaigns/digest.py) ---


class LeaderDigest(Model):
    """A leader's daily digest: the time they chose (empty: the configured default), whether
    they want it, and what the last one said (a digest of its facts) and on which day, so
    nothing is sent twice a day or when nothing changed."""

    id = fields.IntField(primary_key=True)
    worker: fields.OneToOneRelation[Worker] = fields.OneToOneField(
        "models.Worker", related_name="digest"
    )
    worker_id: int
    send_at = fields.CharField(max_length=5, default="")  # "HH:MM"; "" = [digest] time
    enabled = fields.BooleanField(default=True)
    last_day = fields.DateField(null=True)  # the last day a digest was decided (sent or not)
    last_facts = fields.CharField(max_length=64, default="")  # hash of the last one sent
    updated_at = fields.DatetimeField()
