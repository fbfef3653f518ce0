"""The shipped library says what the regulations say, in words a frontline worker knows
(issue 10: safety facts a spot check found unclear)."""

from __future__ import annotations

import re

from content.loader import CardData, QuestionData, load_library

LIBRARY = load_library()
CARDS = {c.code: c for c in LIBRARY.cards}
QUESTIONS = {q.code: q for q in LIBRARY.questions}
BRACKETED = re.compile(r"（[^（）]*）")
# terms a worker does not know: each may appear only in brackets, after the plain words
JARGON = ("GBZ", "体积分数", "富氧", "本安型")


def texts(item: CardData | QuestionData) -> list[str]:
    if isinstance(item, CardData):
        return [item.title, item.body]
    return [item.stem, *item.options.values(), item.explanation]


def test_hoist_brake_gap_and_slack_rope_protection_as_the_rule_says() -> None:
    card = CARDS["ho-card-04"].body
    assert "闸间隙超过规定值时，能报警并闭锁下次开车" in card
    assert "接入安全回路或报警回路" in card
    assert "松弛时能自动断电" not in card  # only a hoist wired to the safety circuit stops
    assert "立即停车" in card  # what the driver does when it only alarms

    question = QUESTIONS["ho-q-06"]
    assert "安全回路或者报警回路" in question.explanation
    assert "安全回路和报警回路" not in question.explanation
    assert "立即停车" in question.explanation
    assert "自动断电" not in question.options[question.answer]


def test_every_slack_rope_item_leaves_the_circuit_open() -> None:
    """No item promises an automatic stop on a slack rope without naming the safety circuit:
    the rule lets the protection be wired to the alarm circuit only."""
    for item in [*LIBRARY.cards, *LIBRARY.questions]:
        for text in texts(item):
            for sentence in re.split(r"[。；]", text):
                if ("松绳" in sentence or "松弛" in sentence) and "自动断电" in sentence:
                    assert "安全回路" in sentence, (item.code, sentence)


def test_gas_check_before_the_voltage_test_keeps_its_condition() -> None:
    explanation = QUESTIONS["el-q-19"].explanation
    assert "甲烷浓度低于1.0%时" in explanation and "验电" in explanation
    for item in [*LIBRARY.cards, *LIBRARY.questions]:
        for text in texts(item):
            for sentence in re.split(r"[。；]", text):
                if "检查瓦斯" in sentence and "验电" in sentence:
                    assert "1.0%" in sentence, (item.code, sentence)


def test_jargon_is_said_plainly_with_the_term_in_brackets() -> None:
    oxygen = CARDS["co-card-06"].body
    assert "氧气含量（体积分数）" in oxygen and "（富氧环境）" in oxygen
    assert re.search(r"有毒[^。；\n]*（GBZ 2\.1", oxygen)  # the toxic-gas limits, not oxygen
    assert "（非本安型" in CARDS["el-card-03"].body
    for item in [*LIBRARY.cards, *LIBRARY.questions]:
        for text in texts(item):
            plain = BRACKETED.sub("", text)
            for term in JARGON:
                assert term not in plain, (item.code, term, text)
