"""The segmenter on each hard case, and its span invariants on arbitrary text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from synoptic.analyze.segment import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The dam held. Crews went home.", ["The dam held.", "Crews went home."]),
        ("Is it safe? Nobody knows! Wait.", ["Is it safe?", "Nobody knows!", "Wait."]),
        # glued sentences
        ("The pass reopened by nightfall.A driver said so.", ["The pass reopened by nightfall.", "A driver said so."]),
        ("It was over,\u201d he said.\u201dThe end came.", ["It was over,\u201d he said.\u201d", "The end came."]),
        ("They arrived at dawn.I saw them.", ["They arrived at dawn.", "I saw them."]),
        # abbreviations and initials
        ("Col. Ada Price and Brig. Gen. Tom Hale met Dr. Ines Varga.", ["Col. Ada Price and Brig. Gen. Tom Hale met Dr. Ines Varga."]),
        ("The talks began on Oct. 16 and ended Nov. 2.", ["The talks began on Oct. 16 and ended Nov. 2."]),
        ("Reporter W.J. Lane wrote it. George W. Bush read it.", ["Reporter W.J. Lane wrote it.", "George W. Bush read it."]),
        ("The U.S. Army said so. It moved to the U.S. The next day it left.", ["The U.S. Army said so.", "It moved to the U.S.", "The next day it left."]),
        ("Shares of Acme Inc. Rose sharply.", ["Shares of Acme Inc. Rose sharply."]),
        ("U.S.-backed forces advanced.", ["U.S.-backed forces advanced."]),
        # numbers
        ("Prices rose 3.5 percent to $1.2 billion. Version 2.3.1 shipped.", ["Prices rose 3.5 percent to $1.2 billion.", "Version 2.3.1 shipped."]),
        ("He wore No. 5 in the final.", ["He wore No. 5 in the final."]),
        # quotes
        ("\u201cWe are in control,\u201d said Ana Ruiz. The road is shut.", ["\u201cWe are in control,\u201d said Ana Ruiz.", "The road is shut."]),
        ("He said \"go.\" Then he left.", ["He said \"go.\"", "Then he left."]),
        ("\u201cIt is hard. We will stay,\u201d she said. Next.", ["\u201cIt is hard. We will stay,\u201d she said.", "Next."]),
        ("''It is hard. We will stay,'' she said. Next.", ["''It is hard. We will stay,'' she said.", "Next."]),
        ("\u201cWhy now?\u201d she asked. Fine.", ["\u201cWhy now?\u201d she asked.", "Fine."]),
        # ellipsis, domains
        ("It went on... and on. Then… The end.", ["It went on... and on.", "Then…", "The end."]),
        ("See example.com for details. The Node.js team agreed.", ["See example.com for details.", "The Node.js team agreed."]),
        # a garbled tail after a full stop is split off so it can be dropped as a fragment
        ("The slope is heavily mined. be more fighters in the city.", ["The slope is heavily mined.", "be more fighters in the city."]),
        ("It was 5 p.m. on Monday when e.g. the rain stopped.", ["It was 5 p.m. on Monday when e.g. the rain stopped."]),
        # headlines and credits are single spans
        ("Editing by Ava Lane", ["Editing by Ava Lane"]),
    ],
)
def test_cases(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_newlines() -> None:
    text = "Flood warning issued\nThe river rose overnight.\n\nA second paragraph follows\nwithout a full stop in between."
    assert sentences(text) == [
        "Flood warning issued",
        "The river rose overnight.",
        "A second paragraph follows\nwithout a full stop in between.",
    ]


def test_offsets_with_start_and_end() -> None:
    text = "IGNORED. The dam held. Crews went home. IGNORED TOO."
    start, end = text.index("The"), text.index(" IGNORED TOO")
    assert [text[s:e] for s, e in split_sentences(text, start, end)] == ["The dam held.", "Crews went home."]
    assert split_sentences("   \n ") == []


_alphabet = st.sampled_from(list("abcdeABCDE .!?,\n\"\u201c\u201d'") + ["U.S.", "Dr.", "3.5", "...", "''"])


@given(st.lists(_alphabet, max_size=80).map("".join), st.data())
def test_span_invariants(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    spans = split_sentences(text, start, end)
    covered = set()
    previous_end = start
    for s, e in spans:
        assert previous_end <= s < e <= end
        assert not text[s].isspace() and not text[e - 1].isspace()
        covered.update(range(s, e))
        previous_end = e
    assert all(i in covered for i in range(start, end) if not text[i].isspace())
    assert spans == split_sentences(text, start, end)
