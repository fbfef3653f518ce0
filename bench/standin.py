"""Benchmark: how well stand-in risk catches stand-ins, and how often it accuses honest workers.

    python -m bench.standin [--seed 7] [--threshold 0.6]

A week of a simulated workforce (bench/standin_world.py): 130 teams of ten, over a thousand of
them honest, with human timing — a reading speed per person (median 7 characters a second, the
fastest 18), think and typing time, mistakes drawn towards each question's usual lure, a third
studying at home after the shift, two in five in the team's break (side by side), 40 % on the
mini-program (mine Wi-Fi, home broadband, carriers' NAT blocks shared by many; phones identified
only by a model fingerprint that popular models share), half the teams with a known shift.
Hidden among them, the attacks:

- script: a program answers every question at machine speed (chat, or one mini-program submit);
- relay: one worker, after his own study, does three colleagues' on their phones, one after
  another (whose networks are wherever he sits: his phones may share the mine Wi-Fi);
- phone: one phone shared by three workers' accounts: its owner studies for the other two;
- sheet: from the third day a team's answer sheet (one member's answers, mistakes and all)
  goes round, and seven members answer from it in the same break;
- once: as relay, but on one day of the week only (the colleagues study themselves on the
  others): printed apart, as the limit of a signal that needs a routine to show.

Every worker's rows go through the same feature extraction (bot/people/rules/riskfeatures.py)
and scoring (bot/people/rules/risk.py) as production's nightly sweep, over the whole week. It
prints the detection rate per attack and channel, the false-alarm rate on honest workers and the
threshold used. The people behind the attacks (the relay's worker, the phone's owner, the
sheet's author) study on their own accounts too: they are listed apart, not counted either way.
Seeded: a rerun prints the same figures.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict

from bench.standin_world import DAY, START, UTC_OFFSET_MIN, Builder, Person, Worker
from bot.people.rules.risk import RiskParams, assess
from bot.people.rules.riskfeatures import build

TEAMS = 130
GROUPS = {"relay": 20, "phone": 30, "sheet": 10, "once": 10}
SCRIPTS = 40


def simulate(seed: int) -> tuple[Builder, dict[int, str]]:
    b = Builder(seed)
    b.bank()
    rng, world = b.rng, b.world
    teams = [b.team(world.team_size) for _ in range(TEAMS)]
    job_of = {w.id: n % world.jobs for n, team in enumerate(teams) for w in team}
    for w in world.workers.values():
        b.history(w, job_of[w.id])
    order = list(range(TEAMS))
    rng.shuffle(order)
    plans: list[tuple[str, list[Worker]]] = []
    for kind, count in GROUPS.items():
        for _ in range(count):
            plans.append((kind, teams[order.pop()]))
    for team_no in rng.sample(order, SCRIPTS):
        rng.choice(teams[team_no]).role = "script"
    for kind, team in plans:
        team[0].role = "accomplice"
        size = {"relay": 3, "phone": 2, "sheet": 7, "once": 3}[kind]
        for w in team[1 : 1 + size]:
            w.role = kind
            if kind == "phone":
                w.channel = team[0].channel
    sheets = {}
    for kind, team in plans:
        if kind == "sheet":
            author = team[0]
            sheets[team[0].team] = {
                q.id: q.answer
                if rng.random() < author.me.ability - q.difficulty
                else rng.choices(list(q.lure), list(q.lure.values()))[0]
                for q in world.questions[job_of[author.id]]
            }
    help_day = {team[0].team: rng.randrange(world.days) for kind, team in plans if kind == "once"}
    by_team = defaultdict(list)
    for w in world.workers.values():
        by_team[w.team].append(w)
    for day in range(world.days):
        for team_id, members in by_team.items():
            job = job_of[members[0].id]
            wifi = f"wifi{team_id % 2}"
            break_at = 4 * 3600 + rng.uniform(-1800, 1800)
            lead = members[0]
            kind = next((k for k, t in plans if t[0] is lead), "")
            for w in members:
                if w.role in ("relay", "phone") or (w.role == "once" and day == help_day[team_id]):
                    continue  # someone else studies for them
                if w.role == "script":
                    if rng.random() < 0.9:
                        at = START + day * DAY + rng.uniform(0, DAY)
                        bot = Person(cps=200, think=0, ability=0.98)
                        b.sitting(w, job, at, bot, b.network(w, "away", wifi), mode="script")
                    continue
                if w.role == "sheet" and day >= 2:
                    base = START + day * DAY + w.shift.start * 60 + break_at
                    at = base + rng.uniform(0, 1800)
                    b.sitting(w, job, at, w.me, b.network(w, "mine", wifi), sheet=sheets[team_id])
                    continue
                helping = w.role == "accomplice" and (
                    kind in ("relay", "phone") or (kind == "once" and day == help_day[team_id])
                )
                if rng.random() > 0.85 and not helping:
                    continue
                at, where = b.when(w, day, break_at)
                network = b.network(w, where, wifi)
                end = b.sitting(w, job, at, w.me, network)
                if not helping:
                    continue
                helped = [m for m in members if m.role == kind]
                rng.shuffle(helped)
                for other in helped:
                    at = end + rng.uniform(15, 120 if kind == "phone" else 90)
                    if kind == "phone":
                        end = b.sitting(other, job, at, w.me, network, device=w.device)
                    else:
                        there = b.network(other, where, wifi)
                        end = b.sitting(other, job, at, w.me, there)
    roles = {w.id: w.role for w in world.workers.values()}
    for w in world.workers.values():  # how many mistakes the sheet a follower copied carried
        if w.role == "sheet":
            pool = {q.id: q for q in world.questions[job_of[w.id]]}
            wrong = sum(pool[q].answer != c for q, c in sheets[w.team].items())
            roles[w.id] = f"sheet:{min(wrong, 2)}"
    return b, roles


def score(
    seed: int, params: RiskParams, flagged: dict[str, Counter[str]], why: Counter[str]
) -> None:
    """Simulate one world and score every worker in it, as the nightly sweep does."""
    builder, roles = simulate(seed)
    population = build(builder.world.rows, UTC_OFFSET_MIN)
    for worker_id, detail in sorted(roles.items()):
        role = detail.split(":")[0]
        if detail != role:
            flagged[detail]["total"] += 1
            flagged[detail]["hit"] += assess(population, worker_id, START, params).above(
                params.threshold
            )
        risk = assess(population, worker_id, START, params)
        hit = risk.above(params.threshold)
        for key in (role, f"{role}/{builder.world.workers[worker_id].channel}"):
            flagged[key]["total"] += 1
            flagged[key]["hit"] += hit
        if role == "honest" and hit:
            why.update(r.code for r in risk.reasons)


ROWS = [
    ("script", "a script answering at machine speed"),
    ("relay", "one worker studying for 3 colleagues"),
    ("phone", "one phone: its owner studies for 2 more"),
    ("sheet", "an answer sheet round the team"),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=1, help="the first world's seed")
    parser.add_argument("--worlds", type=int, default=5, help="worlds simulated (seed, seed+1, …)")
    parser.add_argument("--threshold", type=float, default=RiskParams().threshold)
    args = parser.parse_args()
    began = time.perf_counter()
    params = RiskParams(threshold=args.threshold)
    flagged: dict[str, Counter[str]] = defaultdict(Counter)
    why: Counter[str] = Counter()
    seeds = list(range(args.seed, args.seed + args.worlds))
    for seed in seeds:
        score(seed, params, flagged, why)
    took = time.perf_counter() - began
    print(
        f"stand-in risk: {len(seeds)} simulated weeks (seeds {seeds[0]}-{seeds[-1]}), "
        f"threshold {params.threshold:.2f}, {took:.1f} s"
    )
    print(f"{'':<40}{'workers':>8}{'flagged':>9}{'rate':>8}  chat / mini-program")

    def line(label: str, key: str) -> str:
        c = flagged[key]
        parts = []
        for channel in ("chat", "app"):
            sub = flagged[f"{key}/{channel}"]
            parts.append(f"{100 * sub['hit'] / sub['total']:.1f}%" if sub["total"] else "-")
        rate = 100 * c["hit"] / c["total"] if c["total"] else 0.0
        return f"{label:<40}{c['total']:>8}{c['hit']:>9}{rate:>7.1f}%  {' / '.join(parts)}"

    print("detected (target >= 95 %)")
    for key, label in ROWS:
        print(line("  " + label, key))
    print(
        "  …of which, by the sheet's mistakes (right answers agreeing is what knowing looks like)"
    )
    print(line("    none", "sheet:0"))
    print(line("    one", "sheet:1"))
    print(line("    two or more", "sheet:2"))
    print("a limit: hand-offs show only as a routine")
    print(line("  the same, on one day of the week only", "once"))
    print("false alarms (target <= 1 %)")
    print(line("  honest workers", "honest"))
    print("not counted either way")
    print(line("  the people behind the attacks, own study", "accomplice"))
    if why:
        print(
            "signals behind the false alarms:", ", ".join(f"{k} {v}" for k, v in why.most_common())
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
