"""Conflicts: numbers and status claims that sources report differently, with speakers."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from synoptic.analyze.tokens import content_terms
from synoptic.clean.duplicates import find_copies
from synoptic.compare.claims import figures_agree
from synoptic.compare.conflicts import (
    _STATUS,
    STATUS_FRAMES,
    find_conflicts,
    mentions_in,
    sentence_figures,
    speaker_of,
    status_claims,
    tally_mentions,
)
from synoptic.compare.scan import lower_keeps_letters
from synoptic.summarize.methods import copy_families
from tests.compare.helpers import corpus_of, corpus_of_folder, families_of


def conflicts_of(*texts: str, dates: tuple[str | None, ...] = ()) -> list[dict]:
    corpus = corpus_of(*texts, dates=dates)
    return find_conflicts(corpus, families_of(corpus))


def values(conflict: dict) -> set[str]:
    return {claim["value"] for claim in conflict["claims"]}


@pytest.mark.parametrize(
    "text, low, high, dimension",
    [
        ("Rescuers said 41 passengers were freed.", 41, 41, "count:passeng"),
        ("About 100 Islamic State extremists remain in the city.", 90, 110, "count:combatant"),
        ("It left only 200-300 foreign jihadists in the town.", 200, 300, "count:combatant"),
        ("It left a hardcore of up to 300 fighters in the town.", 0, 300, "count:combatant"),
        ("Air strikes killed more than 1,000 people in the city.", 1000, float("inf"), "count:people"),
        ("The slip buried between 350 and 400 metres of the road.", 350, 400, "length"),
        ("Engineers said about 1,300 feet of the road was buried.", 1300 * 0.3048 * 0.9, 1300 * 0.3048 * 1.1, "length"),
        ("Officials said 10% of the city has to be cleared.", 9.5, 10.5, "percent"),  # a round figure: ±5%
        ("The repairs cost $2.5 million, the council said.", 2.5e6, 2.5e6, "usd"),
        # numbers in words, read as they are said: "twenty-five" is no range from 20 to 5, "two dozen" is not 2
        ("Twenty-five people died when the ferry sank.", 25, 25, "count:people"),
        ("Two dozen people were hurt in the crush.", 24, 24, "count:people"),
        ("Some five hundred homes were flooded, the council said.", 450, 550, "count:home"),
        ("At least half a million people marched through the capital.", 5e5, float("inf"), "count:people"),
        ("Organisers said a thousand people took part in the march.", 950, 1050, "count:people"),
        ("Dozen people were still missing on Monday, police said.", 12, 12, "count:people"),  # a multiplier alone
        # a place before the comma, and a counted thing after the number: no age ("Rosa Pellew, 67,")
        ("In Ostley, 450 homes remain under the evacuation order.", 427.5, 472.5, "count:home"),
    ],
)
def test_quantities(text: str, low: float, high: float, dimension: str) -> None:
    [mention] = mentions_in(text)
    assert mention.low == pytest.approx(low) and mention.high == pytest.approx(high)
    assert mention.dimension == dimension


@pytest.mark.parametrize(
    "text",
    ["The slope above Route 14 gave way at about 9:40 on Monday night.",
     "Grandmother Rosa Pellew, 67, said the lights went out.",
     "Two of them were badly hurt in the crash.",
     "Raqqa was captured in early 2014 by the group.",
     "Engineers were still working four days after the slide."],
)
def test_non_quantities_are_skipped(text: str) -> None:
    assert mentions_in(text) == []


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("“We are in control of the whole city,” said Mustafa Bali, a spokesman for the SDF.", "Mustafa Bali"),
        ("“About 10% is left,” said Col. Ryan Dillon, a U.S. military spokesman in Baghdad.", "Col. Ryan Dillon"),
        ("In all, 41 passengers were freed, the Esterby Fire and Rescue Service said, on Wednesday.",
         "the Esterby Fire and Rescue Service"),
        ("Inspector Callum Rees, a spokesman for Esterby Police, said about 30 passengers were freed.",
         "Inspector Callum Rees"),
        ("Air strikes killed 1,000 people, according to local activists.", "local activists"),
        ('"One lane will stay closed," Thale said.', "Thale"),
        ("Council leader Tom Price said the repairs would cost about 200,000 pounds.", "Tom Price"),
        ("Fire service spokeswoman Ada Kemp told reporters 41 passengers were freed.", "Ada Kemp"),
        ("About 30 passengers were freed from the coach.", None),
    ],
)
def test_speakers(text: str, speaker: str | None) -> None:
    assert speaker_of(text) == speaker


def test_rounding_and_overlapping_ranges_are_not_conflicts() -> None:
    assert conflicts_of("Rescuers freed about 40 passengers from the coach.",
                        "Rescuers freed 41 passengers from the coach.") == []
    assert conflicts_of("The slip buried between 350 and 400 metres of the road.",
                        "The slip buried about 380 metres of the road.") == []


def test_a_corrected_figure_after_a_place_is_a_dispute() -> None:
    [conflict] = conflicts_of("About 600 homes remain under the evacuation order issued on Thursday.",
                              "In Ostley, 450 homes remain under Thursday's evacuation order.")
    assert values(conflict) == {"About 600 homes", "450 homes"}


def test_different_events_are_different_quantities() -> None:
    assert conflicts_of(
        "The deal saw the surrender of 275 local extremists and their families in the city.",
        "The deal left only 200-300 foreign jihadists in the city to mount a last stand.",
    ) == []


def test_a_numeric_conflict_with_speakers_and_merged_sources() -> None:
    texts = ("In all, 41 passengers were freed from the coach, the fire service said.",
             "In all, 41 passengers were freed from the coach, the fire service said on Wednesday.",
             "Inspector Callum Rees said about 30 passengers had been brought off the coach.")
    [conflict] = conflicts_of(*texts)
    assert conflict["kind"] == "number" and "passengers" in conflict["about"]
    claims = {c["value"]: c for c in conflict["claims"]}
    assert claims["41 passengers"]["sources"] == ["a1", "a2"]
    assert claims["41 passengers"]["speaker"] == "the fire service"
    assert claims["about 30 passengers"]["speaker"] == "Inspector Callum Rees"
    assert [e["article"] for e in claims["41 passengers"]["evidence"]] == ["a1", "a2"]


def test_status_conflict_needs_a_shared_subject() -> None:
    [conflict] = conflicts_of("The Clarion understands the road has been fully reopened to traffic.",
                              '"One lane will stay closed for a week and traffic will use lights," Thale said.')
    assert conflict["kind"] == "status"
    assert conflicts_of("The power station has been fully reopened after the strike.",
                        "Shops in the old town will stay closed on Sunday.") == []


def test_forecasts_are_not_status_claims() -> None:
    assert conflicts_of("He expected the operation to end with the army controlling the whole city.",
                        "About 10% of the city has to be cleared, a spokesman said.") == []


def test_sample_finds_exactly_the_planted_conflicts(sample_dir: Path) -> None:
    corpus = corpus_of_folder(sample_dir)
    corpus.copies = find_copies(corpus.articles)
    conflicts = find_conflicts(corpus, copy_families(corpus))
    found = {frozenset(values(c)) for c in conflicts}
    assert len(conflicts) == 3 and found == {
        frozenset({"41 passengers", "about 30 passengers"}),
        frozenset({"about 200 metres", "between 350 and 400 metres"}),
        frozenset({"One lane will stay closed for at least a week", "the road has been fully reopened"}),
    }
    by_value = {claim["value"]: claim for c in conflicts for claim in c["claims"]}
    assert by_value["41 passengers"]["sources"] == ["01_wire", "02_syndicated"]
    assert by_value["about 30 passengers"]["speaker"] == "Inspector Callum Rees"
    assert by_value["between 350 and 400 metres"]["speaker"] == "Dr Ines Varga"
    assert by_value["about 200 metres"]["speaker"] == "The Upland Roads Authority"


def test_seed_conflicts(seeds_dir: Path) -> None:
    corpus = corpus_of_folder(seeds_dir)
    conflicts = find_conflicts(corpus, families_of(corpus))
    numbers = [c for c in conflicts if c["kind"] == "number" and "about 100 Islamic State extremists" in values(c)]
    assert len(numbers) == 1
    claims = {c["value"]: c["sources"] for c in numbers[0]["claims"]}
    assert claims == {
        "about 100 Islamic State extremists": ["001_708c32ce6c36b6c5"],
        "200-300 foreign jihadists": ["003_3d6f049fa3ef2d92"],
        "up to 300 fighters": ["000_d66a2473a6d27454"],
    }
    assert not any("275" in v for c in conflicts for v in values(c))
    [status] = [c for c in conflicts if c["kind"] == "status"]
    speakers = {c["speaker"] for c in status["claims"]}
    assert {"Mustafa Bali", "Col. Ryan Dillon"} <= speakers
    whole = next(c for c in status["claims"] if "whole city" in c["value"])
    assert whole["speaker"] == "Mustafa Bali"
    assert any("10%" in c["value"] and c["speaker"] == "Col. Ryan Dillon" for c in status["claims"])


def test_a_status_value_runs_to_the_end_of_its_cue() -> None:
    from synoptic.compare.conflicts import status_claims

    [claim] = status_claims(
        "“We understand that there is still about 10% of the town that has to be cleared, and more,” said an officer."
    )
    assert claim.value.endswith("has to be cleared") and not claim.complete


@pytest.mark.parametrize("frame, complete", [(f, c) for f in STATUS_FRAMES for c in (True, False)])
def test_every_status_cue_holds_one_of_its_words(frame: str, complete: bool) -> None:
    """Each status pattern's matches (generated from the pattern itself) hold one of the words that
    status_claims looks up before searching for it."""
    pattern, words = _STATUS[frame][0 if complete else 1]

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.from_regex(pattern, fullmatch=True))
    def holds_a_word(text: str) -> None:
        if lower_keeps_letters(text):
            assert any(word in text.lower() for word in words), text

    holds_a_word()


def test_status_cues_spelled_with_a_long_s_are_still_found() -> None:
    """"cloſed" matches the case-insensitive cue but its lower case lacks "closed": searched anyway."""
    [claim] = status_claims("The northbound carriageway remains cloſed after the landslide.")
    assert claim.frame == "open" and not claim.complete
    assert status_claims("The northbound carriageway remains open after the landslide.") == []



@pytest.mark.parametrize(
    ("text", "clause_terms"),
    [
        # one clause: its terms are the sentence's, whether given or read again
        ("About 200 miners remained trapped underground near Kelsby on Tuesday.",
         {"kelsby", "near", "remain", "trapp", "tuesday", "underground"}),
        ("Rescuers said that 41 passengers were freed, while the ferry sank off Varrow.", {"fre", "rescu"}),
        ("The fire, which burned 7,000 hectares of forest near Esterby, is contained.", {"burn", "esterby", "forest", "near"}),
    ],
)
def test_a_numbers_clause_terms_are_those_of_its_clause(text: str, clause_terms: set[str]) -> None:
    [mention] = mentions_in(text)
    assert mention.clause_terms == clause_terms
    assert mentions_in(text, terms=content_terms(text)) == [mention]


def test_figures_far_apart_or_with_no_event_are_other_quantities() -> None:
    # 81 pandas kept in one centre and 1,590 in the wild: both "remain", twenty times apart
    assert conflicts_of(
        "The centre said 81 pandas remain in its care after the flood.",
        "Officials said 1,590 pandas remain in the wild after the flood.",
    ) == []
    # no event: a distance and a distance of something else, in one valley
    assert conflicts_of(
        "The village lies 12 miles from the dam in the valley.",
        "The lake lies 18 miles from the dam in the valley.",
    ) == []
    # an event of people is no event of a length ("killed … seven miles away")
    assert conflicts_of(
        "The slide killed two people in a hamlet seven miles from the pass.",
        "The slide killed two people in a hamlet 20 miles from the pass.",
    ) == []


def test_a_run_of_many_tallies_is_no_dispute() -> None:
    texts = [f"The avalanche in the {place} valley killed {n} people, the rescue service said."
             for place, n in (("north", 2), ("east", 7), ("west", 12), ("south", 19), ("upper", 30))]
    assert conflicts_of(*texts) == []
    assert len(conflicts_of(*texts[:2])) == 1  # two versions of one toll are a dispute


def test_the_label_does_not_repeat_the_counted_thing() -> None:
    [conflict] = conflicts_of("Police made 40 arrests at the march, officials said.", "Police made 120 arrests at the march, the mayor said.")
    assert conflict["about"] == "number of arrests"


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Floods killed 30 people in the delta, an official said Friday.", "an official"),
        ("The party said on Tuesday that 140 members were held, a spokesman said Tuesday.", "a spokesman"),
        ('"We counted 300 dead," Abel Moreno, a relief worker, told Harbour Radio.', None),
        ("Minister Lena Ostrova told Parliament 40 people were killed.", "Minister Lena Ostrova"),
    ],
)
def test_a_day_or_a_listener_is_no_speaker(text: str, speaker: str | None) -> None:
    assert speaker_of(text) == speaker


@pytest.mark.parametrize(
    "text, speaker",
    [
        # the subject of what was said, not who said it
        ("The ministry said Norland law allows crowds of 40 people.", None),
        ("A clerk said Tuesday's queue held 300 people, more than Monday's.", None),
        # a verb inside another word: "devastated" holds "stated"
        ("Thirty people died in the devastated Kelby valley.", None),
        ("As reported the Harbour Gazette, 40 people were hurt in the crush.", None),
        # a verb-first name that ends its clause, or with its job after it
        ("Forty people were hurt, said Ada Kemp on Monday.", "Ada Kemp"),
        ("Forty people were hurt, said Norland's Health Ministry spokesman, Ivo Brandt.", "Norland's Health Ministry"),
        # an organisation's whole name
        ("Some 40 people were hurt, according to the Norland Fire and Rescue Service.",
         "the Norland Fire and Rescue Service"),
        ("Floods killed 300 people, according to the Office for Civil Protection of Norland.",
         "the Office for Civil Protection of Norland"),
        ("Fares rose 4%, according to the Kessel Transport Authority's latest figures.", "the Kessel Transport Authority"),
    ],
)
def test_a_speaker_is_a_name_that_ends_its_clause(text: str, speaker: str | None) -> None:
    assert speaker_of(text) == speaker


def test_the_remains_of_the_dead_are_no_count_of_those_remaining() -> None:
    trapped = "Rescuers lowered a capsule into the flooded Kelby shaft to reach 61 miners trapped there."
    assert conflicts_of("Divers will raise the remains of 64 miners from the flooded Kelby shaft next month.", trapped) == []
    # the verb still counts those left
    [conflict] = conflicts_of("Officials said 64 miners remain in the flooded Kelby shaft.", trapped)
    assert values(conflict) == {"64 miners", "61 miners"}


def test_a_single_digit_of_millions_is_a_rounding() -> None:
    assert conflicts_of("The new Kelby bridge will cost $4 billion, the council said.",
                        "The new Kelby bridge will cost $4.4 billion, the minister said.") == []
    # two such figures a digit apart still disagree, and two digits are no rounding of a third
    [conflict] = conflicts_of("The new Kelby bridge will cost $2 billion, the council said.",
                              "The new Kelby bridge will cost $3 billion, the minister said.")
    assert values(conflict) == {"$2 billion", "$3 billion"}
    [conflict] = conflicts_of("The new Kelby bridge will cost $25 billion, the council said.",
                              "The new Kelby bridge will cost $27.5 billion, the minister said.")
    assert values(conflict) == {"$25 billion", "$27.5 billion"}


def test_a_dispute_about_a_year_the_reports_recall_names_it() -> None:
    reports = ("The Kelby flood of 1987 killed 40 people, the council recalled.",
               "The 1987 Kelby flood killed 26 people, the museum said.")
    [conflict] = conflicts_of(*reports, dates=("2024-03-01", "2024-03-01"))
    assert conflict["about"] == "number of people killed in 1987"
    # a figure of the year the reports are from is the story's own
    [conflict] = conflicts_of(*reports, dates=("1987-06-01", "1987-06-01"))
    assert conflict["about"] == "number of people killed"


def test_a_sum_is_shown_without_the_word_after_it() -> None:
    [mention] = mentions_in("The family spent $12,000 and many weekends on the repairs.")
    assert mention.value == "$12,000"
    [mention] = mentions_in("Turnout rose to 61% from the last vote.")
    assert mention.value == "61%"


def test_a_whole_number_of_millions_is_a_rounding() -> None:
    assert conflicts_of("The flood defences cost $1 billion, the treasury said.",
                        "The treasury said the flood defences cost $984 million.") == []
    [mention] = mentions_in("The flood defences cost $2.5 billion.")  # a decimal is no rounding
    assert mention.low == mention.high == 2.5e9


def test_a_hedged_figure_is_no_claim() -> None:
    assert conflicts_of("The ferry sank and 300 people were killed, the coastguard said.",
                        "The toll could rise to 500 people killed, the coastguard said.") == []


def test_figures_one_report_gives_side_by_side_are_different_things() -> None:
    # the second report gives both storms' tolls: the first report's figure is one of them, not a rival
    assert conflicts_of(
        "The storm of 1961 killed 310 people along the coast.",
        "The storm of 1952 killed 470 people along the coast, and the storm of 1961 killed 310 people.",
        "Older residents recall the storm that killed 470 people along the coast.",
    ) == []
    # a lower bound allows the other figure without giving it: the dispute stays
    [conflict] = conflicts_of(
        "Police made nearly 100 arrests at the march. Police said they made at least 96 arrests at the march.",
        "Police made 130 arrests at the march.",
    )
    assert values(conflict) == {"nearly 100 arrests", "130 arrests"}


def test_sums_of_different_things_or_periods_are_not_compared() -> None:
    assert conflicts_of("The mayor will propose a $6 million budget for the harbour.",
                        "The council will include $5 million total for the harbour.") == []
    assert conflicts_of("Fraud cost the harbour's banks $40 million a year, the council said.",
                        "Fraud cost the harbour's banks $70 million last year, the council said.") == []
    assert conflicts_of("The harbour works cost $6 million in 2024, the council said.",
                        "The harbour works cost $9 million by 2030, the council said.") == []
    [conflict] = conflicts_of("The harbour works cost $6 million, the council said.",
                              "The harbour works cost $9 million, the mayor said.")
    assert values(conflict) == {"$6 million", "$9 million"}


def test_a_protest_is_not_taking_part_for_the_figures_in_it() -> None:
    assert conflicts_of("A gunman shot dead five police officers during a protest in the square.",
                        "The protest in the square ended in an attack that left 12 police officers wounded.") == []


def test_a_sum_is_compared_only_through_a_cue_beside_it() -> None:
    # the cost cue is about the jobs, not about the package: two packages, not one sum in dispute
    assert conflicts_of(
        "Lawmakers in Tarnby backed a $4 million package for the quay that also covers the storm damage.",
        "Tarnby lawmakers voted on a $7 million package for the quay after the storm damage cost 40 jobs.",
    ) == []
    assert conflicts_of(
        "Over two winters the Tarnby sailing club has raised 300 pledges and $9,000 for its quay.",
        "The Tarnby sailing club spent more than 200 evenings and $6,000 on the quay, its treasurer said.",
    ) == []
    # beside the sum, the same cues still make a dispute
    [conflict] = conflicts_of("The new quay in Tarnby cost $4 million, the harbour board said.",
                              "The harbour board said the Tarnby quay cost $7 million.")
    assert values(conflict) == {"$4 million", "$7 million"}
    assert conflict["about"] == "cost"


def test_the_label_of_sums_says_what_they_are() -> None:
    [conflict] = conflicts_of("The Orvel flood caused $30 million in damage, the county said.",
                              "The county said the Orvel flood caused damage of $45 million.")
    assert conflict["about"] == "damage"


def test_a_price_is_no_sum_in_dispute() -> None:
    assert conflicts_of("The Orvel saloon goes on sale in spring, priced at $21,000.",
                        "With a base price of $16,500, the Orvel saloon is the cheapest in its class.") == []


def test_a_share_or_a_distance_is_neither_spent_nor_taken() -> None:
    assert conflicts_of("Shares in the Orvel carmaker rose 18 percent after its price cut.",
                        "Analysts said the new deal would raise Orvel's labour costs 5 percent.") == []
    assert conflicts_of("The probe took pictures of the moon from 300 miles above its ice.",
                        "The probe took readings within 900 miles of the moon's ice.") == []


def test_inches_are_a_length() -> None:
    [mention] = mentions_in("The storm left about 4 inches of snow on the pass.")
    assert mention.dimension == "length" and mention.events == set()


def test_travellers_counted_differently_are_a_dispute() -> None:
    [conflict] = conflicts_of(
        "About 700 passengers used the crossing on the first morning, the Tarnby ferry company said.",
        "The Tarnby ferry company said 400 passengers made the crossing on the first morning.",
    )
    assert values(conflict) == {"About 700 passengers", "400 passengers"}
    assert conflict["about"] == "number of passengers travelling"


@pytest.mark.parametrize(
    "first, second, about",
    [
        ("Floodwater swept through Orvel, where a drowned man and four survivors were pulled from a car.",
         "Floodwater swept through Orvel, where two people were killed and two survivors were pulled from a car.",
         "number of survivors freed"),
        ("The blasts at the Orvel mills killed 21 people and injured more than 60, police said.",
         "The blasts at the Orvel mills left at least 30 people dead and injured dozens, the mayor said.",
         "number of people killed"),
    ],
)
def test_the_label_names_what_happened_to_the_figures(first: str, second: str, about: str) -> None:
    [conflict] = conflicts_of(first, second)
    assert conflict["about"] == about


def test_a_figure_in_words_is_compared_with_the_same_figure_in_digits() -> None:
    corpus = corpus_of(
        "Thirty-two people were killed when the dam at Lorvey burst on Sunday.",
        "The dam at Lorvey burst on Sunday and 32 people were killed.",
        "The dam at Lorvey burst on Sunday and 45 people were killed.",
    )
    assert figures_agree(corpus, 0, 1)
    assert not figures_agree(corpus, 0, 2)


def test_figures_of_different_years_are_different_quantities() -> None:
    flood = "The flood killed 12 people in the Ostrava valley, the regional office said."
    then = "The great flood of 1987 killed 40 people in the Ostrava valley, the regional office said."
    last_year = "Last year the flood killed 40 people in the Ostrava valley, the regional office said."
    named = "In 2031 the flood killed 40 people in the Ostrava valley, the regional office said."
    dates = ("2031-04-02", "2031-04-02")
    corpus = corpus_of(flood, named, dates=dates)
    assert [values(c) for c in find_conflicts(corpus, families_of(corpus))] == [{"12 people", "40 people"}]
    so_far = "Floods have killed 40 people in the Ostrava valley so far this year, the regional office said."
    for other in (then, last_year, so_far):
        corpus = corpus_of(flood, other, dates=dates)
        assert find_conflicts(corpus, families_of(corpus)) == [], other
    # a figure in a report two years on is of the year it names, else of the report's own
    bridge = "The new bridge cost 18 million euros, the council said."
    later = ("2031-04-02", "2033-01-10")
    corpus = corpus_of(bridge, "In 2031 the new bridge cost 25 million euros, the council said.", dates=later)
    assert [values(c) for c in find_conflicts(corpus, families_of(corpus))] == [{"18 million euros", "25 million euros"}]
    corpus = corpus_of(bridge, bridge.replace("18", "25"), dates=later)
    assert find_conflicts(corpus, families_of(corpus)) == []


def test_river_levels_reported_differently_are_a_dispute() -> None:
    [conflict] = conflicts_of(
        "The River Senn reached 5.2 metres at the Ostley gauge on Wednesday, the rivers authority said.",
        "Ostley Radio understands the River Senn stood at 4.6 metres at the town's gauge on Wednesday.",
    )
    assert values(conflict) == {"5.2 metres", "4.6 metres"} and conflict["about"] == "water level"
    # a poll's or a mine's peak is no water level, and a length without a gauge or a peak is still never compared
    assert mentions_in("Support for Saez peaked at 35.7 percent in the spring.")[0].events == set()
    assert conflicts_of("The River Senn was at 3.9 metres on Saturday.", "The River Senn was at 4.4 metres on Friday.") == []


def test_a_running_toll_without_a_counted_noun_is_a_count_of_the_dead():
    (toll,) = tally_mentions("The death toll from the Fernley floods rose to three on Friday when a body was found.")
    (nth,) = tally_mentions("A fourth person has died in the Fernley floods, police said.")
    assert (toll.low, toll.high, toll.events) == (3, 3, {"killed"})
    assert (nth.low, nth.high, nth.events, nth.dimension) == (4, 4, {"killed"}, toll.dimension)
    assert tally_mentions("The second half of the match was better.") == []
    assert tally_mentions("The death toll rose to 41 passengers.") == []  # mentions_in reads a counted noun


@pytest.mark.parametrize(
    "first, rival, other, kept",
    [
        # counts in different states: homes standing empty are not homes under construction
        pytest.param("Inspectors found 1,240 new flats in Dunmere standing empty, the housing office said.",
                     "The housing office said 2,100 new flats in Dunmere are still under construction.",
                     "The housing office said 1,900 new flats in Dunmere are still vacant.",
                     {"1,240 new flats", "1,900 new flats"}, id="state"),
        # a count that a later clause splits: another report may give the part
        pytest.param("The raiders took 40 hostages, 25 of whom came off the Orvel ferry, and fled north.",
                     "Police said the raiders took 25 hostages off the Orvel ferry.",
                     "Police said the raiders took 60 hostages off the Orvel ferry.",
                     {"40 hostages", "60 hostages"}, id="part"),
        # a total over years against one season's; named periods may nest (last summer's strikes are last year's)
        pytest.param("The Orvel dockers held two strikes last summer, the union said.",
                     "The Orvel dockers held seven strikes over the past three years, the union said.",
                     "The Orvel dockers held five strikes last year, the port said.",
                     {"two strikes", "five strikes"}, id="period"),
        pytest.param("The Orvel dockers held seven strikes over the past three years, the union said.",
                     "The Orvel dockers held two strikes last summer, the union said.",
                     "The Orvel dockers held five strikes in the last three years, the port said.",
                     {"seven strikes", "five strikes"}, id="span"),
        # balances of different kinds: a reserve is no debt
        pytest.param("The Orvel budget plan calls $40 billion the pension fund's reserve by 2030.",
                     "The Orvel budget projects $28 billion in debt for the pension fund.",
                     "The Orvel budget projects $28 billion in reserves for the pension fund.",
                     {"$40 billion", "$28 billion"}, id="balance"),
        # one incident's toll is a part of the toll of two; another report's toll of that one incident is no part
        pytest.param("An explosion outside the Harbour Street chapel in Dunmere killed 13 people, police said.",
                     "Two separate explosions at chapels in Dunmere on Sunday killed 37 people, police said.",
                     "A single explosion outside the Harbour Street chapel in Dunmere killed 19 people, the mayor said.",
                     {"13 people", "19 people"}, id="incidents"),
        # the latest of a series of slides is one of them; another report of the latest one may differ
        pytest.param("The latest avalanche struck the hamlet of Brask, where two people were killed, police said.",
                     "An avalanche hit the Brask valley on Tuesday, killing seven people, police said.",
                     "The latest avalanche struck the hamlet of Brask, where five people were killed, the mayor said.",
                     {"two people", "five people"}, id="latest"),
    ],
)
def test_figures_of_different_things_or_periods_are_no_dispute(first: str, rival: str, other: str, kept: set[str]) -> None:
    assert conflicts_of(first, rival) == []
    [conflict] = conflicts_of(first, other)  # the same thing, told differently: the dispute stays
    assert values(conflict) == kept


def test_workers_laid_off_over_a_strike_are_a_running_count() -> None:
    first = "The strike at the Orvel gearbox plant has idled 12,400 workers, the company said."
    later = "The strike at the Orvel gearbox plant has idled 16,100 workers, the company said."
    corpus = corpus_of(first, later, dates=("2024-06-10", "2024-06-24"))
    assert find_conflicts(corpus, families_of(corpus)) == []  # two weeks on, more plants have closed
    [conflict] = conflicts_of(first, later)  # the same day: the figures disagree
    assert values(conflict) == {"12,400 workers", "16,100 workers"}
    assert conflict["about"] == "number of workers laid off"


def test_a_word_that_opens_a_figure_is_no_name() -> None:
    (only,) = mentions_in("Only 1,800 people signed the Harrow petition, the council said.")
    assert (only.low, only.high, only.dimension) == (1710, 1890, "count:people")
    assert mentions_in("Route 9 was closed after the crash.") == []  # a name's number stays skipped
    [conflict] = conflicts_of("About 2,000 workers joined the Kelso walkout, the union said.",
                              "Only 500 workers joined the Kelso walkout, the company said.")
    assert values(conflict) == {"About 2,000 workers", "500 workers"}


def test_a_kind_of_people_counted_as_people_is_one_quantity() -> None:
    workers = "A fire at the Varrow mill injured 14 workers, the fire service said."
    people = "At least 30 people were hurt in the Varrow mill fire, a hospital source said."
    [conflict] = conflicts_of(workers, people)
    assert values(conflict) == {"14 workers", "At least 30 people"}
    # two kinds of people are two quantities, and a kind listed with another is a part of the people
    assert conflicts_of(workers, "A fire at the Varrow mill injured 30 residents, the fire service said.") == []
    assert conflicts_of("A fire at the Varrow mill injured 14 workers and three firefighters, police said.", people) == []


def test_volumes_stored_reported_differently_are_a_dispute() -> None:
    stored = "About 1.2 million litres of diesel were stored at the Kessel depot, the council said."
    [conflict] = conflicts_of(stored, "Some 2 million litres of diesel were on the site at the Kessel depot, the owners said.")
    assert values(conflict) == {"About 1.2 million litres", "Some 2 million litres"}
    assert conflict["about"] == "volume stored"
    assert conflicts_of(stored, "The Kessel depot sells 2 million litres of diesel to farms, the council said.") == []


def test_running_tolls_without_a_counted_noun_must_agree() -> None:
    corpus = corpus_of("The death toll from the Marlow crash rose to five on Friday.",
                       "The death toll from the Marlow crash rose to six on Friday.",
                       "Police said the death toll from the Marlow crash rose to five.")
    assert not figures_agree(corpus, 0, 1)  # "rose to six" is no support for "rose to five"
    assert figures_agree(corpus, 0, 2)
    assert [(m.low, m.events) for m in sentence_figures(corpus, 1)] == [(6, {"killed"})]


def test_a_count_named_by_what_happened_is_a_count_of_people_it_happened_to() -> None:
    [deaths] = conflicts_of(
        "The storm caused 14 deaths across the county on Saturday, officials said.",
        "The storm killed nine people across the county on Saturday, the police said.",
    )
    assert values(deaths) == {"14 deaths", "nine people"} and deaths["about"] == "number of deaths"
    [responses] = conflicts_of(
        "The parish council said its survey on the bypass drew 2,400 responses.",
        "Only 1,500 people responded to the survey on the bypass, a councillor said.",
    )
    assert values(responses) == {"2,400 responses", "1,500 people"}
    # deaths are no count of the hurt
    assert conflicts_of(
        "The storm caused 14 deaths across the county on Saturday, officials said.",
        "The storm injured nine people across the county on Saturday, the police said.",
    ) == []
