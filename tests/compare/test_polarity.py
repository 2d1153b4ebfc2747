"""Polarity: a denial of the matched fact is no support; a negation beside it changes nothing."""

from __future__ import annotations

import pytest

from synoptic.analyze.tokens import content_terms
from synoptic.compare.polarity import denies, polarity


def _denies(a: str, b: str) -> bool:
    return denies(polarity(a), polarity(b), set(content_terms(a)) & set(content_terms(b)))


@pytest.mark.parametrize(
    ("assertion", "denial"),
    [
        (
            "Coastguard crews saw three people clinging to the hull of the capsized ferry before it sank.",
            "Coastguard crews did not see anyone on the hull of the capsized ferry before it sank.",
        ),
        (
            "Two dockers told the inquiry that the foreman paid them to sabotage the crane.",
            "The foreman never paid the dockers to sabotage the crane, his lawyer reminded the inquiry.",
        ),
        (
            "Divers from Norway and Iceland have recovered the flight recorder of Skyline Flight 82.",
            "Teams from Norway and Iceland said that neither has recovered any wreckage of Skyline Flight 82.",
        ),
        (
            "A trial in Lund showed the pill halved the risk of migraine attacks.",
            "None of the trials, by the maker or others, showed a lower risk of migraine attacks from the pill.",
        ),
        (
            "The ferry had been overloaded with lorries on its last crossing from Port Elwyn, survivors said.",
            "The harbour authority denied that the ferry had been overloaded with lorries on its last crossing.",
        ),
    ],
)
def test_a_denial_of_the_shared_content_contradicts(assertion: str, denial: str) -> None:
    assert _denies(assertion, denial) and _denies(denial, assertion)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # the negation governs something else than what the two share
        (
            "The driver was not found for hours and died two days later at Kelsby hospital.",
            "The driver died two days later at Kelsby hospital.",
        ),
        (
            "Marlow, a retired teacher with no criminal record, was arrested at the depot on Monday.",
            "Marlow was arrested at the depot on Monday, police said.",
        ),
        # fixed phrases, asides, quotations, requests, conditions, restrictions, forecasts
        (
            "Dunmore not only faces ten years in prison for the fraud but also a ban from trading.",
            "Dunmore faces ten years in prison for the fraud.",
        ),
        (
            "The crew blamed the crash on ice, not on any fault in the engines of the freighter.",
            "The crew blamed the crash of the freighter on ice and a fault in the engines.",
        ),
        (
            '"We will not leave until the engines of the freighter are fixed," the captain said.',
            "The captain said the crew would leave once the engines of the freighter are fixed.",
        ),
        (
            "The mayor asked residents not to return to the flooded streets of Harwick tonight.",
            "The mayor asked residents to wait before they return to the flooded streets of Harwick.",
        ),
        (
            "The bridge will close for repairs if the council does not find the money by June.",
            "The bridge will close for repairs unless the council finds the money by June.",
        ),
        (
            "The governor cannot pardon a prisoner without a recommendation of the parole board.",
            "The governor may pardon a prisoner only on a recommendation of the parole board.",
        ),
        (
            "Forecasters did not expect the storm to reach the size of the 1987 storm.",
            "Forecasters expect the storm to be much smaller than the 1987 storm.",
        ),
        # both sentences are negative: they agree
        (
            "Officials said there was no evidence of sabotage at the Ormond refinery.",
            "Investigators ruled out sabotage at the Ormond refinery, officials said.",
        ),
    ],
)
def test_a_negation_beside_the_shared_content_does_not_contradict(first: str, second: str) -> None:
    assert not _denies(first, second) and not _denies(second, first)


def test_a_sentence_without_negation_denies_nothing() -> None:
    plain = polarity("Nine people were taken to Aldermoor General Hospital after the crash.")
    assert plain.denied == () and not plain.negative
