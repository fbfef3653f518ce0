"""Stand-in risk on plain data, signal by signal, with the honest cases each must leave alone."""

from __future__ import annotations

from bot.people.rules.risk import (
    SIGNALS,
    Attempt,
    Item,
    Population,
    RiskParams,
    Shift,
    Sitting,
    WorkerInput,
    assess,
    parse_shift,
)
from content.copy import Copy

DAY = 86400.0
T0 = 1_794_758_400.0  # a local midnight (UTC+8)
P = RiskParams()
HUMAN = [12.0, 9.0, 15.0, 11.0, 10.0, 18.0]  # a person's answer times: they vary


def items(seconds: list[float], chars: int = 80, seen: bool = False, wrong: str = "") -> tuple:
    """Answers to questions 1..n, choice A (right) unless the question is listed in `wrong`."""
    return tuple(
        Item(q, chars, s, "C" if str(q) in wrong else "A", str(q) not in wrong, seen)
        for q, s in enumerate(seconds, start=1)
    )


def attempt(worker: int, at: float, answers: tuple, **kw: object) -> Attempt:
    ended = at + sum(i.seconds for i in answers)
    return Attempt(worker * 1000 + int(at) % 1000, worker, at, ended, answers, **kw)  # type: ignore[arg-type]


def codes(pop: Population, worker: int, since: float = T0) -> set[str]:
    return {r.code for r in assess(pop, worker, since).reasons}


def one(attempts: list[Attempt], **kw: object) -> Population:
    worker = attempts[0].worker
    return Population({worker: WorkerInput(worker, attempts=attempts, **kw)})  # type: ignore[arg-type]


# -- too fast ------------------------------------------------------------------------------------


def test_a_script_answering_in_a_second_is_too_fast() -> None:
    risk = assess(one([attempt(1, T0, items([1.1, 0.9, 1.3, 1.0, 1.2]))]), 1, T0)
    assert risk.reasons[0].code == "too_fast" and risk.above(P.threshold)
    assert risk.reasons[0].facts["fast"] == 5 and risk.reasons[0].facts["chars"] == 80


def test_a_fast_reader_is_not_too_fast() -> None:
    # 15 characters a second is quick reading; 80 characters plus a reply take about 7 s
    times = [80 / 15 + 1.5, 80 / 15 + 2.5, 80 / 15 + 1.2, 80 / 15 + 3.0, 80 / 15 + 1.8]
    assert "too_fast" not in codes(one([attempt(1, T0, items(times))]), 1)


def test_a_worker_who_knows_the_questions_answers_them_quickly_and_is_not_flagged() -> None:
    # questions seen before need recognising, not reading: 3 s each is a person who knows them
    known = one([attempt(1, T0, items([3.0, 2.6, 3.4, 2.8, 3.1], seen=True))])
    assert "too_fast" not in codes(known, 1)
    # …but not a reply within a second, seen or not
    bot = one([attempt(1, T0, items([0.7, 0.8, 0.6, 0.9, 0.7], seen=True))])
    assert "too_fast" in codes(bot, 1)


def test_a_mini_program_quiz_is_judged_on_its_whole_time() -> None:
    quick = items([0.0] * 5)
    assert "too_fast" in codes(one([Attempt(1, 1, T0, T0 + 4, quick, batch=True)]), 1)
    assert "too_fast" not in codes(one([Attempt(1, 1, T0, T0 + 45, quick, batch=True)]), 1)


def test_two_quick_answers_are_too_few_to_judge() -> None:
    assert "too_fast" not in codes(one([attempt(1, T0, items([1.0, 1.0]))]), 1)


# -- steady pace ---------------------------------------------------------------------------------


def test_answer_times_that_never_vary_are_a_steady_pace() -> None:
    times = [6.0, 6.1, 5.9, 6.0, 6.05, 5.95, 6.0]
    reason = assess(one([attempt(1, T0, items(times, chars=40))]), 1, T0).reasons[0]
    assert reason.code == "steady_pace" and reason.facts["count"] == 7


def test_a_person_s_varying_pace_is_not_steady() -> None:
    times = [9.0, 14.5, 6.2, 11.0, 22.0, 8.3, 12.7]
    assert "steady_pace" not in codes(one([attempt(1, T0, items(times))]), 1)


# -- copied answers ------------------------------------------------------------------------------


def team_of(workers: dict[int, list[Attempt]], team: int = 7) -> dict[int, WorkerInput]:
    return {w: WorkerInput(w, team=team, attempts=a) for w, a in workers.items()}


def test_the_same_wrong_choices_in_the_same_break_are_copied_answers() -> None:
    times = [12.0, 9.0, 15.0, 11.0, 10.0]
    sheet = items(times, wrong="24")  # questions 2 and 4 answered C, which is wrong
    pop = Population(
        team_of({w: [attempt(w, T0 + 43200 + 300 * w, sheet)] for w in (1, 2, 3, 4)}),
        lure_share={(2, "C"): 0.4, (4, "C"): 0.4},
    )
    reason = next(r for r in assess(pop, 1, T0).reasons if r.code == "copied_answers")
    assert reason.facts == {"partners": 3, "wrong": 2, "minutes": 15}
    assert assess(pop, 1, T0).above(P.threshold)


def test_colleagues_who_know_the_answers_agree_without_copying() -> None:
    right = items([12.0, 9.0, 15.0, 11.0, 10.0])
    pop = Population(team_of({w: [attempt(w, T0 + 43200 + 60 * w, right)] for w in (1, 2, 3)}))
    assert "copied_answers" not in codes(pop, 1)


def test_sharing_a_common_mistake_once_while_differing_elsewhere_is_not_copying() -> None:
    mine = items([12.0, 9.0, 15.0, 11.0, 10.0], wrong="2")
    theirs = items([12.0, 9.0, 15.0, 11.0, 10.0], wrong="23")  # agree on 2, differ on 3
    pop = Population(
        team_of({1: [attempt(1, T0 + 43200, mine)], 2: [attempt(2, T0 + 43300, theirs)]}),
        lure_share={(2, "C"): 0.9, (3, "C"): 0.4},
    )
    assert "copied_answers" not in codes(pop, 1)


def test_the_same_answers_hours_apart_are_not_compared() -> None:
    sheet = items([12.0, 9.0, 15.0, 11.0, 10.0], wrong="24")
    pop = Population(
        team_of({w: [attempt(w, T0 + 7200 * w, sheet)] for w in (1, 2, 3, 4)}),
        lure_share={(2, "C"): 0.4, (4, "C"): 0.4},
    )
    assert "copied_answers" not in codes(pop, 1)


def test_strangers_need_more_evidence_than_colleagues() -> None:
    sheet = items([12.0, 9.0, 15.0, 11.0, 10.0], wrong="24")
    near = {w: [attempt(w, T0 + 43200 + 300 * w, sheet)] for w in (1, 2, 3)}
    shares = {(2, "C"): 0.6, (4, "C"): 0.6}  # the usual mistakes on these questions
    colleagues = Population(team_of(near), lure_share=shares)
    strangers = Population(
        {w: WorkerInput(w, team=w, attempts=a) for w, a in near.items()}, lure_share=shares
    )
    assert "copied_answers" in codes(colleagues, 1)
    assert "copied_answers" not in codes(strangers, 1)


# -- hand-offs and devices -----------------------------------------------------------------------


def relay(days: int, device: str = "", network: str = "", overlap_day: int = -1) -> Population:
    """Workers 1-3 studied one straight after another (4 minutes each, 40 s apart) for `days`
    days; on `overlap_day` workers 1 and 2 studied side by side instead."""
    sittings: dict[int, list[Sitting]] = {1: [], 2: [], 3: []}
    for day in range(days):
        at = T0 + day * DAY + 12 * 3600
        for w in (1, 2, 3):
            start = at - 200 if (day == overlap_day and w == 2) else at
            sittings[w].append(Sitting(w, start, start + 240, device, network))
            at = start + 240 + 40
    return Population({w: WorkerInput(w, sittings=s) for w, s in sittings.items()})


def test_one_person_going_from_phone_to_phone_day_after_day_is_handed_on() -> None:
    risk = assess(relay(5), 2, T0)
    assert risk.reasons[0].code == "handed_on" and risk.above(P.threshold)
    assert risk.reasons[0].facts == {"partners": 2, "handoffs": 10, "days": 5}


def test_colleagues_who_once_studied_side_by_side_are_not_one_person() -> None:
    assert "handed_on" in codes(relay(4), 1)
    assert "handed_on" not in codes(relay(4, overlap_day=1), 1)  # 1 and 2 overlapped once


def test_handing_off_on_a_single_day_is_chance() -> None:
    assert "handed_on" not in codes(relay(1), 1)


def test_the_same_device_makes_fewer_hand_offs_enough() -> None:
    assert "handed_on" not in codes(relay(3), 1)
    assert "handed_on" in codes(relay(3, device="fp1", network="net1"), 1)


def device_day(network: str, users: int, overlap: bool = False) -> Population:
    """Workers 1-3 on device fp9 at 19:00, 20:00, 21:00 (or all at 19:00) on `network`, and
    `users` more workers seen on that network on other devices."""
    workers = {}
    for w in (1, 2, 3):
        at = T0 + 19 * 3600 + (0 if overlap else (w - 1) * 3600)
        a = Attempt(w, w, at, at + 120, items([20.0] * 3), True, "fp9", network)
        workers[w] = WorkerInput(w, attempts=[a])
    for w in range(10, 10 + users):
        a = Attempt(w, w, T0 + 8 * 3600, T0 + 8 * 3600 + 90, items([20.0] * 3), True, "x", network)
        workers[w] = WorkerInput(w, attempts=[a])
    return Population(workers)


def test_one_phone_on_one_home_network_behind_three_workers_is_a_shared_device() -> None:
    reason = next(r for r in assess(device_day("home1", 0), 1, T0).reasons)
    assert reason.code == "shared_device" and reason.facts == {"others": 2}


def test_look_alike_phones_behind_a_mine_wifi_are_not_one_device() -> None:
    assert "shared_device" not in codes(device_day("minewifi", 20), 1)  # many use that network
    assert "shared_device" not in codes(device_day("home1", 0, overlap=True), 1)  # at once


# -- shift and accuracy --------------------------------------------------------------------------


def test_parse_shift() -> None:
    assert parse_shift("08:00-16:00") == Shift(480, 960)
    assert parse_shift("22:00－06:00") == Shift(1320, 360)
    night = parse_shift("22:00-06:00")
    assert night is not None and night.covers(60, 0) and not night.covers(12 * 60, 60)
    assert night.label() == "22:00-06:00"
    for bad in ("8-16", "08:00", "25:00-06:00", "08:00-08:00", ""):
        assert parse_shift(bad) is None, bad


def studying_at(minutes: list[int], shift: Shift | None) -> Population:
    active = [(T0 + i * DAY + m * 60, m) for i, m in enumerate(minutes)]
    return Population({1: WorkerInput(1, active=active, shift=shift)})


def test_studying_mostly_outside_a_known_night_shift_is_off_shift() -> None:
    night = Shift(22 * 60, 6 * 60)
    reason = assess(studying_at([600, 620, 640, 700], night), 1, T0).reasons[0]
    assert reason.code == "off_shift" and reason.facts["shift"] == "22:00-06:00"
    assert not assess(studying_at([600, 620, 640, 700], night), 1, T0).above(P.threshold)


def test_studying_within_the_shift_or_just_after_it_is_not_off_shift() -> None:
    night = Shift(22 * 60, 6 * 60)
    assert "off_shift" not in codes(studying_at([23 * 60, 60, 5 * 60, 6 * 60 + 50], night), 1)
    assert "off_shift" not in codes(studying_at([600, 620, 640], None), 1)  # shift unknown


def test_a_sudden_rise_to_full_marks_is_an_accuracy_jump() -> None:
    pop = one([attempt(1, T0, items(HUMAN))], earlier_correct=5, earlier_total=10)
    reason = assess(pop, 1, T0).reasons[0]
    assert reason.code == "accuracy_jump" and reason.facts == {"before": 50, "now": 100}


def test_a_worker_who_always_knew_the_material_has_no_jump() -> None:
    pop = one([attempt(1, T0, items(HUMAN))], earlier_correct=19, earlier_total=20)
    assert "accuracy_jump" not in codes(pop, 1)
    assert "accuracy_jump" not in codes(one([attempt(1, T0, items(HUMAN))]), 1)


def test_weak_signals_together_stay_below_the_threshold_and_old_activity_is_ignored() -> None:
    answers = items(HUMAN)
    pop = one(
        [attempt(1, T0 + 600 * 60, answers)],
        earlier_correct=5,
        earlier_total=10,
        active=[(T0 + 600 * 60 + i, 600) for i in range(4)],
        shift=Shift(22 * 60, 6 * 60),
    )
    risk = assess(pop, 1, T0)
    assert {r.code for r in risk.reasons} == {"off_shift", "accuracy_jump"}
    assert 0.5 < risk.score < P.threshold
    assert assess(pop, 1, T0 + DAY).reasons == ()  # `since` leaves the day out


def test_every_signal_has_its_copy() -> None:
    copy = Copy.load()
    facts = {
        "fast": 5, "total": 5, "seconds": 1.0, "chars": 80, "count": 7, "cv": 3, "partners": 2,
        "wrong": 2, "minutes": 15, "handoffs": 6, "days": 3, "others": 2, "outside": 4,
        "shift": "22:00-06:00", "before": 50, "now": 100,
    }  # fmt: skip
    for code in SIGNALS:
        assert copy.t(f"standin.reason_{code}", **facts)
