"""Stored rows → stand-in risk's input (bot/people/rules/riskfeatures.py), on plain records: the
same function production's loader and the benchmark's generator feed."""

from __future__ import annotations

from bot.people.rules.risk import Shift
from bot.people.rules.riskfeatures import (
    AnswerRow,
    QuestionRow,
    ReadRow,
    Rows,
    SessionRow,
    SightingRow,
    build,
)

T0 = 1_794_758_400.0  # 2026-11-16 00:00 in China


def quiz_rows(batch: bool = False) -> Rows:
    """Worker 7 reads a card at 10:00, starts a quiz at 10:02 and answers at +12 s, +20 s, +45 s
    (in the mini-program all three arrive at +45 s); question 2 was answered before the window."""
    start = T0 + 10 * 3600 + 120
    times = [start + 45] * 3 if batch else [start + 12, start + 20, start + 45]
    return Rows(
        sessions=[SessionRow(1, 7, start, start + 45), SessionRow(2, 7, start + 999, None)],
        answers=[
            AnswerRow(1, 7, pos, q, "A" if ok else "B", ok, at, batch)
            for pos, (q, ok, at) in enumerate(
                zip((1, 2, 3), (True, False, True), times, strict=True)
            )
        ],
        questions={1: QuestionRow(1, 60, 4), 2: QuestionRow(2, 90, 4), 3: QuestionRow(3, 30, 2)},
        reads=[ReadRow(7, T0 + 10 * 3600)],
        sightings=[SightingRow(7, "dev", "net", start + 40), SightingRow(7, "x", "y", T0)],
        shifts={7: Shift(8 * 60, 16 * 60)},
        earlier={7: (8, 10)},
        earlier_seen={(7, 2)},
        teams={7: 3},
    )


def test_chat_answer_times_run_from_the_question_being_shown() -> None:
    w = build(quiz_rows(), utc_offset_min=480).workers[7]
    (attempt,) = w.attempts  # the quiz opened and never answered is left out
    assert [i.seconds for i in attempt.items] == [12.0, 8.0, 25.0]
    assert [i.chars for i in attempt.items] == [60, 90, 30]
    assert [i.seen_before for i in attempt.items] == [False, True, False]
    assert [i.correct for i in attempt.items] == [True, False, True] and not attempt.batch
    assert (attempt.device, attempt.network) == ("dev", "net")  # the sighting during the quiz
    assert (w.team, w.earlier_correct, w.earlier_total, w.shift) == (3, 8, 10, Shift(480, 960))


def test_a_mini_program_quiz_is_one_batch() -> None:
    (attempt,) = build(quiz_rows(batch=True), utc_offset_min=480).workers[7].attempts
    assert attempt.batch and attempt.ended - attempt.started == 45


def test_a_read_and_the_quiz_after_it_are_one_sitting_in_local_time() -> None:
    w = build(quiz_rows(), utc_offset_min=480).workers[7]
    (sitting,) = w.sittings
    assert sitting.start == T0 + 10 * 3600 and sitting.end == T0 + 10 * 3600 + 165
    assert sitting.device == "dev"
    # local minutes of day for the shift check: 10:00 and 10:02 in China
    assert [m for _, m in w.active] == [600, 602]


def test_how_often_a_mistake_is_made_follows_the_answers_and_the_worker() -> None:
    pop = build(quiz_rows(), utc_offset_min=480)
    # question 2's one wrong answer was B: B's share of its mistakes moves from 1/3 towards 1
    lure = (1 + 3 * (1 / 3)) / (1 + 3)
    # worker 7 was wrong 2 times in 10 before and once in 3 now; the prior adds 2.5 in 10
    err = (2 + 1 + 2.5) / (10 + 3 + 10)
    assert round(pop.chance(7, 2, "B"), 6) == round(err * lure, 6)
    assert round(pop.chance(7, 1, "C"), 6) == round(err / 3, 6)  # never chosen: even spread
    assert round(pop.chance(99, 1, "C"), 6) == round(0.25 / 3, 6)  # nothing known of them
