"""Timeline: date phrases resolved against publication dates, merged across sources, capped."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from synoptic.analyze.sentences import build_corpus
from synoptic.compare.timeline import MAX_TIMELINE_ENTRIES, build_timeline, find_dates, latest_report, stale_reports
from synoptic.model import Article, CleanArticle
from synoptic.options import Options
from synoptic.pipeline import make_brief
from tests.compare.helpers import corpus_of, corpus_of_folder, families_of

PUBLISHED = date(2017, 10, 17)  # a Tuesday


@pytest.mark.parametrize(
    "sentence, phrase, expected",
    [
        ("The force said on Tuesday it had won.", "on Tuesday", "2017-10-17"),
        ("Fighting went on Monday night near the stadium.", "on Monday night", "2017-10-16"),
        ("Monday night was the worst of the siege.", "Monday night", "2017-10-16"),
        ("Rebels quit the city on Saturday night with their families.", "on Saturday night", "2017-10-14"),
        ("Officials met last Tuesday to agree the plan.", "last Tuesday", "2017-10-10"),
        ("The talks resume next Monday in Geneva.", "next Monday", "2017-10-23"),
        ("The mayor spoke to reporters yesterday about it.", "yesterday", "2017-10-16"),
        ("Today the streets were quiet for once.", "Today", "2017-10-17"),
        ("The offensive began in early June with air strikes.", "in early June", "2017-06"),
        ("The campaign began in November with an offensive.", "in November", "2016-11"),
        ("A deal was struck late last month with the elders.", "last month", "2017-09"),
        ("The group declared its caliphate in 2014 in Mosul.", "in 2014", "2014"),
        ("Troops entered the city on Oct. 16 after a long siege.", "Oct. 16", "2017-10-16"),
        ("Troops entered the city on October 16 after a long siege.", "October 16", "2017-10-16"),
        ("Troops entered the city on 16 October after a long siege.", "16 October", "2017-10-16"),
        ("A bomb hit the market on December 5 last winter.", "December 5", "2016-12-05"),
        ("The election will be held on Nov. 3 across the country.", "Nov. 3", "2017-11-03"),
        ("The war began on March 15, 2011 in Deraa.", "March 15, 2011", "2011-03-15"),
        ("The war began on 15 March 2011 in Deraa.", "15 March 2011", "2011-03-15"),
        ("The report is dated 2011-03-15 in the archive.", "2011-03-15", "2011-03-15"),
        ("The dam was finished in June 2014 after delays.", "June 2014", "2014-06"),
        # a weekday in a clause about what is to come is the next one; in the past tense, the last one
        ("Crews will start work on the bridge on Friday.", "on Friday", "2017-10-20"),
        ("Classes are scheduled to begin Monday at another school.", "Monday", "2017-10-23"),
        ("Pupils are to return to their classrooms Thursday.", "Thursday", "2017-10-19"),
        ("The inspection of the weir is due on Thursday.", "on Thursday", "2017-10-19"),
        ("The inspection of the weir was due on Thursday.", "on Thursday", "2017-10-12"),
        ("We'll reopen the road on Saturday night.", "on Saturday night", "2017-10-21"),
        ("The bridge collapsed on Friday after the storm.", "on Friday", "2017-10-13"),
        ("Crews will inspect the bridge that collapsed on Friday.", "on Friday", "2017-10-13"),
        ("Repairs will take weeks, the council said on Friday.", "on Friday", "2017-10-13"),
        # a plan reported in the past tense is still to come; what would have been is not
        ("The union said its crews would stay out until Friday.", "Friday", "2017-10-20"),
        ("A shop owner said fresh food would run out by Thursday.", "Thursday", "2017-10-19"),
        ("The ferry would have sailed on Friday but for the storm.", "on Friday", "2017-10-13"),
        ("The operator would not comment on the report on Friday.", "on Friday", "2017-10-13"),
        # the day after publication is that next day (a plan, or a report from a place a day ahead)
        ("Shares in Kelsby closed higher Wednesday.", "Wednesday", "2017-10-18"),
        ("The ferry sank last Wednesday off the point.", "last Wednesday", "2017-10-11"),
        # a month-day or month in a clause about what is to come lies ahead, however far
        ("The trial is set for Dec. 9 in the capital.", "Dec. 9", "2017-12-09"),
        ("The council plans to close the pier in December for repairs.", "in December", "2017-12"),
        ("The pier closed in December for repairs.", "in December", "2016-12"),
        # "Month of year", and a month that ends the sentence
        ("He was quiet until August of 2015, then he left.", "August of 2015", "2015-08"),
        ("The campaign began in November.", "in November", "2016-11"),
        ("The talks broke down in early June.", "in early June", "2017-06"),
        # a day range with its year, a comma before the year, and "last" before a month-day
        ("The regatta was held Oct. 12-13, 1992 off Kelsby.", "Oct. 12-13, 1992", "1992-10-12"),
        ("The pier closed in October, 2015, after a storm.", "October, 2015", "2015-10"),
        ("No ferry has sailed from Kelsby since last Oct. 20.", "last Oct. 20", "2016-10-20"),
    ],
)
def test_phrase_rules(sentence: str, phrase: str, expected: str) -> None:
    found = find_dates(sentence, PUBLISHED)
    assert (phrase, expected) in [(p, d) for p, d, _ in found], found


@pytest.mark.parametrize(
    "sentence, phrase, expected",
    [
        # a month-day or month a few months ahead, in a sentence that tells nothing in the past, is the coming one
        ("The ferry contracts expire Dec. 14.", "Dec. 14", "2017-12-14"),
        ("The harbour's fiscal year begins Jan. 1 under new rules.", "Jan. 1", "2018-01-01"),
        ("The new ferry enters service in January.", "in January", "2018-01"),
        # ... and so is one close ahead after a cue of what is pending, though the sentence tells of the past
        ("The keeper was taken into custody pending sentencing Dec. 13.", "Dec. 13", "2017-12-13"),
        ("Ferry services were suspended through November.", "through November", "2017-11"),
        # in the past tense, further ahead, or in a chronology's line it is last year's
        ("The storm flooded the harbour in December.", "in December", "2016-12"),
        ("The ferry sails again in May.", "in May", "2017-05"),
        ("Nov. 30 - The council closes the pier.", "Nov. 30", "2016-11-30"),
        # a year the text names
        ("The ferry sank on June 1 last year off the point.", "June 1", "2016-06-01"),
        ("Tolls rise in April of next year.", "in April", "2018-04"),
        ("The council voted to close the pier this December.", "this December", "2017-12"),
        # a plan told in the past was for a day that may have passed
        ("Keepers planned to open the lock on Sept. 2, but the flood came first.", "Sept. 2", "2017-09-02"),
        # a day-first date that ends the sentence
        ("The vote is on 4 December.", "4 December", "2017-12-04"),
        # "last" and "since" a month are never after publication, nor "last" its month, whatever the clause
        ("The keeper retired last October after forty years.", "last October", "2016-10"),
        ("The council will appeal the ruling it lost last November.", "last November", "2016-11"),
        ("The pier will stay as it has been since December.", "since December", "2016-12"),
        ("Fares rose again last September.", "last September", "2017-09"),
        ("Fares have risen since October.", "since October", "2017-10"),
        # a weekday after "since" is one gone by, the day after publication included
        ("The first arrests since Wednesday's bombing came at dawn.", "Wednesday", "2017-10-11"),
    ],
)
def test_the_year_of_a_month_day_or_month_and_a_weekday_since(sentence: str, phrase: str, expected: str) -> None:
    found = find_dates(sentence, PUBLISHED)
    assert (phrase, expected) in [(p, d) for p, d, _ in found], found


@pytest.mark.parametrize(
    "ahead, behind, phrase, date_ahead, date_behind",
    [
        # a schedule told in the present, against one over or a habit
        ("The harbour exhibition opens on May 21.", "The harbour exhibition opened on May 21.", "May 21", "2018-05-21", "2017-05-21"),
        ("The ferry contracts expire in September.", "The rainy season normally ends in September.", "in September", "2018-09", "2017-09"),
        ("The lock trial resumes Saturday.", "The play ended its run Saturday at the Kelsby theatre.", "Saturday", "2017-10-21", "2017-10-14"),
        # a deadline, against a negation
        ("The board granted the keepers until March 3 to answer the charges it filed.", "The board did not have the charges until March 3.", "March 3", "2018-03-03", "2017-03-03"),
        ("The council gave the keepers until Friday to reply, and the ferrymen until Saturday to appeal.", "The ferrymen waited until Saturday to appeal.", "Saturday", "2017-10-21", "2017-10-14"),
        # a plan stated
        ("The vote on the pier is expected as early as Saturday.", "The vote on the pier was expected as early as Saturday.", "Saturday", "2017-10-21", "2017-10-14"),
        ("The surveyors' report is now due in June.", "The surveyors' report was due in June.", "in June", "2018-06", "2017-06"),
        ("The notice goes to a session of the board due to start Saturday.", "The notice went to a session of the board that started Saturday.", "Saturday", "2017-10-21", "2017-10-14"),
        ("Their next hearing is Saturday.", "Their last hearing was Saturday.", "Saturday", "2017-10-21", "2017-10-14"),
        # a start in a clause that tells nothing in the past, against one in the past tense
        ("The club will require life jackets for rowers, beginning in March, said its secretary.", "The union urged a strike at the docks beginning in March.", "in March", "2018-03", "2017-03"),
        ("Starting Saturday, a list of banned boats will be posted at the quay.", "Raids starting Saturday had closed the quay.", "Saturday", "2017-10-21", "2017-10-14"),
        # "begins On …": a heading run into the text
        ("The keepers' strike begins on March 3.", "The keepers' strike begins On March 3, the union met the board.", "March 3", "2018", "2017"),
    ],
)
def test_a_date_a_schedule_deadline_or_start_governs_is_the_next_one(
    ahead: str, behind: str, phrase: str, date_ahead: str, date_behind: str
) -> None:
    assert any(p.endswith(phrase) and d.startswith(date_ahead) for p, d, _ in find_dates(ahead, PUBLISHED)), find_dates(ahead, PUBLISHED)
    assert any(p.endswith(phrase) and d.startswith(date_behind) for p, d, _ in find_dates(behind, PUBLISHED)), find_dates(behind, PUBLISHED)


def test_a_weekday_the_day_before_stays_there_though_a_schedule_governs_it() -> None:
    # told in the present like a headline: the day before's news; a schedule two days back is the next one
    assert find_dates("The harbour shuts its sluices for four days starting Monday.", PUBLISHED)[0][1] == "2017-10-16"
    assert find_dates("The harbour shuts its sluices for four days starting Sunday.", PUBLISHED)[0][1] == "2017-10-22"


@pytest.mark.parametrize(
    "sentence",
    [
        "They may march on the capital soon, he said.",  # lower-case month words are verbs
        "The ministry said it would consider the request.",
        "He scored 2014 points over a long career.",  # a number, not "in 2014"
        "The hearing was listed for 2025-13-01 and again for 2025-04-31.",  # no such days: typos, not dates to show
    ],
)
def test_non_dates_are_ignored(sentence: str) -> None:
    assert find_dates(sentence, PUBLISHED) == []


@pytest.mark.parametrize(
    "no_date, dated, phrase",
    [
        # "today" that means nowadays (a clause that opens with it and tells nothing past or to come, a plural
        # with it before a present verb, "today's" with a plural, a comparison) against the report's day
        ("Today, the valley's growers keep goats instead of sheep.", "Today, the council voted to close the pier.", "Today"),
        ("Today, Marlow said, few doubt that the lake has shrunk.", "Today, the board will hear the ferry operators.", "Today"),
        ("Hundreds of boats once fished the bay, but today they number near 30.", "Boats were freed yesterday and today.", "today"),
        ("Most parents today can't afford the fees.", "Kelsby officials today warned sailors of the gale.", "today"),
        ("Children today are more careful with money.", "Officials today are searching the bay for the trawler.", "today"),
        ("Today's pensioners want their letters by email.", "Today's charges show our resolve, he said.", "Today"),
        ("Few jobs in today's economy pay well.", "The harbour master spoke at today's press briefing.", "today"),
        ("The quay looks just as it is today.", "Today is the tenth anniversary of the quay.", "Today"),
        ("The quarrel is as bitter today as it was.", "The quarrel flared again today.", "today"),
        # …with "population", "society" or "exist" before it
        ("Few of the county's population today fish for a living.", "Few of the county's boats fished today.", "today"),
        ("No wooden trawlers exist today on the coast.", "Two wooden trawlers docked today on the coast.", "today"),
        # "any given time" is no past tense
        ("Today there are some 300 boats in the bay at any given time.", "Today there were 300 boats in the bay.", "Today"),
        # a weekday that is any or every such day, and "Sunday school", against a day told
        ("On a recent Sunday morning, the quay was quiet.", "On Sunday morning, the quay was quiet.", "On Sunday morning"),
        ("The choir sings every Saturday and Sunday at the chapel.", "The choir sang on Sunday at the chapel.", "on Sunday"),
        ("One Monday he walked out of the yard.", "On Monday he walked out of the yard.", "On Monday"),
        ("Crowds came each Wednesday night to the pier.", "Walkers gathered on a rainy Tuesday at the gate.", "Tuesday"),
        ("She taught Sunday school in the chapel hall.", "She taught on Sunday in the chapel hall.", "on Sunday"),
    ],
)
def test_nowadays_and_any_weekday_are_no_dates_but_a_day_told_is(no_date: str, dated: str, phrase: str) -> None:
    assert find_dates(no_date, PUBLISHED) == []
    assert phrase in [p for p, _d, _ in find_dates(dated, PUBLISHED)]


@pytest.mark.parametrize(
    "sentence, phrase, expected",
    [
        # "last": the latest season over before the month of publication (October: this year's summer, last
        # year's fall); "this past" the same
        ("The ferry service ended last summer after a storm.", "last summer", "2017-06"),
        ("The trawler sank last fall off the point.", "last fall", "2016-09"),
        ("The lock gates were rebuilt last winter.", "last winter", "2016-12"),
        ("The quay flooded this past summer.", "this past summer", "2017-06"),
        # "this": the nearest, one begun when the sentence tells of the past, one not over when it is to come
        ("The harbour board cut fares this spring.", "this spring", "2017-03"),
        ("The harbour board will cut fares this spring.", "this spring", "2018-03"),
        ("The new ferry enters service this winter.", "this winter", "2017-12"),
        # "next": after the nearest one
        ("The pier reopens next summer, the council said.", "next summer", "2018-06"),
        ("The council hopes to open the new pier next fall.", "next fall", "2018-09"),
        # a year the text names; a winter's may be either of two, so only the year
        ("The keeper retired in the fall of 2004.", "fall of 2004", "2004-09"),
        ("The storm of winter 2003 closed the pier.", "winter 2003", "2003"),
        # "next March" is the first March after the month of publication, a year on in its own month
        ("The new ferry enters service next March.", "next March", "2018-03"),
        ("The toll bridge opens next October.", "next October", "2018-10"),
    ],
)
def test_seasons_and_next_month(sentence: str, phrase: str, expected: str) -> None:
    found = find_dates(sentence, PUBLISHED)
    assert (phrase, expected) in [(p, d) for p, d, _ in found], found


@pytest.mark.parametrize(
    "no_date, dated",
    [
        ("It was the last summer of his life on the quay.", "He spent last summer on the quay."),
        ("Her last fall broke her hip on the quay.", "She broke her hip on the quay last fall."),
        ("The ferry board may act as early as the next fall.", "The ferry board may act as early as next fall."),
        ("Crowds watched the Summer Olympics on the quay.", "Crowds watched this Summer on the quay."),
    ],
)
def test_a_season_of_someone_or_an_event_is_no_date_but_a_season_told_is(no_date: str, dated: str) -> None:
    assert find_dates(no_date, PUBLISHED) == []
    assert [precision for _p, _d, precision in find_dates(dated, PUBLISHED)] == ["season"]


def test_a_season_dates_its_sentence_but_not_a_guess() -> None:
    corpus = corpus_of(
        "The Kelsby ferry crews may strike again later this summer, the union warned. "
        "The Kelsby ferry crews struck for three weeks this summer over their lost pay.",
        dates=("2017-10-17",),
    )
    assert [(e["date"], e["precision"], e["phrase"]) for e in build_timeline(corpus, families_of(corpus))] == [
        ("2017-06", "season", "this summer")
    ]


@pytest.mark.parametrize(
    "sentence",
    ["The fleet shrank from 300 boats in 1970 to 30 today.", "Its share fell to 17 percent today from 32 percent in 1970."],
)
def test_the_now_of_a_change_since_a_year_is_no_date(sentence: str) -> None:
    assert find_dates(sentence, PUBLISHED) == [("in 1970", "1970", "year")]
    assert [p for p, _d, _ in find_dates("Its share fell to 17 percent today.", PUBLISHED)] == ["today"]


@pytest.mark.parametrize(
    "compared, dated",
    [
        ("The ferry carried fewer cars than last year.", "The ferry carried fewer cars last year."),
        ("Catches rose 12 percent over the same period of last year.", "Catches rose 12 percent last year."),
        ("Landings were down 9 percent from last year's total.", "Landings were counted from last year's logbooks."),
        ("The quay is busier compared with last year.", "The quay was rebuilt last year."),
    ],
)
def test_last_year_a_figure_is_compared_with_is_no_date(compared: str, dated: str) -> None:
    assert find_dates(compared, PUBLISHED) == []
    assert find_dates(dated, PUBLISHED) == [("last year", "2016", "year")]


def test_a_chronology_line_under_a_year_is_dated_in_that_year() -> None:
    assert find_dates("1952: In April, the first ferry crosses to Kelsby.", PUBLISHED) == [("In April", "1952-04", "month")]
    assert find_dates("1988 -- Nov. 3 -- The pier burns down.", PUBLISHED) == [("Nov. 3", "1988-11-03", "day")]
    assert find_dates("In April, the first ferry crossed to Kelsby.", PUBLISHED) == [("In April", "2017-04", "month")]


def test_a_weekday_followed_by_its_date_is_dated_by_the_date() -> None:
    found = find_dates("At noon on Monday, Sept. 25, the board met in the town hall.", PUBLISHED)
    assert [(p, d) for p, d, _ in found] == [("Sept. 25", "2017-09-25")]


def test_relative_phrases_stay_literal_without_any_date_but_absolute_ones_resolve() -> None:
    corpus = corpus_of("Rebels attacked the base on Monday, officials said. The siege began in 2014 and never ended.")
    timeline = build_timeline(corpus, families_of(corpus))
    assert [(e["date"], e["phrase"]) for e in timeline] == [("2014", "in 2014"), (None, "on Monday")]


def test_a_sentence_inside_a_quotation_an_earlier_one_opened_is_no_entry() -> None:
    # the quotation runs on past the paragraph's line break, so the segmenter leaves its sentences apart
    corpus = corpus_of(
        "The harbour board met on Monday. “We rebuilt the pier in a week.\nThe ferry sails again on Friday with the "
        "first cars since the storm.",
        dates=("2017-10-17",),
    )
    assert corpus.in_quotation == {2}
    texts = [e["text"] for e in build_timeline(corpus, families_of(corpus))]
    assert texts == ["The harbour board met on Monday."], texts


def test_a_date_that_names_an_event_is_background() -> None:
    corpus = corpus_of(
        "The reopening of the school has been delayed after the March 3 flood, the head teacher said Tuesday.",
        "The March 3 flood reached the first floor of the school.",
        # "after Saturday's fire" names the fire: Monday's news, not a Saturday to come ("will")
        "The library will stay shut for a month after Saturday's fire, the town council said on Monday.",
        "Tuesday's storm flooded the harbour car park, the council said on Wednesday.",  # its subject: its news
        dates=("2025-03-11", None, "2025-03-11", "2025-03-12"),
    )
    dated = {e["text"][:20]: (e["date"], e["phrase"]) for e in build_timeline(corpus, families_of(corpus))}
    assert dated["The reopening of the"] == ("2025-03-11", "Tuesday")
    assert dated["The March 3 flood re"] == ("2025-03-03", "March 3")  # its only date: the flood's own
    assert dated["The library will sta"] == ("2025-03-10", "on Monday")
    assert dated["Tuesday's storm floo"] == ("2025-03-11", "Tuesday")


def test_a_sentence_that_tells_about_an_event_on_a_day_it_does_not_say_is_no_entry() -> None:
    corpus = corpus_of(
        "Two of the May 2 arsonists were named in court in Kelsby. "
        "The damage done by the May 2 fire to the harbour wall was still being counted. "
        "The May 2 fire destroyed the old mill in Kelsby.",  # the event is its subject: its own day
        dates=("2025-06-20",),
    )
    timeline = build_timeline(corpus, families_of(corpus))
    assert [(e["date"], e["text"]) for e in timeline] == [("2025-05-02", "The May 2 fire destroyed the old mill in Kelsby.")]


def test_a_date_inside_an_inner_relative_clause_does_not_date_the_sentence() -> None:
    corpus = corpus_of(
        "The fall of Kelsby, where the militia paraded after its victories in 2014, is a blow to the group.",
        "Mayor Ada Brin, who took office in 2019, said on Monday that the bridge would reopen.",
        "The ferry service stopped in March, which began in 2011.",
        dates=("2025-03-11",),
    )
    dated = {e["text"][:14]: (e["date"], e["phrase"]) for e in build_timeline(corpus, families_of(corpus))}
    assert "The fall of Ke" not in dated  # its only date tells of the clause, not of the fall
    assert dated["Mayor Ada Brin"] == ("2025-03-10", "on Monday")
    assert dated["The ferry serv"] == ("2025-03", "in March")  # a clause that ends the sentence keeps its date


def test_a_date_in_a_comparison_or_the_start_of_a_record_does_not_date_the_sentence() -> None:
    corpus = corpus_of(
        "On talks with the rebels, similar to a truce agreed late last month, the general said there would be none.",
        "Joblessness fell to 3.1 percent in May, the lowest rate since 2001, the agency said on Friday.",
        "Ferry fares rose by a tenth, the biggest rise since August 2012.",
        "The rower Ida Lind is chasing her first title since November at the Kelsby regatta.",
        "The ferry has run every day since 2012 without a break.",
        dates=("2025-06-10",),
    )
    dated = {e["text"][:14]: (e["date"], e["phrase"]) for e in build_timeline(corpus, families_of(corpus))}
    assert "On talks with " not in dated and "Ferry fares ro" not in dated and "The rower Ida " not in dated
    assert dated["Joblessness fe"] == ("2025-06-06", "on Friday")
    assert dated["The ferry has "] == ("2012", "since 2012")  # no record: the span starts then


def test_a_dateline_sets_the_day_the_text_counts_from() -> None:
    from synoptic.analyze.sentences import build_corpus
    from synoptic.model import Article, CleanArticle, Removal

    def filed(article_id: str, text: str, dateline: str) -> CleanArticle:
        removal = Removal(article_id, "dateline", dateline, 0, 0)
        return CleanArticle(Article(id=article_id, text=text, date="2025-03-04"), ((0, len(text)),), "2025-03-04", (removal,))

    articles = [
        filed("a1", "The harbour board today approved the new pier at Hollin Bay.", "HOLLIN BAY, March 3 (Wirenews) --"),
        filed("a2", "The lock keepers of the Kelsby canal today ended their strike.", "KELSBY, Feb. 20 (Wirenews) --"),
    ]
    dated = {e["text"][:10]: e["date"] for e in build_timeline(build_corpus(articles), {"a1": 0, "a2": 1})}
    assert dated["The harbou"] == "2025-03-03"  # filed on the 4th, written on the 3rd
    assert dated["The lock k"] == "2025-03-04"  # a dateline two weeks off is another story's: the article's date stands


@pytest.mark.parametrize(
    "texts, month, counts",
    [
        (
            (
                "Dredgers began clearing the silted channel at Kelsby harbour in early May.",
                "The clearing of the Kelsby harbour channel started in May, and trawlers were sent to other ports.",
                "A new harbour master was named in May after a long search.",
            ),
            "2025-05",
            [1, 1],  # the two tell one event, but neither restates the other
        ),
        # one report tells a strike's start twice (once with the union's backing), another once in words the
        # first report's opening sentence does not share: one entry, not three
        (
            (
                (
                    "The Pellham ferry crews have been on strike since March to win back their lost pay. The union has "
                    "backed the Pellham ferry crews with strike pay and pickets since they started the walkout in early March."
                ),
                "The walkout by the ferry crews started in March, and the Pellham ferries have stayed in port with the pickets at the gate.",
                "A new timetable for the island bus was agreed in March after a long search for drivers.",
            ),
            "2025-03",
            [1, 2],  # the walkout's report restates the union's sentence, which tells the event
        ),
    ],
)
def test_one_event_of_one_month_told_in_other_words_is_one_entry(texts: tuple[str, ...], month: str, counts: list[int]) -> None:
    corpus = corpus_of(*texts, dates=("2025-08-01",) * len(texts))
    entries = [e for e in build_timeline(corpus, families_of(corpus)) if e["date"] == month]
    assert len(entries) == 2  # the event once, and the other one of that month
    # an entry lists its sentence's citations, as wherever else that sentence is shown
    assert sorted(len(e["sources"]) for e in entries) == counts


@pytest.mark.parametrize(
    "published, expected",
    [
        ("Tue, 11 Mar 2025 09:00:00 GMT", "2025-03-08"),
        ("March 11, 2025", "2025-03-08"),
        ("2025-03-11T08:30:00+01:00", "2025-03-08"),
        ("2025", None),  # a partial date is no date (as for the stories): the phrase stays literal
        ("yesterday", None),
        ("2025-13-14", None),  # no day either way round: undated
    ],
)
def test_publication_dates_in_any_spelling_the_stories_accept(published: str, expected: str | None) -> None:
    corpus = corpus_of("The ferry ran aground on Saturday near the harbour mouth.", dates=(published,))
    [entry] = build_timeline(corpus, families_of(corpus))
    assert (entry["phrase"], entry["date"]) == ("on Saturday", expected)


def test_undated_article_falls_back_to_the_clusters_most_common_date() -> None:
    corpus = corpus_of(
        "The army said on Tuesday that the town was taken.",
        "Soldiers fought street by street on Monday in the old town.",
        "Officials confirmed the news on Tuesday after a long wait.",
        dates=("2017-10-17", None, "2017-10-17"),
    )
    dated = {e["text"]: e["date"] for e in build_timeline(corpus, families_of(corpus))}
    assert dated["Soldiers fought street by street on Monday in the old town."] == "2017-10-16"


def test_same_event_in_two_sources_is_one_entry_sorted_by_date() -> None:
    corpus = corpus_of(
        "The bridge collapsed on Monday night after heavy rain, police said. Repairs began on Tuesday.",
        "The bridge collapsed on Monday night after heavy rain, police said on Wednesday.",
        dates=("2025-03-12", "2025-03-12"),
    )
    timeline = build_timeline(corpus, families_of(corpus))
    assert [e["date"] for e in timeline] == sorted(e["date"] for e in timeline)
    monday = [e for e in timeline if e["date"] == "2025-03-10"]
    assert len(monday) == 1 and monday[0]["sources"] == ["a1", "a2"]
    assert {"article": "a2", "sentence": 0} in [{k: e[k] for k in ("article", "sentence")} for e in monday[0]["evidence"]]


def test_timeline_is_capped_preferring_entries_with_more_sources() -> None:
    words = "apple bridge cellar dance engine forest garden harbour island jungle kettle ladder meadow".split()
    words += "needle orchard pencil quarry river saddle tunnel".split()
    lines = [f"The {w} {w}s were {w}ed on {i + 1} March by {w} {w}ers." for i, w in enumerate(words)]
    shared = "The storm hit the coast on Sunday, forecasters said."
    corpus = corpus_of(" ".join(lines + [shared]), shared, dates=("2025-03-16", "2025-03-16"))
    timeline = build_timeline(corpus, families_of(corpus))
    assert len(timeline) == MAX_TIMELINE_ENTRIES
    assert any(e["text"] == shared and e["sources"] == ["a1", "a2"] for e in timeline)


def test_seeds_announcement_and_monday_fighting(seeds_dir: Path) -> None:
    corpus = corpus_of_folder(seeds_dir)
    timeline = build_timeline(corpus, families_of(corpus))
    by_text = [(e["date"], e["text"], e["sources"]) for e in timeline]
    assert any(d == "2017-10-17" and "said Tuesday it has wrested control" in t for d, t, _ in by_text)
    assert any(d == "2017-10-16" and s[0].startswith("003_") and "on Monday" in t for d, t, s in by_text)


def test_sample_resolves_datelines_and_merges_the_syndicated_copy(sample_dir: Path) -> None:
    corpus = corpus_of_folder(sample_dir)
    timeline = build_timeline(corpus, families_of(corpus))
    slide = [e for e in timeline if "gave way" in e["text"]]
    assert slide and slide[0]["date"] == "2025-03-10" and slide[0]["sources"] == ["01_wire", "02_syndicated"]
    friday = [e for e in timeline if e["phrase"] == "on Friday"]
    assert friday and all(e["date"] == "2025-03-14" for e in friday)  # 05's "KELSBY, March 14 -" dateline


def test_an_undated_report_takes_its_caption_date_and_marks_assumed_dates() -> None:
    from synoptic.model import Article, CleanArticle, Removal
    from synoptic.analyze.sentences import build_corpus

    captioned = "Crews cleared the last of the debris on Monday, the council said."
    undated = "The pier reopened to visitors on Wednesday after long repairs. The repairs began in 2019."
    articles = [
        CleanArticle(
            Article(id="a1", text=captioned), ((0, len(captioned)),), None,
            (Removal("a1", "caption", "Workers on the pier at Hollin Bay, March 3, 2025. PHOTO: Staff", 0, 0),),
        ),
        CleanArticle(Article(id="a2", text=undated), ((0, len(undated)),), None),
    ]
    timeline = {e["phrase"]: e for e in build_timeline(build_corpus(articles), {"a1": 0, "a2": 1}, "2025-03-07")}
    assert timeline["on Monday"]["date"] == "2025-03-03" and not timeline["on Monday"]["approximate"]
    # no date of its own: "on Wednesday" leans on the cluster's date, "in 2019" does not
    assert timeline["on Wednesday"]["date"] == "2025-03-05" and timeline["on Wednesday"]["approximate"]
    assert timeline["in 2019"]["date"] == "2019" and not timeline["in 2019"]["approximate"]


def test_one_event_told_in_other_words_on_the_same_day_is_one_entry_dated_by_its_first_date() -> None:
    corpus = corpus_of(
        "Divers on Thursday brought the last miners out of the flooded shaft near Carrow, ending a two-day search.",
        "The last of the trapped miners were brought out of the flooded shaft on Thursday morning, after a search that began on Tuesday.",
        "The pit owner said on Thursday that pumps had failed twice in the spring.",
        dates=("2025-06-13", "2025-06-13", "2025-06-13"),
    )
    timeline = build_timeline(corpus, families_of(corpus))
    thursday = [e for e in timeline if e["date"] == "2025-06-12"]
    # the rescue (reported twice, in different words) and the owner's statement: two events that day
    assert sorted(len(e["sources"]) for e in thursday) == [1, 2]
    assert not any(e["date"] == "2025-06-10" for e in timeline)  # "began on Tuesday" is background, not the event


def test_the_latest_report_is_the_newest_dated_article_s_first_sentence_that_reads_alone() -> None:
    corpus = corpus_of(
        "Crews fought the warehouse fire at the port of Kessing through the night. Nobody was hurt.",
        "He said the cause was not known. The port of Kessing reopened two berths after the warehouse fire.",
        "An inquiry into the Kessing warehouse fire will report within a month, the port authority said.",
        "Smoke still hung over the old town of Kessing as dockers returned to the quay on Thursday.",
        dates=("2025-06-02", "2025-06-05", "2025-06-03", None),
    )
    [latest] = latest_report(corpus)
    assert latest["date"] == "2025-06-05" and latest["sources"] == ["a2"]
    assert latest["text"] == "The port of Kessing reopened two berths after the warehouse fire."  # not "He said…"
    assert latest["evidence"][0]["article"] == "a2" and latest["evidence"][0]["sentence"] == 1


def test_the_latest_report_is_no_list_line_nor_photo_caption() -> None:
    corpus = corpus_of(
        "Crews fought the warehouse fire at the port of Kessing through the night.",
        "Berths reopened: North quay, two berths; South quay, one berth; Ferry pier, all berths. "
        "Dockers at the Kessing quay after the March 3, 2021 warehouse fire. "
        "A tug tows the burnt barge out of Kessing harbour on March 3, 2021. "
        "The port of Kessing reopened three berths on Wednesday.",
        "Ships waiting: Kessing roads, four; Dunmore roads, two; Hollin Bay, none at all.",  # the newest: a list only
        dates=("2025-06-02", "2025-06-05", "2025-06-06"),
    )
    [latest] = latest_report(corpus)
    assert (latest["date"], latest["text"]) == ("2025-06-05", "The port of Kessing reopened three berths on Wednesday.")


def test_a_news_budget_is_no_latest_report() -> None:
    articles = [
        {"id": "a1", "date": "2025-06-02", "text": "Crews fought the warehouse fire at the port of Kessing through the night."},
        {"id": "a2", "date": "2025-06-03", "text": "The port of Kessing reopened two berths after the warehouse fire on Monday."},
        {
            "id": "a3",
            "date": "2025-06-05",
            "text": "Editors\n\nThe Kessing Courier will file the following for Thursday.\n\n"
            "PORT-FIRE (Kessing) _ The port of Kessing counts the cost of the warehouse fire.\n\n"
            "DOCK-PAY (Kessing) _ Dockers at the port of Kessing vote on a strike over pay.\n",
        },
    ]
    [latest] = make_brief(articles, Options(words=40)).latest
    assert (latest["date"], latest["sources"]) == ("2025-06-03", ["a2"])


def test_reports_of_one_day_or_undated_have_no_latest_report() -> None:
    texts = ("Crews fought the warehouse fire at the port of Kessing through the night.", "The port of Kessing reopened two berths after the warehouse fire.")
    assert latest_report(corpus_of(*texts, dates=("2025-06-02", "2025-06-02"))) == []
    assert latest_report(corpus_of(*texts)) == []
    assert latest_report(corpus_of(*texts), cluster_date="2025-06-09") == []  # the cluster's date is no report's own


def test_an_entry_must_read_alone() -> None:
    corpus = corpus_of("Police named Ada Brin on Monday. She was arrested on Tuesday. This week, the lane reopened.", dates=("2025-03-14",))
    texts = [e["text"] for e in build_timeline(corpus, families_of(corpus))]
    assert texts == ["Police named Ada Brin on Monday.", "This week, the lane reopened."]


def test_a_chronology_entry_is_a_timeline_entry_though_no_summary_sentence() -> None:
    corpus = corpus_of("Nov. 5 - The harbour board issues its findings on the pier.", dates=("2025-11-20",))
    [entry] = build_timeline(corpus, families_of(corpus))
    assert entry["date"] == "2025-11-05"


def test_a_dated_sentence_about_another_story_is_no_entry() -> None:
    flood = (
        "The river Kel burst its banks in Kelsby on Monday, flooding the market square. "
        "Rescuers in boats reached the flooded market square in Kelsby on Monday night. "
        "The mayor of Kelsby said the river had never risen so fast. "
        "Sandbags failed to hold the river Kel at the market square."
    )
    digest = (
        "The river Kel flooded the market square of Kelsby on Monday after days of rain. "
        "The mayor said rescuers in boats worked through the night in Kelsby. "
        "Water pumps from Dunmore reached the Kelsby market square on Tuesday. "
        "In other news, the chess club will elect a new treasurer at its meeting on Thursday."
    )
    third = (
        "Rescuers in Kelsby pulled families from the flooded market square on Monday night. "
        "The river Kel rose two metres in a day, the mayor of Kelsby said. "
        "Shops around the market square stayed shut as the river Kel fell slowly."
    )
    corpus = corpus_of(flood, digest, third, dates=("2025-03-12", "2025-03-12", "2025-03-12"))
    texts = [e["text"] for e in build_timeline(corpus, families_of(corpus))]
    assert any("Water pumps from Dunmore" in t for t in texts)  # on the story, though one source tells it
    assert not any("chess club" in t for t in texts)


def test_reports_a_newer_one_overtook_are_stale_in_a_story_told_over_a_day_or_two() -> None:
    corpus = corpus_of(
        "Crews held the fire line above Tarvel on Thursday.",
        "Rain fell on the Tarvel fire on Friday and crews said it was contained.",
        "Crews cut a firebreak around the school at Tarvel on Wednesday.",  # no date of its own: as of Wednesday
        "Crews cut a firebreak around the school at Tarvel.",  # no date of its own, and none in its text
        dates=("2021-03-04", "2021-03-05"),
    )
    assert stale_reports(corpus) == {"a1", "a3"}
    followed_longer = corpus_of(corpus.sentences[0].full, corpus.sentences[1].full, dates=("2021-02-20", "2021-03-05"))
    assert stale_reports(followed_longer) == set()


_TARVEL_EARLIER = (
    "Firefighters held the line above Tarvel as the blaze moved toward the town. "
    "The blaze burned through dry forest above Tarvel and the town's school was closed. "
    "Firefighters said the line above Tarvel would hold through the night."
)


def test_the_headline_of_a_story_told_over_two_days_comes_from_its_newest_reports() -> None:
    articles = [
        {"id": "a1", "title": "Firefighters hold the line as blaze nears Tarvel", "date": "2021-03-04", "text": _TARVEL_EARLIER},
        {"id": "a2", "date": "2021-03-04", "text": _TARVEL_EARLIER.replace("Firefighters", "Fire crews")},
        {"id": "a3", "date": "2021-03-05", "text": "Overnight rain helped crews contain the fire above Tarvel, officials said on Friday."},
        {"id": "a4", "title": "Rain helps crews contain Tarvel fire", "text": "Rain helped crews contain the Tarvel fire, the fire service said."},
    ]
    assert make_brief(articles, Options(words=20)).headline == "Rain helps crews contain Tarvel fire"
    # reports of one day: the title closest to what they say, as before
    same_day = [dict(a, date="2021-03-04") for a in articles]
    assert make_brief(same_day, Options(words=20)).headline == "Firefighters hold the line as blaze nears Tarvel"


# A made-up flood week at Kelsby: a toll that rises, an engineer's forecast, reports of one day.
_TOLL_FIVE = "The death toll from the Kelsby floods rose to five on Monday, the county coroner said."
_TOLL_SIX = "The death toll from the Kelsby floods rose to six on Monday night, the county coroner said."


def test_figures_that_differ_for_one_quantity_are_two_entries() -> None:
    corpus = corpus_of(
        f"The river Marrow burst its banks at Kelsby on Sunday. {_TOLL_FIVE}",
        f"Rescue boats searched the lower town of Kelsby for a third day. {_TOLL_SIX}",
        dates=("2023-03-14", "2023-03-14"),
    )
    monday = [e for e in build_timeline(corpus, families_of(corpus)) if e["date"] == "2023-03-13"]
    # the reader sees the toll rise, each figure cited to the report that gives it
    assert [(e["text"], e["sources"]) for e in monday] == [(_TOLL_FIVE, ["a1"]), (_TOLL_SIX, ["a2"])]


def test_a_week_in_a_quotation_or_a_forecast_dates_no_entry() -> None:
    corpus = corpus_of(
        "\"We expect the water in the Marrow to fall this week,\" said Dana Verrow, the river authority's chief engineer. "
        "The council is expected to reopen the Kelsby quay this week. "
        "Volunteers filled sandbags along the Kelsby quay this week.",
        dates=("2023-03-15",),
    )
    assert [e["text"] for e in build_timeline(corpus, families_of(corpus))] == [
        "Volunteers filled sandbags along the Kelsby quay this week."
    ]


def test_of_the_newest_days_reports_the_latest_is_the_one_the_sources_tell_alike() -> None:
    corpus = corpus_of(
        "The river Marrow burst its banks at Kelsby and flooded the lower town on Sunday.",
        "A bakery on the Kelsby high street has sold the same rye loaf for ninety years.",
        "Flood water in the lower town of Kelsby began to fall as the river Marrow went down.",
        dates=("2023-03-13", "2023-03-15", "2023-03-15"),
    )
    assert [e["sources"] for e in latest_report(corpus)] == [["a3"]]


@pytest.mark.parametrize(
    "sentence, phrase, expected",
    [
        # a numeric date whose day is above 12 says its order; a two-digit year is the one before publication
        ("Ferries stopped sailing from Kelsby on 25/3/2017.", "25/3/2017", "2017-03-25"),
        ("Ferries stopped sailing from Kelsby on 25.3.2017.", "25.3.2017", "2017-03-25"),
        ("The Kelsby pier reopened 10/14/2017 after repairs.", "10/14/2017", "2017-10-14"),
        ("The wreck of the Arden was found 7/17/96 off the point.", "7/17/96", "1996-07-17"),
        ("The lock was opened on 4/4/2017 for the season.", "4/4/2017", "2017-04-04"),
        # one that could be either: the text's other numeric dates decide...
        ("The lock opened on 25/3/2017 and closed again on 3/4/2017.", "3/4/2017", "2017-04-03"),
        ("The lock opened on 3/25/2017 and closed again on 3/4/2017.", "3/4/2017", "2017-03-04"),
        # ...or, in a sentence about the past, the one reading not after publication (October 11, not November 10)
        ("The keeper filed her report on the flood on 10/11/2017.", "10/11/2017", "2017-10-11"),
        # the end of a range names the year of its start
        ("From October 20 through December 1, 2003 the Kelsby dock was shut.", "October 20", "2003-10-20"),
        ("The quay was closed from December 20 to January 5, 2004 for dredging.", "December 20", "2003-12-20"),
        ("The quay was closed between 20 October and 1 December 2003 for dredging.", "20 October", "2003-10-20"),
        # next week and next month
        ("The harbour board will meet next week to set the tolls.", "next week", "2017-10-23"),
        ("The new ferry enters service next month, the operator said.", "next month", "2017-11"),
    ],
)
def test_numeric_dates_range_years_and_next_week_or_month(sentence: str, phrase: str, expected: str) -> None:
    found = find_dates(sentence, PUBLISHED)
    assert (phrase, expected) in [(p, d) for p, d, _ in found], found


@pytest.mark.parametrize(
    "sentence",
    [
        "The lock opened on 3/4/2017 and the harbour board meets next week.",  # March 4 or April 3: nothing decides
        "The keeper will file her report on 10/11/2017 and the harbour board meets next week.",  # to come: either could be
        "Tolls will rise over the next month and the harbour board meets next week.",  # a span, not a date
        "The new pier opens next year and the harbour board meets next week.",  # mostly a forecast: not read
        "The harbour board will publish version 1.5.10 of the tide tables next week.",  # no date
    ],
)
def test_undecided_numeric_dates_and_spans_ahead_are_not_read(sentence: str) -> None:
    assert [phrase for phrase, _, _ in find_dates(sentence, PUBLISHED)] == ["next week"]


def test_a_numeric_date_takes_its_order_from_the_sources_other_reports() -> None:
    texts = ("The Kelsby lock was shut on 25/3/2017 after a flood.", "The Kelsby lock reopened to boats on 3/4/2017.")
    articles = [
        CleanArticle(article=Article(id=f"a{k}", text=t, date="2017-10-17", source="Kelsby Echo"), blocks=((0, len(t)),), date="2017-10-17")
        for k, t in enumerate(texts, 1)
    ]
    corpus = build_corpus(articles)
    assert {e["text"]: e["date"] for e in build_timeline(corpus, families_of(corpus))} == {
        texts[0]: "2017-03-25",
        texts[1]: "2017-04-03",  # the Echo writes its day first
    }


def test_a_plan_for_next_week_is_an_entry_but_a_guess_is_not() -> None:
    corpus = corpus_of(
        "The inquiry into the Kelsby ferry sinking is scheduled to open next week. "
        "The wreck of the Kelsby ferry could be raised next week. "
        "\"We will reopen the Kelsby crossing next week,\" said Ivo Marren, the operator's chief.",
        dates=("2017-10-17",),
    )
    timeline = build_timeline(corpus, families_of(corpus))
    assert [(e["date"], e["precision"], e["text"]) for e in timeline] == [
        ("2017-10-23", "week", "The inquiry into the Kelsby ferry sinking is scheduled to open next week.")
    ]


def test_a_period_still_running_until_a_date_is_the_reports_news() -> None:
    corpus = corpus_of(
        "The Kelsby ferry operator was ordered to suspend all crossings until Dec. 2. "
        "The Kelsby coast road was closed until Oct. 9 after the landslip. "
        "The Kelsby footbridge won't reopen until Dec. 2 at the earliest.",
        dates=("2017-10-17",),
    )
    assert {e["text"][:24]: e["date"] for e in build_timeline(corpus, families_of(corpus))} == {
        "The Kelsby ferry operato": "2017-10-17",  # the suspension is the news, Dec. 2 its end
        "The Kelsby coast road wa": "2017-10-09",  # ended: the day it reopened
        "The Kelsby footbridge wo": "2017-12-02",  # not until then: the day it reopens
    }


def test_undated_sentences_on_different_weekdays_are_different_events() -> None:
    corpus = corpus_of(
        "Fire crews put out the blaze at the Kelsby pier on Saturday, the fire service said.",
        "Fire crews put out the blaze at the Kelsby pier on Thursday, the fire service said.",
    )
    assert sorted(e["phrase"] for e in build_timeline(corpus, families_of(corpus))) == ["on Saturday", "on Thursday"]


_WORDS = "apple bridge cellar dance engine forest garden harbour island jungle kettle ladder meadow needle orchard pencil".split()


def test_a_capped_timeline_keeps_what_happened_before_plans_and_background() -> None:
    events = [f"The {w} {w}s were {w}ed on {i + 1} March by {w} {w}ers." for i, w in enumerate(_WORDS[:10])]
    plans = [f"The {w} {w}ers will open a {w} hall on {i + 1} April." for i, w in enumerate(_WORDS[10:16])]
    background = [f"The first {w} guild was founded in {1900 + i} by {w} makers." for i, w in enumerate(_WORDS[:4])]
    corpus = corpus_of(" ".join(events + plans + background), dates=("2025-03-20",))
    timeline = build_timeline(corpus, families_of(corpus))
    assert len(timeline) == MAX_TIMELINE_ENTRIES
    assert [e["date"] for e in timeline[:10]] == [f"2025-03-{day:02d}" for day in range(1, 11)]
    assert all(e["date"].startswith("2025-04") for e in timeline[10:])  # the plans before the background


def test_a_capped_timeline_follows_the_story_over_its_days_not_its_busiest_one() -> None:
    busy = [f"On Thursday the {w} {w}ers of {v} marched to the {v} {w} gate." for w, v in zip(_WORDS[:12], _WORDS[4:16])]
    earlier = [f"The {w} {w}s were {w}ed on {i + 1} March by {w} {w}ers." for i, w in enumerate(_WORDS[10:16])]
    corpus = corpus_of(" ".join(earlier + busy), dates=("2025-03-20",))  # a Thursday
    timeline = build_timeline(corpus, families_of(corpus))
    assert len(timeline) == MAX_TIMELINE_ENTRIES
    assert {e["date"] for e in timeline} >= {f"2025-03-{day:02d}" for day in range(1, 7)}


def test_a_capped_timeline_gives_a_day_to_a_line_of_another_story_last() -> None:
    busy = [f"On Thursday the {w} {w}ers of {v} marched to the {v} {w} gate." for w, v in zip(_WORDS[:12], _WORDS[4:16])]
    earlier = [f"The {w} {w}ers repaired the flood wall on {i + 1} March." for i, w in enumerate(_WORDS[10:15])]
    stray = "Rookie striker Tam Oyelaran scored twice in the cup final on Saturday night."  # a digest's sports line
    corpus = corpus_of(
        " ".join([*earlier, stray, *busy]),
        "Marchers reached the town gate at dawn after the flood wall failed. Oysters sold out early. Kites drifted over the dunes.",
        "Crowds marched to the gate beside the flood wall. Violins tuned softly in the chapel. Pumpkins ripened slowly.",
        dates=("2025-03-20",) * 3,  # a Thursday
    )
    timeline = build_timeline(corpus, families_of(corpus))
    assert len(timeline) == MAX_TIMELINE_ENTRIES
    assert not [e for e in timeline if "striker" in e["text"]]
    assert sum(e["date"] == "2025-03-20" for e in timeline) == 10


def test_undated_phrases_keep_the_precision_they_name() -> None:
    corpus = corpus_of(
        "The harbour ferry service was suspended in March after a storm. Pier repairs began last week at the south quay. "
        "The council raised the ferry fares last year for every route."
    )
    timeline = build_timeline(corpus, families_of(corpus))
    assert {e["phrase"]: e["precision"] for e in timeline} == {"in March": "month", "last week": "week", "last year": "year"}
    assert all(e["date"] is None for e in timeline)


def test_undated_reports_of_different_months_are_two_events() -> None:
    corpus = corpus_of(
        "The harbour ferry service was suspended in March after the storm damaged the pier.",
        "The harbour ferry service resumed in June after the storm damage to the pier was repaired.",
    )
    timeline = build_timeline(corpus, families_of(corpus))
    assert sorted(e["phrase"] for e in timeline) == ["in June", "in March"]


def test_one_sentence_in_reports_a_day_apart_is_one_entry_at_the_earlier_day_unless_its_figures_differ() -> None:
    def dated_entries(first: str, second: str) -> list[tuple[str, list[str]]]:
        corpus = corpus_of(
            f"{first} Gulls circled the empty quay.",
            f"Fishing crews moved their boats to the south basin before dawn. {second}",
            dates=("2025-03-19", "2025-03-20"),
        )
        return [(e["date"], e["sources"]) for e in build_timeline(corpus, families_of(corpus)) if "harbour" in e["text"]]

    pier = "The harbour board said today that the north pier will close for a month of repairs."
    assert dated_entries(pier, pier) == [("2025-03-19", ["a1", "a2"])]
    toll = "The harbour storm killed {} people today, the coast guard said."
    assert dated_entries(toll.format(12), toll.format(14)) == [("2025-03-19", ["a1"]), ("2025-03-20", ["a2"])]
