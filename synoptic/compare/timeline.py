"""Timeline: the dates the reports mention, resolved against each article's publication date.

Candidate phrases are found with one precompiled regex and resolved by small rules (no dateparser
call per sentence: it costs ~1 ms a phrase, the rules a few microseconds):

- weekdays ("on Tuesday", "Monday night") → the most recent such day on or before publication, or
  the first on or after it in a clause about what is to come ("will start work on Friday", "is
  scheduled to begin Monday") or after a schedule that governs it ("the trial resumes Monday", "has
  until Friday to reply"), and the day after publication is that next day, not six days back;
  "last Monday" → strictly before; "next Monday" → strictly after; "on Monday, Sept. 27" → Sept. 27;
- "yesterday", "today", "tonight", "last night", "this/last week", "this/last month", "this/last year",
  and "next week", "next month" when they date a plan (not "over the next month", not a guess);
- months ("in early June", "since November") → YYYY-MM, the year chosen so it is not after publication
  (not before it in a clause about what is to come or after a schedule: "plans to close the pier in
  December", "the contracts expire in September"), and "last March" or "since March" never after it,
  "last March" not its month either (in a March report: a year before);
- month-day ("Oct. 16", "October 16", "16 October") → the publication year, or the year before when
  that would put the day more than FUTURE_SLACK_DAYS after publication (unless it is to come);
- either, a few months ahead in a sentence that tells nothing in the past ("the contracts expire Sept.
  14") or just after a cue of what is pending ("pending sentencing Sept. 13") → the coming one
  (AHEAD_REACH_DAYS); a year the text names ("June 1 last year", "this November") or the end of a
  range names ("from October 20 through December 1, 2003") → that year;
- "last June 15" → the latest June 15 before publication; "next March" → the first March after the month of
  publication;
- seasons ("last summer", "this fall", "next spring", "the summer of 1997") → the season, YYYY-MM of its first
  month (precision "season", northern hemisphere; see _SEASON_STARTS);
- full dates ("October 16, 2017", "Oct. 12-13, 1992": its first day, "16 October 2017", "2017-10-16"),
  "June 2014", "October, 1995" and years ("in 2014");
- numeric dates ("25/3/2026", "7/17/96", "25.3.2026"), when a part above 12, the text's or its source's
  other numeric dates, or the past say which part is the day (_numeric_day), else not at all.

A sentence dated only by the end of a period still running ("suspend crossings until May 25") is
dated by its report: the suspension is the news. Undated, sentences on different weekdays are never
one entry.

Publication dates are read in any spelling the stories accept (ISO, RFC 822, "Aug 15, 2005"); a
removed dateline's day a few days off it ("KELSBY, March 14 (Wire) --") is what the text counts from.
A date that names an event ("after the April 20 massacre") dates its sentence only when the
sentence has no other, and a sentence that tells about the event ("three of the July 7 bombers") on
a day it does not say is no entry. An article without a date uses the date of a removed dateline or photo
caption, else the most common date of the cluster's articles, and its relative dates are marked
``approximate``; with no date at all, relative phrases stay literal (date null) while absolute ones
still resolve.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta

import numpy as np
from rapidfuzz import fuzz

from synoptic.analyze.sentences import Corpus, is_chronology_entry, reads_alone
from synoptic.analyze.tokens import word_count
from synoptic.analyze.vectors import similarity_matrix
from synoptic.clean import is_news_budget
from synoptic.compare.conflicts import Mention, same_quantity, sentence_figures
from synoptic.compare.scan import either_case, finditer_near
from synoptic.model import CleanArticle
from synoptic.summarize.citations import supporting_sentences
from synoptic.summarize.methods import cross_source_support

LATEST_MIN_WORDS = 8  # the newest report's opening must say something: not a dateline scrap or a label
MAX_TIMELINE_ENTRIES = 15  # a brief's timeline is a reading aid: the 15 best-supported dated events
# A dated sentence only one source tells, which the other sources match less than all but the cluster's
# 10% least matched sentences, is about something else: another story's paragraph in a digest or a
# news budget ("Lee wants to raise the issue again in the Dec. 5 session…" in a teacher's trial
# cluster). On the dev sets it drops 48 entries, about half off the story or saying nothing ("Today it
# is 1-to-6."); the rest are one-source details, and better-matched entries of the story take their
# place. At 20% it dropped twice as many, more of them on the story. A share needs sentences to be a
# share of: clusters of fewer than OFF_TOPIC_MIN_SENTENCES keep every entry.
OFF_TOPIC_QUANTILE = 0.1
OFF_TOPIC_MIN_SENTENCES = 10
# Two sentences with the same date are one event when their normalised texts score at least this
# (rapidfuzz ratio): syndicated copies and light rewrites of the seeds and sample score 85-100,
# different events on the same day stay below 60.
SAME_EVENT_RATIO = 80
# …and two sentences of different articles on the same *day* are one event from this TF-IDF cosine up:
# in the sample, reports of one event in other words score 0.20-0.33 ("Rescuers on Wednesday freed the
# last people…" / "The last passengers … were brought out on Wednesday morning"), different events of
# one day 0.11-0.15. The same holds for one month: on the dev sets the 9 pairs of one month it merges are
# each one event ("began their assault in early June" / "The battle inside Raqqa started in June"). A month
# is matched against every sentence of the entry, of any article (a report that tells the start of a
# campaign twice, once with its backers): on the dev sets and the seeds that merges 4 more, 2 of them one
# event, 1 two events (a show's return and its ratings that month), 1 arguable.
SAME_EVENT_COSINE = 0.2
# A month-day later than this after publication is read as last year's ("December 5" in an October
# report): news does announce near-future dates ("talks resume on Oct. 20"), rarely ones months ahead.
FUTURE_SLACK_DAYS = 30
# A dateline's day ("KELSBY, March 14 (Wire) --") is the day the text's "today" and "on Monday" count
# from, and beats the article's own date when the two are this close: in the dev sets 163 wire reports
# carry a date one day after their dateline (filed the next day in the agency's time zone), none differ
# by 2-3 days, the few further apart are datelines of other stories in a digest.
DATELINE_SLACK_DAYS = 3
# Reports dated on days at most this far apart follow one developing story, where a report a day older
# already tells an earlier state ("militias close in on the city" the day before it falls), so the
# headline is taken from the newest reports (see stale_reports). Calibrated on the headlines of the dev
# sets and the seeds: at 2 days 9 of 394 change (4 better by reading, 1 worse, 4 as good); at 7 days 14
# change, 3 of them worse (a refinery fire or the hospitals heading an earthquake's toll): a story followed for a
# week or more is a run of episodes, and the newest episode's title is no more the story's than the first's.
DEVELOPING_SPAN_DAYS = 2

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|Jun\.|July|Jul\.|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_SEASON = r"(?:[Ss](?:pring|ummer)|[Ff]all|[Aa]utumn|[Ww]inter)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
# A month with no day after it: not inside a word, not "Nov" cut from "Nov. 16" nor "October" from
# "October, 1995", and a full stop after a whole name ends the sentence ("began in November.").
_MONTH_ALONE = rf"(?!\w|(?<=[A-Z][a-z]{{2}})(?<!May)\.|(?<=Sept)\.|\.?\s+\d|,\s+{_YEAR}\b)"



def _words(*words: str) -> str:
    """Alternatives matching each word in lower case or capitalised (faster than re.IGNORECASE)."""
    return "(?:" + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in words) + ")"


_REL = _words("last", "next", "this", "on", "early", "late")
_PREP = _words("in", "since", "by", "until", "till", "from", "through", "during", "of", "last", "this", "next")
_EARLY = _words("early", "mid", "late")
_YPREP = _words("in", "since", "by", "until", "from", "of", "during", "early", "late", "mid")
_RELATIVE = (
    rf"{_words('yesterday', 'today', 'tonight')}|{_words('last', 'this')}\s+(?:night|week|month|year)"
    rf"|{_words('next')}\s+(?:week|month)\b(?!['’]s)"
    rf"|{_words('earlier', 'later')}\s+this\s+(?:week|month|year)"
)

# "25/3/2026", "3/25/26", "25.3.2026" (see _numeric_day); not before more numbers ("1/2/2026/7"), nor
# "1.5.10" (a version, a score: a two-digit year only after slashes). It starts with its digits, which
# fail fast where a look-behind would be tried at every position of the scan.
_NUMERIC_DATE = r"(?P<num_a>[0-3]?\d)(?P<num_sep>[/.])(?P<num_b>[0-3]?\d)(?P=num_sep)(?P<num_y>(?:1[89]|20)\d\d|\d\d)(?<!\.\d\d)(?![\d/]|\.\d)"
_NUMERIC = re.compile(_NUMERIC_DATE)

# One pass over a sentence finds every candidate; named groups say which rule resolves it. The
# leading \b and case-sensitive matching keep it at a few microseconds a sentence. A day range before
# its year ("Oct. 12-13, 1992"), a comma before a month's year ("in October, 1995") and "last" before a
# month-day ("last June 15") change 10 dev-set phrases: 5 dates wrong before are right, 5 keep their date.
# "Sunday school" is no day.
_CANDIDATES = re.compile(
    rf"""\b(?:
    (?P<iso>\b{_YEAR}-[01]\d-[0-3]\d\b)
  | (?P<num>{_NUMERIC_DATE})
  | (?P<mdy>\b(?P<mdy_m>{_MONTH})\s+(?P<mdy_d>{_DAY})(?:-{_DAY})?,?\s+(?P<mdy_y>{_YEAR})\b)
  | (?P<dmy>\b(?P<dmy_d>{_DAY})\s+(?P<dmy_m>{_MONTH})\s+(?P<dmy_y>{_YEAR})\b)
  | (?P<my>\b(?:{_EARLY}[\s-]+)?(?P<my_m>{_MONTH}),?\s+(?:of\s+)?(?P<my_y>{_YEAR})\b)
  | (?P<md>\b(?:{_words("last")}\s+)?(?P<md_m>{_MONTH})\s+(?P<md_d>{_DAY})\b(?![,\s]*\d))
  | (?P<dm>\b(?P<dm_d>{_DAY})\s+(?P<dm_m>{_MONTH})(?!\w|\.\w))
  | (?P<wd>\b(?:(?P<wd_rel>{_REL})\s+)?(?P<wd_day>{_WEEKDAY}){_PART}\b(?!\s+[Ss]chool))
  | (?P<mon>\b{_PREP}\s+(?:{_EARLY}[\s-]+)?(?P<mon_m>{_MONTH}){_MONTH_ALONE}(?!\s+of\s+{_YEAR}))
  | (?P<mon2>\b{_EARLY}[\s-]+(?P<mon2_m>{_MONTH}){_MONTH_ALONE})
  | (?P<sy>\b(?P<sy_s>{_SEASON}),?\s+(?:of\s+)?(?P<sy_y>{_YEAR})\b(?![-/]))
  | (?P<season>\b(?:{_words("last", "next")}|{_words("this")}(?:\s+past)?)\s+(?P<season_s>{_SEASON})\b)
  | (?P<year>\b{_YPREP}[\s-]+(?P<year_y>{_YEAR})\b(?![-/]))
  | (?P<rel>\b(?:{_RELATIVE})\b)
    )""",
    re.VERBOSE,
)


# A date in a clause about what is to come is the next such day or month, not the last: "crews will
# start work on Friday", "classes are scheduled to begin Monday", "students are to return Monday", "the
# trial is set for Aug. 9" (in a March report), "the inspection is due on Thursday", "the agency plans to enforce the rules in October" (in a
# July one), and a plan reported: "the union said its crews would stay out until Friday" ("would have"
# tells of the past, "would not comment on Monday's statement" of a refusal). The marker stands before the
# date in the same clause (no comma, semicolon or colon between them) and no relative clause ("which",
# "who", "that", "since") intervenes, which may tell of the past ("will inspect the bridge that collapsed
# on Monday"). Dev sets: "would" moves 29 dates, 26 of them right by reading where they were wrong, 3 wrong
# ("would nullify an executive order issued in May").
_FUTURE = re.compile(
    r"(?:\b(?:will|shall|won't|would(?!\s+(?:have|not\s+(?:comment|say|confirm|discuss|disclose|elaborate))\b))|\w'll|\b(?:is|are|am)\s+(?:(?:scheduled|due|set|expected|going|planning|supposed)\s+)?to"
    r"|\b(?:plans?|planned|scheduled|set|slated)\s+(?:to|for)|\bdue\s+for|\b(?:is|are)\s+due(?!\s+to\b))"
    r"\s(?![^,;:]*\b(?:which|who|that|since)\b)[^,;:]*$"
)
_FUTURE_REACH = 120  # characters before a date searched for the marker: a clause is rarely longer


# A weekday naming the day after publication ("said Sunday" in a report dated Saturday) is that next day,
# not the one six days before: in the dev sets, 26 of 30 such weekdays were a plan ("goes on trial Monday",
# "resume on Tuesday") or a wire report dated in US time from a place already a day ahead (Asian markets,
# Australian and Pacific stories); 4 told of six days before.
_DAY_AFTER = 6  # (publication's weekday − the weekday) mod 7
# ...but not after "since", which counts from a day gone by ("the first arrests since Friday's bombing" in
# a report dated Thursday: the one dev-set weekday after "since" the rule moved, and it was wrong).
_SINCE = re.compile(r"\b[Ss]ince\s+$")


def _to_come(match: re.Match[str]) -> bool:
    """Whether the date phrase stands in a clause about what is to come (_FUTURE)."""
    return _FUTURE.search(match.string, max(0, match.start() - _FUTURE_REACH), match.start()) is not None


# A date a schedule governs is ahead too, though no "will" says so: a schedule told in the present ("the
# exhibition opens on May 21", "the contracts expire in September", "the trial resumes Monday", "the
# magazine goes on sale Wednesday", "the talks, which run until Friday"), a deadline ("each has until
# Friday to reply", "gave the council until April 15 to act, and the union until May 1"), a plan stated
# ("the debate is expected as early as Monday", "the report is now due in June", "due to start Sunday",
# "their next hearing is Sunday"), and a start in a clause that tells nothing in the past ("will require helmets, beginning in
# March"; not "urged a strike beginning on May 13", "airstrikes beginning in early August had killed").
# The cue stands at most six words before the date, with no verb in the past tense between, and no
# habit ("the rainy season normally ends in December") before it. A weekday the day before publication
# stays there: "stops drawing water for four days starting Wednesday" in a Thursday report is the day
# before's news in the present tense, as a headline tells it. Dev sets: 44 dates move, all to the next
# one by reading ("the fiscal year that begins Oct. 1" in March: this October, "whose term expires in
# June" in July: next June); left as they were: a deadline the day before ("until Wednesday to file"),
# a clause that "until" opens ("until the budget is revealed on Monday"), a plan in the past tense ("the
# Corps scheduled a news conference for Monday", "was programmed to activate on Monday": as often past).
_DEADLINE = r"(?<!\bnot )(?<!n't )(?<!\bdid )\b(?:has|have|gives?|gave|given|granted|grants?)\s+(?:[^\s,;:]+\s+){0,3}?until"
_DEADLINE_GIVEN = re.compile(_DEADLINE)
_SCHEDULE = re.compile(
    r"(?:(?:\b(?:opens|reopens|begins|starts|resumes|ends|expires|runs|closes|returns|meets|goes|airs|premieres|convenes)"
    r"|(?:(?<=[a-z]{2}[a-rt-z]s )|(?<=\bwhich )|(?<=\bthat )|(?<=\bthey ))(?:open|reopen|begin|start|resume|expire|run|convene|meet))"
    r"(?!\s+(?:On|In|From|At|By)\b)"  # "reconstruction begins On March 20, …": a heading run into the text
    rf"|{_DEADLINE}"
    r"|\b(?:is|are)\s+(?:now\s+|not\s+|also\s+|still\s+)?(?:expected|due|scheduled|slated)"
    r"|\b[Dd]ue\s+(?:in|on|at|to\s+(?:be|start|begin|open|resume|meet|end|expire|arrive|return|take\s+place))"
    r"|\bnext\s+(?:[a-z]+\s+){1,3}(?:is|are))"
    r"(?P<between>(?:\s+[^\s,;:]+){0,6}?)\s+$"
)
_STARTING = re.compile(r"\b(?:[Ss]tarting|[Bb]eginning|[Ee]ffective)\s+(?:(?:on|from|in|at)\s+)?$")
_HABIT = re.compile(r"\b(?:[Nn]ormally|[Gg]enerally|[Uu]sually|[Tt]ypically|[Tt]raditionally|[Oo]ften|[Aa]lways)\b")
_SCHEDULE_REACH = 90  # characters before a date searched for the cue: six words and the cue
_RELATIVE_WORD = re.compile(r"\b(?:which|who|that)\b")


def _scheduled(match: re.Match[str]) -> bool:
    """Whether a schedule, a deadline or a start governs the date phrase (see _SCHEDULE)."""
    text, start = match.string, match.start()
    if _HABIT.search(text, 0, start):
        return False
    if _UNTIL_BEFORE.search(text, max(0, start - 16), start) and _DEADLINE_GIVEN.search(text, 0, start):
        return True  # "gave the city until Monday to reply, and the union until Wednesday"
    cue = _SCHEDULE.search(text, max(0, start - _SCHEDULE_REACH), start)
    if cue is not None:
        return _PAST_TENSE.search(cue.group("between")) is None and not _RELATIVE_WORD.search(cue.group("between"))
    if _STARTING.search(text, max(0, start - 20), start) is None:
        return False
    clause_start = max((m.end() for m in _CLAUSE_MARK.finditer(text, 0, start)), default=0)
    clause = text[clause_start : _clause_end(text, match.end())]
    return _PAST_TENSE.search(clause) is None or _TO_COME_WORD.search(text, match.end()) is not None


# A plan told in the past ("Graham planned to present the study Aug. 25", "Graham, scheduled to present
# his findings in late August", in October reports) was for a day that may have passed: it is not moved to
# next year. Dev sets: 2 dates, both right after ("would nullify an order issued in May" stays wrong).
_PLANNED_THEN = re.compile(r"\b(?:planned|(?<!is )(?<!are )(?<!be )(?<!been )(?:scheduled|set|slated))\s+(?:to|for)\s[^,;:]*$")


def _planned_then(match: re.Match[str]) -> bool:
    """Whether the plan before the date phrase is told in the past (_PLANNED_THEN)."""
    return _PLANNED_THEN.search(match.string, max(0, match.start() - _FUTURE_REACH), match.start()) is not None


# "June 1 last year", "April 12 of last year", "January 1 next year", "October 1, this year", "this
# November": the text names the year.
_YEAR_AFTER = re.compile(r",?\s+(?:of\s+)?(last|next|this)\s+year\b")
_YEAR_SHIFT = {"last": -1, "next": 1, "this": 0}


# "From October 20 through December 1, 2003", "between 20 October and 1 December 2003", "from October to
# December 2003": the range's end names the year of its start, or of the year before when the start's
# month comes later ("from December 20 to January 5, 2004").
_RANGE_END = re.compile(
    rf"(?:\s*[-–]\s*|\s+(?:through|thru|to|until|till|and)\s+)(?:{_EARLY}\s+)?"
    rf"(?:(?P<end_m>{_MONTH})(?:\s+{_DAY})?|{_DAY}\s+(?P<end_m2>{_MONTH})),?\s+(?P<end_y>{_YEAR})\b"
)


# A chronology's line under its year ("1939: In April, NBC airs…", "1999: Nov. 22 -- Elian leaves Cuba"): the
# heading names the year of the months and days after it. Dev sets: 2 such lines (one moves, 1999-04 to 1939-04).
_YEAR_HEADING = re.compile(rf"\W*({_YEAR})\s*(?::|--|—|–)\s")


def _year_named(match: re.Match[str], published: date) -> int | None:
    """The year a month or month-day phrase names relative to publication, by the end of a range it
    opens or by its chronology line's heading, or None when it names none."""
    kind = _kind(match)
    if (heading := _YEAR_HEADING.match(match.string)) and heading.end() <= match.start(kind):
        return int(heading.group(1))
    stated = _YEAR_AFTER.match(match.string, match.end(kind))
    if stated:
        return published.year + _YEAR_SHIFT[stated.group(1)]
    if ended := _RANGE_END.match(match.string, match.end(kind)):
        start_month = _month(match.group(f"{kind}_m"))
        return int(ended.group("end_y")) - (start_month > _month(ended.group("end_m") or ended.group("end_m2")))
    return published.year if match.group(kind)[:5].lower() == "this " else None


# A month or month-day up to four months after publication, with no marker of what is to come, is still
# the coming one when the sentence tells nothing in the past ("The current contracts expire Sept. 14.",
# "The fiscal year that begins Oct. 1", "O'Brien returns to fiction in April", in June, March and January
# reports), and up to two months after it when a cue of what is pending stands close before it ("custody
# pending sentencing Sept. 13", "suspended flights through September", "is due July 8", "could default
# in October"). A sentence with a verb in the past tense ("The outbreak occurred in late August", "filed
# for divorce July 29") and a chronology's line ("Dec. 11 - Jackson issues an injunction") keep last
# year's. Dev sets and seeds: of 1,733 distinct month and month-day phrases these rules, with the named
# years (_year_named) and past plans (_planned_then), move 63, 60 of them right where they were wrong by
# reading, 2 of no fixed year (gardening advice: "from mid-October"), 1 wrong ("the devaluation of its
# currency in January", a noun for a past event). Further ahead, a sentence with no past verb tells of
# the past as often as not ("a sentence for assaulting two men after an accident in August", 6 months).
AHEAD_REACH_DAYS = 122
CUE_REACH_DAYS = 62
# ("at any given time" is no past: "Today there are 5,000 students at any given time" is nowadays.)
_PAST_TENSE = re.compile(
    r"\b(?:was|were|had|did|said|told|went|came|made|took|gave|began|won|lost|fell|rose|struck|left|met|found|"
    r"got|held|saw|knew|thought|brought|bought|sent|spent|built|paid|ran|led|wrote|spoke|broke|chose|drove|flew|"
    r"grew|threw|stood|sat|sold|kept|felt|heard|meant|fought|caught|taught|pled|fled|shot|hit|cut|put|shut|quit|"
    r"hurt|beat|spread|became|sank|drew|stole|been|gone|done|seen|known|taken|(?<!\bany )given|agreed|freed|"
    r"(?!hundred\b)[a-z]{2,}(?<!e)ed)\b"
)
_PENDING = re.compile(
    r"(?:\b(?:pending|awaiting|until|till|through|by)\s+(?:\w+\s+)?$)"
    r"|\b(?:due|expected|could|should|must|may|might)\b[^,;:]*$"
)
_PENDING_PHRASE = re.compile(r"(?:[Bb]y|[Uu]ntil|[Tt]ill|[Tt]hrough)\s")
# "last March" and "since March" are never after publication, whatever the clause ("will appeal the ruling
# issued last March" in a May report is this year's March, not next year's), and "last March" is not the
# month of publication either: in a March report it is the March a year before.
_BEFORE_ONLY = re.compile(r"(?:[Ll]ast|[Ss]ince)\s")
# "next March" is the first March after the month of publication (in a March report, a year on), whatever
# the clause, as "last March" is the last one before it. Dev sets: 4 phrases, all right by reading ("on the
# road to Sydney next September", in a 1999 September report: 2000).
_AFTER_ONLY = re.compile(r"[Nn]ext\s")


def _reads_ahead(match: re.Match[str], gap: int) -> bool:
    """Whether a month or month-day ``gap`` days after publication, in a sentence with no marker of what
    is to come (_FUTURE), is that coming date rather than last year's (see AHEAD_REACH_DAYS)."""
    phrase = match.group(_kind(match))
    text = match.string
    if gap > AHEAD_REACH_DAYS or _BEFORE_ONLY.match(phrase) or is_chronology_entry(text):
        return False
    if gap <= CUE_REACH_DAYS and (
        _PENDING_PHRASE.match(phrase) or _PENDING.search(text, max(0, match.start() - _FUTURE_REACH), match.start())
    ):
        return True
    return _PAST_TENSE.search(text) is None


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")[:4] if name.lower().startswith("sept") else name.lower().rstrip(".")[:3]]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def parse_iso(value: str | None) -> date | None:
    """The date of an ISO date or datetime string (None when it is not one)."""
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# Numeric dates ("25/3/2026", "7/17/96", "25.3.2026"): a part above 12 is the day, which says the order;
# when both parts could be the month ("3/4/2026") the order is the one the text's other numeric dates show
# ("…filed 25/3/2026" makes its "3/4/2026" the 3rd of April), else the one the source's other reports
# show, else, in a sentence that tells of the past, the one reading that is not after publication ("filed
# its report on 3/4/2026" in a report of March 10), else the date is not read. A US dateline does not
# decide: US wire copy quotes European notices and the reverse, and a wrong day on a timeline misleads
# where a missing one does not.
_TWO_DIGIT_PIVOT = 2068  # a two-digit year is the latest year no later than this (Python's %y: 69 → 1969)


def _numeric_day(match: re.Match[str], published: date | None, day_first: bool | None) -> date | None:
    """The day a numeric date names, or None when it is no day or its order is undecided."""
    first, second, year = int(match.group("num_a")), int(match.group("num_b")), match.group("num_y")
    if len(year) == 2:  # "7/17/96": the century that puts it no later than a year after publication
        pivot = published.year + 1 if published else _TWO_DIGIT_PIVOT
        year = str(2000 + int(year) - (100 if 2000 + int(year) > pivot else 0))
    order = _numeric_order(first, second)
    if order is None and first != second:
        order = day_first if day_first is not None else _past_reading(match, published, int(year), first, second)
    if order is None and first != second:
        return None
    return _safe(int(year), second, first) if order else _safe(int(year), first, second)


def _past_reading(match: re.Match[str], published: date | None, year: int, first: int, second: int) -> bool | None:
    """Day first (True) or month first (False) when only that reading is not after publication in a
    sentence that tells of the past ("filed its report on 3/4/2026" in a report of March 10: not April 3);
    None when both could be, or the date is to come."""
    if published is None or _PAST_TENSE.search(match.string) is None or _to_come(match):
        return None
    day_first, month_first = _safe(year, second, first), _safe(year, first, second)
    if day_first and month_first and (day_first > published) != (month_first > published):
        return month_first > published
    return None


def _numeric_order(first: int, second: int) -> bool | None:
    """Whether a numeric date's parts are day then month (True), month then day (False), or either (None)."""
    if first > 12 >= second:
        return True
    if second > 12 >= first:
        return False
    return None


def _numeric_day_first(texts: list[str]) -> bool | None:
    """How ``texts`` order the day and month of their numeric dates: True day first, False month first,
    None when no date of theirs says so or they disagree."""
    orders = set()
    for text in texts:
        if "/" in text or "." in text:
            for match in _NUMERIC.finditer(text):
                if (order := _numeric_order(int(match.group("num_a")), int(match.group("num_b")))) is not None:
                    orders.add(order)
    return orders.pop() if len(orders) == 1 else None


def _kind(match: re.Match[str]) -> str:
    """Which alternative of _CANDIDATES matched."""
    return match.lastgroup if match.lastgroup in _KINDS else next(k for k in _KINDS if match.group(k))


def resolve(match: re.Match[str], published: date | None, day_first: bool | None = None) -> tuple[str | None, str]:
    """(date string or None, precision) for one candidate match; precision: day|week|month|year.
    ``day_first``: how the text's other numeric dates order day and month (see _numeric_day)."""
    kind = _kind(match)
    g = match.group
    if kind == "iso":
        d = parse_iso(g("iso"))
        return (d.isoformat() if d else None), "day"
    if kind == "num":
        d = _numeric_day(match, published, day_first)
        return (d.isoformat() if d else None), "day"
    if kind in ("mdy", "dmy"):
        d = _safe(int(g(f"{kind}_y")), _month(g(f"{kind}_m")), _day(g(f"{kind}_d")))
        return (d.isoformat() if d else None), "day"
    if kind == "my":
        return f"{int(g('my_y')):04d}-{_month(g('my_m')):02d}", "month"
    if kind == "year":
        return g("year_y"), "year"
    if kind == "sy":  # "the summer of 1997"; "winter 2003" may start in December before or after: the year
        season = g("sy_s").lower()
        return (g("sy_y"), "year") if season == "winter" else (f"{g('sy_y')}-{_SEASON_STARTS[season]:02d}", "season")
    if published is None:
        return None, _unresolved_precision(kind, g(kind))
    if kind in ("md", "dm"):
        month, day = _month(g(f"{kind}_m")), _day(g(f"{kind}_d"))
        year = _year_named(match, published)
        d = _safe(year or published.year, month, day)
        if d and year is None and _BEFORE_ONLY.match(g(kind)):  # "last June 15": the latest before publication
            d = d if d < published else _safe(published.year - 1, month, day)
        elif d and year is None:
            ahead = d if d >= published else _safe(published.year + 1, month, day)
            gap = (ahead - published).days if ahead else 366
            if _to_come(match) or _scheduled(match):  # "will be held May 21": this year's, or next year's when long past
                if (published - d).days > FUTURE_SLACK_DAYS and not _planned_then(match):
                    d = ahead
            elif (d > published and gap <= FUTURE_SLACK_DAYS) or _reads_ahead(match, gap):
                d = ahead
            elif d > published:
                d = _safe(published.year - 1, month, day)
        return (d.isoformat() if d else None), "day"
    if kind in ("mon", "mon2"):
        month = _month(g(f"{kind}_m"))
        year = _year_named(match, published)
        if year is None and _BEFORE_ONLY.match(g(kind)):  # see _BEFORE_ONLY
            year = published.year - (month > published.month or (month == published.month and g(kind)[0] in "Ll"))
        elif year is None and _AFTER_ONLY.match(g(kind)):  # see _AFTER_ONLY
            year = published.year + (month <= published.month)
        elif year is None and (_to_come(match) or _scheduled(match)):
            year = published.year + (1 if month < published.month and not _planned_then(match) else 0)
        elif year is None:
            ahead = (month - published.month) % 12
            if ahead == 0 or not _reads_ahead(match, 30 * ahead):
                year = published.year - (1 if month > published.month else 0)
            else:
                year = published.year + (1 if month < published.month else 0)
        return f"{year:04d}-{month:02d}", "month"
    if kind == "season":
        return _season(match, published), "season"
    if kind == "wd":
        rel = (g("wd_rel") or "").lower()
        back = (published.weekday() - _WEEKDAYS[g("wd_day").lower()]) % 7
        if rel == "next":
            return (published + timedelta(days=(7 - back) or 7)).isoformat(), "day"
        # the day after publication is that next day, not six days back, unless "since" it (see _DAY_AFTER)
        day_after = back == _DAY_AFTER and not _SINCE.search(match.string, max(0, match.start() - 7), match.start())
        if rel != "last" and (day_after or _to_come(match) or (back > 1 and _scheduled(match))):
            return (published + timedelta(days=-back % 7)).isoformat(), "day"
        if rel == "last" and back == 0:
            back = 7
        return (published - timedelta(days=back)).isoformat(), "day"
    phrase = " ".join(g("rel").lower().split())
    if phrase in ("today", "tonight", "this morning", "this evening"):
        return published.isoformat(), "day"
    if phrase in ("yesterday", "last night"):
        return (published - timedelta(days=1)).isoformat(), "day"
    unit = phrase.split()[-1]
    shift = -1 if phrase.startswith("last") else 1 if phrase.startswith("next") else 0
    if unit == "week":
        monday = published - timedelta(days=published.weekday() - 7 * shift)
        return monday.isoformat(), "week"
    if unit == "month":
        months = published.year * 12 + published.month - 1 + shift
        return f"{months // 12:04d}-{months % 12 + 1:02d}", "month"
    return str(published.year + shift), "year"


# Seasons are the northern hemisphere's, by the month each starts in (summer: June to August): the text
# rarely says which, and the dev sets' are northern. "this summer" is the one nearest the month of
# publication ("this spring" in an August report: the one gone; in a November one: the coming one), but
# not one over in a clause about what is to come (before it or after: "This fall we'll have 7,400
# volunteers", in March), and the nearest begun in a sentence that tells of the past ("the bill failed this
# spring", in November) unless it began more than _THIS_SEASON_BACK months before ("results are released
# this summer", in March, is no summer of last year: "released" reads as the past). "next summer" comes
# after the nearest ("next fall" in an August report: a year on; in a December one: the coming one). "last
# summer" is the latest that ended before the month of publication ("last fall" in a December report: the
# one just over), though one story's reports of September and October in the dev sets call the summer of
# the year before "last summer". A season is shown as one ("summer 2004"): a month would claim more than the
# text says, a year less. Dev sets: of 228 season phrases, 7 are dated wrong by reading (5 in those
# reports, "this fall's offerings" of books to come told in May, "efforts to get the funding this spring" in
# a November sentence that tells of the past).
_SEASON_STARTS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_THIS_SEASON_BACK = 8  # "traveled this winter to Barrow", in August: the winter begun eight months before


def _season(match: re.Match[str], published: date) -> str:
    """"YYYY-MM", the first month of the season a "last/this/next summer" phrase names (see _SEASON_STARTS)."""
    words = match.group("season").lower().split()
    rel = "last" if words[1] == "past" else words[0]  # "this past summer" is the last one
    now = published.year * 12 + published.month - 1
    starts = [year * 12 + _SEASON_STARTS[words[-1]] - 1 for year in range(published.year - 2, published.year + 2)]

    def nearest(options: list[int]) -> int:  # by the middle month, the later on a tie
        return min(options, key=lambda s: (abs(s + 1 - now), -s))

    if rel == "last":
        start = max(s for s in starts if s + 2 < now)
    elif rel == "next":
        start = nearest(starts) + 12
    elif _to_come(match) or _TO_COME_WORD.search(match.string, match.end(), _clause_end(match.string, match.end())):
        start = nearest([s for s in starts if s + 2 >= now])
    elif _PAST_TENSE.search(match.string) and (begun := [s for s in starts if 0 <= now - s <= _THIS_SEASON_BACK]):
        start = nearest(begun)
    else:
        start = nearest(starts)
    return f"{start // 12:04d}-{start % 12 + 1:02d}"


_CLAUSE_MARK = re.compile(r"[,;:]")


def _clause_end(text: str, start: int) -> int:
    """Where the clause holding ``start`` ends: at the next comma, semicolon or colon, else the text's end."""
    end = _CLAUSE_MARK.search(text, start)
    return end.start() if end else len(text)


def _unresolved_precision(kind: str, phrase: str) -> str:
    """How precise a relative phrase no publication date resolves is: "in March" a month, "last week" a
    week, "this year" a year, "on Monday" or "today" a day."""
    if kind in ("mon", "mon2"):
        return "month"
    if kind == "season":
        return "season"
    if kind == "rel":
        unit = phrase.split()[-1].lower()
        return unit if unit in ("week", "month", "year") else "day"
    return "day"


_KINDS = ("iso", "num", "mdy", "dmy", "my", "md", "dm", "wd", "mon", "mon2", "sy", "season", "year", "rel")
# Every candidate above contains one of these (a year, a month's first three letters, "…day", "tonight",
# "last/this week…", "last/this/next summer…") at most _BEFORE_TRIGGER characters after its start
# ("through early June"), and none runs _AFTER_TRIGGER characters past it. Three sentences in four have
# no trigger, so the full pattern runs only in windows around triggers (synoptic.compare.scan).
_BEFORE_TRIGGER = 40
_AFTER_TRIGGER = 40
# With single separators between its words a candidate starts at most 14 characters before its first
# trigger ("through early June", "earlier this week"); only runs of them ("in  early   June") push it
# further. The closer window saves a quarter of the scan on TAC 2010 (nine sentences in ten qualify).
_BEFORE_TRIGGER_SPACED = 14
_SEPARATOR_RUN = re.compile(r"[\s-]{2}")
# Every alternative starts with a plain character, so the scan jumps between the places holding one
# (synoptic.compare.scan.either_case).
_TRIGGER = re.compile(
    r"1[89]\d\d|20\d\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|day\b|"
    + either_case(
        "tonight", rf"last\s+(?:night|week|month|year|{_SEASON})", rf"this\s+(?:night|week|month|year|past|{_SEASON})"
    )
    # "next week" by its rare "x" (an "n" would stop the scan at every other word)
    + rf"|xt\s+(?:week|month|{_SEASON})|/"
)


_DAY_DATES = ("iso", "num", "mdy", "dmy", "md", "dm")
_APPOSITION = re.compile(r",?\s*")

# "today" that means nowadays dates nothing: "Today, oystermen use motorboats", "parents today couldn't
# manage that", "today's seniors", "as it is today", "in today's workplace". It is read so when it opens
# a clause whose rest tells nothing in the past nor to come (an attribution, ", she said", aside:
# "Today, the council voted…" and "Today, the board will hear…" are the report's day), stands between a
# plural and a present verb, names a plural ("today's news", "today's papers", "today's charges" are the
# day's), follows "of", "society", "population" or "exist" ("less than 1 percent of the population today",
# "no such fossils exist today"), or is compared ("than today", "as it is today"); "Today is the
# anniversary…" and "yesterday and today" name the day.
_NOWADAYS_OPENING = re.compile(r"(?:^[\W_]*|[;:]\s*|,\s+(?:and\s+|but\s+)?|\b(?:and|but)\s+)$")
_NOWADAYS_AROUND = re.compile(
    r"\b(?:[A-Za-z]+s|[Cc]hildren|[Pp]eople|[Mm]en|[Ww]omen)\s+today\s+(?:are|is|can|cannot|can't|could|couldn't|don't|doesn't|really|often|tend|must)\b(?!\s+\w+ing\b)"
    r"|\b(?:of|than)\s+today\b(?!['’])|(?<!early )(?<!soon )\bas\s+(?:it\s+(?:is|does)\s+)?today\b(?!['’])|\btoday\s+than\b|\bas\s+[a-z]+\s+today\s+as\b"
    r"|[Tt]oday['’]s\s+(?:(?!news\b|(?:news)?papers\b|editions\b|charges\b)[a-z-]*[a-rt-z]s|(?:[a-z0-9]+-[a-z0-9]+\s+)?[A-Z][a-z]+s|world|society|workplace)\b"
    r"|\bin\s+today['’]s\s+(?:economy|culture|climate)\b"
    r"|\b(?:society|population)\s+today\b|\bexists?\s+today\b"
)
# …and so does the "now" of a change counted from a year: "fell from half of the tenants in 1983 to a third
# today", "shrank to 17 percent today from 32 percent in 1991" (_THEN_REACH: characters before "today" read).
_THEN_BEFORE = re.compile(rf"\bin\s+{_YEAR}\b[^;:]{{0,80}}\bto\s[^;:]{{0,60}}$")
_THEN_AFTER = re.compile(rf",?\s+(?:up\s+|down\s+)?from\s[^;:]{{0,60}}\bin\s+{_YEAR}\b")
_THEN_REACH = 150
_NOWADAYS_REACH = 30  # characters either side of "today" read for the words around it
_TO_COME_WORD = re.compile(r"\b(?:will|shall|won't|would|is\s+to|are\s+to|going\s+to|expected|scheduled|set\s+to|due)\b|\w'll\b")
_DAY_AS_SUBJECT = re.compile(r"\s+(?:is|was)\b")
_ATTRIBUTION = re.compile(r",\s+(?:[\w.'’-]+\s+){1,4}(?:said|says|added|noted|wrote)(?=\s*[,.]|\s*$)")


def _means_nowadays(match: re.Match[str]) -> bool:
    """Whether a "today" phrase means nowadays, not the report's day (see _NOWADAYS_AROUND)."""
    text, start, end = match.string, match.start("rel"), match.end("rel")
    if (
        _NOWADAYS_AROUND.search(text, max(0, start - _NOWADAYS_REACH), end + _NOWADAYS_REACH)
        or _THEN_BEFORE.search(text, max(0, start - _THEN_REACH), start)
        or _THEN_AFTER.match(text, end)
    ):
        return True
    if not _NOWADAYS_OPENING.search(text, max(0, start - 6), start) or text[end : end + 2] in ("'s", "’s"):
        return False
    rest = _ATTRIBUTION.sub("", text[end:].split(";")[0])
    if _DAY_AS_SUBJECT.match(rest) or not re.search(r"\w", rest):
        return False  # "Today is the tenth anniversary…", "… carried out yesterday and today."
    return _PAST_TENSE.search(rest) is None and _TO_COME_WORD.search(rest) is None


# A weekday that is any or every such day ("every Friday", "each Wednesday night", "one Saturday", "on a
# Sunday morning", "on a recent Sunday", "every Saturday and Sunday") names no day the report counts from.
_VAGUE_WEEKDAY = re.compile(
    rf"\b(?:[Ee]very|[Ee]ach|[Oo]ne|[Ss]ome|[Aa]ny|[Oo]n\s+a|[Aa]\s+recent|[Oo]ne\s+recent)\s+(?:{_WEEKDAY}\s+(?:and|or)\s+)?$"
)
_VAGUE_WEEKDAY_REACH = 30  # characters before a weekday read for the words that make it any such day
# "last year" (or week, month) that a figure is compared with dates nothing: "somewhat fewer than last year",
# "up 16 percent over the same period of last year", "down 42 percent from the same period last year",
# "compared with last month"; "a decision from last year" and "since last year" still date their sentence.
# Dev sets: 14 phrases, each a comparison's base by reading.
_COMPARED_BEFORE = re.compile(
    r"\b(?:than|compared\s+(?:with|to)|versus|(?:over|from)\s+the\s+same\s+(?:period|time|month|quarter|week)(?:\s+of)?"
    r"|(?:up|down|percent)\s+(?:from|over))\s+$"
)
_COMPARED_REACH = 40  # characters before the phrase read for the comparison
_CAPITAL_AFTER = re.compile(r"\s+[A-Z]")
_OWNER_BEFORE = re.compile(r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Mm]y|[Oo]ur|[Yy]our)\s+$")


def _date_phrases(text: str) -> list[tuple[str, re.Match[str]]]:
    """(phrase, match) for each date phrase in ``text``: what ``find_dates`` resolves, whatever the date."""
    found: list[tuple[str, re.Match[str]]] = []
    for match in finditer_near(
        _CANDIDATES, _TRIGGER, text, _BEFORE_TRIGGER, _AFTER_TRIGGER, (_BEFORE_TRIGGER_SPACED, _SEPARATOR_RUN)
    ):
        kind = _kind(match)
        if kind == "mon" and match.group("mon_m") == "May" and match.group(kind).split()[0].lower() == "of":
            continue  # "of May" is too often a name ("the government of Theresa May")
        if kind == "rel" and found and (year := _YEAR_AFTER.match(text, found[-1][1].end())) and year.end() == match.end():
            continue  # "June 1 last year": the year of the day before it, no date of its own
        if kind == "rel" and match.group(kind)[:4].lower() == "next" and _THE_BEFORE.search(text, max(0, match.start() - 5), match.start()):
            continue  # "over the next month" is a span (see _HEDGED)
        if kind == "season" and (
            _OWNER_BEFORE.search(text, max(0, match.start() - 7), match.start())
            or (text[match.start("season_s")].isupper() and _CAPITAL_AFTER.match(text, match.end()))
        ):
            continue  # "the last summer of his life", "her last fall", "the next fall", "this Summer Olympics"
        if kind == "rel" and match.group(kind).lower() == "today" and _means_nowadays(match):
            continue
        if kind == "rel" and _COMPARED_BEFORE.search(text, max(0, match.start() - _COMPARED_REACH), match.start()):
            continue  # "fewer than last year": the base of a comparison, no event
        if kind == "wd" and _VAGUE_WEEKDAY.search(text, max(0, match.start(kind) - _VAGUE_WEEKDAY_REACH), match.start(kind)):
            continue
        if kind == "iso" and parse_iso(match.group(kind)) is None:
            continue  # "2025-13-01": a typo names no day, and shown as the entry's date it would pass for one
        if kind in _DAY_DATES and found and _kind(found[-1][1]) == "wd" and _APPOSITION.fullmatch(text, found[-1][1].end(), match.start()):
            found.pop()  # "on Monday, Sept. 27": the date says which Monday
        found.append((match.group(kind).strip(), match))
    return found


def find_dates(text: str, published: date | None) -> list[tuple[str, str | None, str]]:
    """(phrase, resolved date or None, precision) for each date phrase in ``text``."""
    return _resolved(_date_phrases(text), published, lambda: _numeric_day_first([text]))


def _resolved(
    phrases: list[tuple[str, re.Match[str]]], published: date | None, day_first: Callable[[], bool | None]
) -> list[tuple[str, str | None, str]]:
    """(phrase, resolved date or None, precision) for each of ``phrases``, but a numeric date whose order
    of day and month nothing decides ("3/4/2026"): no phrase at all, for shown undated it would pass for
    one the text cannot place. ``day_first`` is asked only when a numeric date needs it."""
    found = []
    for phrase, match in phrases:
        when, precision = resolve(match, published, day_first() if _kind(match) == "num" else None)
        if when is not None or _kind(match) != "num":
            found.append((phrase, when, precision))
    return found


def _dateline_date(clean: CleanArticle, base: date | None, rules: tuple[str, ...] = ("dateline", "caption")) -> date | None:
    """The date in a removed dateline ("KELSBY, March 14 -") or photo caption ("…, Syria, October 16,
    2017. REUTERS/…": the report is from that day or just after), resolved against ``base``."""
    for removal in clean.removals:
        if removal.rule not in rules:
            continue
        for _phrase, when, precision in find_dates(removal.text, base):
            if precision == "day" and when and len(when) == 10:
                return date.fromisoformat(when)
    return None


def publication_dates(corpus: Corpus, cluster_date: str | None = None) -> dict[str, date | None]:
    """Each article's publication date: its own, else its removed dateline's or caption's, else the cluster's.

    The cluster's date is ``cluster_date`` or the most common article date (the latest on a tie:
    reports look back, so a later base resolves "on Wednesday" right more often than an earlier one).
    """
    return {article: when for article, (when, _own) in _publication_dates(corpus, cluster_date).items()}


def _publication_dates(corpus: Corpus, cluster_date: str | None) -> dict[str, tuple[date | None, bool]]:
    """Article → (publication date, whether the article itself says it) — see publication_dates.

    Dates are read as the stories read them (synoptic.stories.features.parse_day): ISO, RFC 822
    ("Tue, 10 Mar 2025 09:00:00 GMT"), "Aug 15, 2005"; a partial or relative one is no date."""
    # imported here, not at the top: the stories package builds on this one
    from synoptic.stories.features import parse_day

    def day(value: str | None) -> date | None:
        ordinal = parse_day(value)
        return date.fromordinal(ordinal) if ordinal is not None else None

    # a date that only bounds publication (a crawl's capture day) is no date the article states: it neither
    # votes for the cluster's date nor makes the relative dates counted from it exact
    bounds = {clean.article.id: day(clean.date) for clean in corpus.articles if clean.article.date_approximate}
    own_dates = {clean.article.id: None if clean.article.id in bounds else day(clean.date) for clean in corpus.articles}
    # A near-copy's text counts its days from its original's date, not from when the copy was posted or
    # crawled (a WARC record of a page with no date of its own carries its capture day): "on Monday" in
    # both is one Monday, and a copy is neither a newer report nor a second vote for the cluster's date.
    for copy, original in corpus.copies.items():
        if own_dates.get(original):
            own_dates[copy] = own_dates[original]
    dates = Counter(d for d in own_dates.values() if d)
    fallback = day(cluster_date) or (max(dates.items(), key=lambda kv: (kv[1], kv[0]))[0] if dates else None)
    found = {}
    for clean in corpus.articles:
        own = own_dates[clean.article.id]
        if own is None:
            own = _dateline_date(clean, bounds.get(clean.article.id) or fallback)
        elif (line := _dateline_date(clean, own, ("dateline",))) and abs((line - own).days) <= DATELINE_SLACK_DAYS:
            own = line  # the text counts its days from its dateline, not from when it was filed
        found[clean.article.id] = (own or bounds.get(clean.article.id) or fallback, own is not None)
    return found


def stated_publication_dates(corpus: Corpus, cluster_date: str | None) -> dict[str, tuple[date | None, bool]]:
    """Article → (publication date, whether the article states it itself), as ``_publication_dates``,
    computed once per corpus (the timeline, stale reports and agreed facts' dates all ask)."""
    published = corpus.cache.get(("published", cluster_date))
    if published is None:
        published = corpus.cache[("published", cluster_date)] = _publication_dates(corpus, cluster_date)
    return published


def stale_reports(corpus: Corpus, cluster_date: str | None = None) -> set[str]:
    """Articles a newer report has overtaken, in a story told over a day or two (own dates on two or more
    days, at most DEVELOPING_SPAN_DAYS apart): those dated before the newest day. An article with no date
    of its own is as of the latest day (or week) its text mentions, and never stale when it mentions none.
    Empty for a story followed longer."""
    published = stated_publication_dates(corpus, cluster_date)
    own = {article: when for article, (when, stated) in published.items() if stated and when}
    days = set(own.values())
    if len(days) < 2 or (max(days) - min(days)).days > DEVELOPING_SPAN_DAYS:
        return set()
    reached: dict[str, date] = dict(own)
    for index, sentence in enumerate(corpus.sentences):
        if sentence.article in own:
            continue
        for phrase, when, precision in sentence_dates(corpus, index, cluster_date):
            if when and precision in ("day", "week") and phrase[:4].lower() != "next":  # a week to come is no "as of"
                last_day = date.fromisoformat(when) + timedelta(days=6 if precision == "week" else 0)
                reached[sentence.article] = max(last_day, reached.get(sentence.article, last_day))
    newest = max(days)
    return {article for article, day in reached.items() if day < newest}


def sentence_dates(corpus: Corpus, index: int, cluster_date: str | None = None) -> list[tuple[str, str | None, str]]:
    """``find_dates`` of one sentence against its article's publication date, computed once per corpus
    (the timeline reads every sentence's dates, the agreed facts those of their candidates)."""
    found: dict[int, list[tuple[str, str | None, str]]] = corpus.cache.setdefault(("dates", cluster_date), {})
    if index not in found:
        article = corpus.sentences[index].article
        when = stated_publication_dates(corpus, cluster_date)[article][0]
        found[index] = _resolved(_sentence_phrases(corpus, index), when, lambda: _article_day_first(corpus, article))
    return found[index]


def _article_day_first(corpus: Corpus, article: str) -> bool | None:
    """How an article orders day and month in numeric dates (_numeric_day_first), else how the other reports
    of its source do: a source that writes 25/3/2026 writes its 3/4/2026 day first too."""
    orders: dict[str, bool | None] = corpus.cache.setdefault("numeric order", {})
    if article not in orders:
        texts: dict[str, list[str]] = {}
        for sentence in corpus.sentences:
            texts.setdefault(sentence.article, []).append(sentence.full)
        orders[article] = _numeric_day_first(texts.get(article, []))
        if orders[article] is None:
            source = next((c.article.source for c in corpus.articles if c.article.id == article), None)
            same = [c.article.id for c in corpus.articles if source and c.article.source == source and c.article.id != article]
            orders[article] = _numeric_day_first([text for other in same for text in texts.get(other, [])])
    return orders[article]


def _sentence_phrases(corpus: Corpus, index: int) -> list[tuple[str, re.Match[str]]]:
    """``_date_phrases`` of one sentence, found once per corpus: the timeline resolves them twice (against
    the article's date and against none), and a scan costs far more than resolving."""
    found: dict[int, list[tuple[str, re.Match[str]]]] = corpus.cache.setdefault("date phrases", {})
    if index not in found:
        found[index] = _date_phrases(corpus.sentences[index].full)
    return found[index]


# A date used to name an event ("after the April 20 massacre", "since the Monday meeting", "in
# Saturday's fire") is background: a sentence is dated by its other dates when it has any ("… has been
# delayed after the April 20 massacre, an administrator said Tuesday" is Tuesday's news; "… will stay
# shut after Saturday's fire, the council said on Monday" is Monday's, not a Saturday to come). A
# possessive counts only after a preposition: "Tuesday's tremor sent people racing" is Tuesday's news.
# Dev sets: the possessive rule changes 6 timelines: 3 entries are dated right where they were not
# ("… dead in Tuesday's earthquake, … announced Sunday"), 2 give way to another entry of the same day,
# and "After Thursday's convictions, … pending sentencing Sept. 13." falls to its other date (which the
# 15-entry cap then leaves out).
# A sentence whose every date names an event with "the" ("Three of the July 7 bombers were shown in the
# video", "The damage inflicted by the Dec. 26 tsunami was still being assessed", "… before the April 9
# vote") tells something after or before that event, on a day it does not say: it is left out of the
# timeline. Dev sets: 31 such entries, 26 dated: 23 wrong by the event (a charge weeks after a bombing,
# a plan for an election to come, a July 7 of the wrong year), 1 arguable, 2 right ("published in the
# April 29 issue of the journal Nature", Concordes grounded "immediately after the July 25 crash"), which
# other entries restate. Of the 30 entries that take their places, 28 are right by reading; 2 are dated
# by an event a relative clause names ("footage of the bombers that attacked London on July 7, 2005").
# An event that opens the sentence is what it tells ("The March 3 flood reached the first floor"), and a
# possessive ("at Friday's news conference", "in Sunday's crash") names an event of the days the report
# covers: either still dates a sentence that has no other date.
_DAYS_NAMED = (*_DAY_DATES, "wd")  # "the last week" is a span of time, not an event
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_NOUN_AFTER = re.compile(r"\s+[a-z]")
_PREPOSITION_BEFORE = re.compile(r"\b(?:after|since|following|before|in|of|at|to|from|by|during|over)\s+$", re.IGNORECASE)
_POSSESSIVE_AFTER = re.compile(r"['’]s\s+[a-z]")


def _names_an_event(match: re.Match[str]) -> bool:
    """Whether the date phrase names an event: "after Saturday's fire" or "the April 20 massacre"."""
    kind = _kind(match)
    start, end = match.span(kind)
    text = match.string
    if _POSSESSIVE_AFTER.match(text, end) and _PREPOSITION_BEFORE.search(text, max(0, start - 11), start):
        return True
    return _names_an_event_with_the(match)


def _names_an_event_with_the(match: re.Match[str]) -> bool:
    """Whether the date phrase names an event after "the": "the April 20 massacre", "the Monday meeting"."""
    start, end = match.span(_kind(match))
    text = match.string
    return _THE_BEFORE.search(text, max(0, start - 5), start) is not None and _NOUN_AFTER.match(text, end) is not None


def _names_a_past_or_coming_event(match: re.Match[str]) -> bool:
    """Whether a day names an event with "the" that the sentence tells about, not as its subject: "the
    Dec. 26 tsunami" in "The damage inflicted by the Dec. 26 tsunami…", not in "The Dec. 26 tsunami hit…"."""
    kind = _kind(match)
    opens_the_sentence = match.start(kind) <= len("The ")
    return kind in _DAYS_NAMED and not opens_the_sentence and _names_an_event_with_the(match)


# A relative clause or a comparison inside a sentence, between commas, tells of something else than the
# sentence does: its date ("The fall of Raqqa, where the group paraded after its victories in 2014, is a
# potent symbol"; "On talks with the militants, similar to a deal late last month, the commander said…")
# does not date the sentence. A clause that ends the sentence (", which began in November") may be what
# the sentence reports, and keeps its date.
_INNER_ASIDE = re.compile(
    r",\s+(?:where|which|who|whom|whose|(?:similar|comparable)\s+to|like|unlike|as\s+(?:with|in)|compared\s+(?:with|to))"
    r"\s[^,;:()“”\"]*,"
)
# Nor does the point a record is measured from: "the lowest rate since 2000", "the biggest gain since
# August 2012", "for the first time since the crash of 1987", "her first title since November" (the
# superlative, then "since" close before the date, all in one clause). Any "first … since" (not only "the
# first time"): on the dev sets 3 more entries leave, each told on a later day than its date ("the first
# leader to visit since the end of the war in 1953", "the detentions were the first since Friday's bombing").
_RECORD_SINCE = re.compile(
    r"\b(?:highest|lowest|biggest|largest|smallest|worst|best|fastest|slowest|strongest|weakest|deadliest|"
    r"greatest|sharpest|steepest|longest|shortest|hottest|coldest|wettest|driest|busiest|heaviest|most|least|"
    r"first)\b[^,;:]*\bsince\b[^,;:]{0,40}$"
)
_RECORD_REACH = 150  # characters before a date searched for the superlative


def _aside_phrases(corpus: Corpus, index: int) -> set[str]:
    """The date phrases of a sentence that tell of something else: in an inner relative clause or
    comparison, or the point a record is measured from."""
    text = corpus.sentences[index].full
    asides = ", wh" in text or ", similar" in text or ", like" in text or ", unlike" in text or ", as " in text or ", compared" in text
    if not asides and "since" not in text:
        return set()
    spans = [m.span() for m in _INNER_ASIDE.finditer(text)] if asides else []
    return {
        phrase
        for phrase, match in _sentence_phrases(corpus, index)
        if any(a <= match.start() < b for a, b in spans)
        or _RECORD_SINCE.search(text, max(0, match.start() - _RECORD_REACH), _since_end(phrase, match))
    }


# "next week" and "next month" after "the" are a span ("over the next month", "in the next week or so",
# "the next week, the mice sought food in homes": the week after one the text told) and are not read; nor
# is "next month's premiere" (in _RELATIVE), an event the sentence looks ahead to. Otherwise they date a
# plan ("will be buried next week", "faces court-martial next month", "a conference scheduled for next
# month") but not a guess ("could be next week before the boxes are recovered", "a similar fate may
# await the initiative next month", "gales were forecast through early next week"): a hedge before it in
# its clause leaves it out (_HEDGED), and so does a quotation (_talk_phrases). Dev sets: of 83 distinct
# sentences with one, 63 are read, 61 of them plans (not: "no way to predict the weather, next week, next
# decade", and a guess whose hedge a comma cuts off); of the 20 left out, 4 quote a plan. "next year" is
# not read: of its 60, half are forecasts or habits ("no one doubts that number will increase next year",
# "the flu vaccine for next year"), and the plans among them, at a year's precision, crowd out the
# story's dated events (two votes of a Quebec timeline gave way to two guesses of a referendum).
_HEDGED = re.compile(
    r"\b(?:could|may|might|should|hopes?|hoped|hoping|possibly|perhaps|maybe|probably|likely|unlikely|anticipated|if|"
    r"forecasts?|predicted|"
    r"early\s+as|soon\s+as)\b[^,;:]*$"
)


# A week, month, season or year counted from the speaker's own time ("this week", "last month", "later this year")
# dates talk, not an event, inside a quotation ("We expect the water to fall this week," said the engineer;
# "Events like those of the last week have helped," said …) or in a clause about what is to come ("The
# House is expected to vote on the bill this week"): the span is the report's own, and a forecast for it
# names no day the reader could place. A day ("will open the weir on Friday") still dates its sentence. So
# does a season ("this fall", "last summer"), and a guess for one dates nothing either ("may be trying to
# head off grand jury appearances later this summer").
_QUOTE_MARK = re.compile(r"[“”\"]|``|''")
_SPANS = frozenset({"week", "month", "year"})


def _inside_quotation(text: str, start: int) -> bool:
    """Whether ``start`` stands inside a quotation: an odd number of quote marks before it, or none before
    it and an odd number after (the sentence ends a quotation an earlier one opened)."""
    before = len(_QUOTE_MARK.findall(text, 0, start))
    return before % 2 == 1 or (before == 0 and len(_QUOTE_MARK.findall(text, start)) % 2 == 1)


def _talk_phrases(corpus: Corpus, index: int) -> set[str]:
    """The relative spans of a sentence that date talk, not an event (see _SPANS), or a guess (see _HEDGED)."""
    text = corpus.sentences[index].full
    return {
        phrase
        for phrase, match in _sentence_phrases(corpus, index)
        if (_kind(match) == "season" or (_kind(match) == "rel" and phrase.rsplit(None, 1)[-1].lower() in _SPANS))
        and (
            _inside_quotation(text, match.start())
            or (_hedged(match) if phrase[:4].lower() == "next" else _to_come(match))
            or (_kind(match) == "season" and _hedged(match))
        )
    }


def _hedged(match: re.Match[str]) -> bool:
    """Whether a guess, not a plan, stands before the date phrase in its clause (_HEDGED)."""
    return _HEDGED.search(match.string, max(0, match.start() - _FUTURE_REACH), match.start()) is not None


def _since_end(phrase: str, match: re.Match[str]) -> int:
    """Where the text before a date phrase ends, "since" included when the phrase starts with it."""
    return match.start() + (len("since") if phrase[:5].lower() == "since" else 0)


_PUNCTUATION = re.compile(r"[^\w\s]")


def _normal(text: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", text.lower()).split())


_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4}


def _figures_differ(first: list[Mention], second: list[Mention]) -> bool:
    """Whether two sentences' figures give one quantity values no figure of the other allows: a toll
    that rose, or one the sources dispute. Either way the reader needs both, not one entry told by one."""
    return any(
        same_quantity(x, y) and (x.high < y.low or y.high < x.low) for x in first for y in second if x.dimension == y.dimension
    )


# A sentence dated only by the end of a period still running ("Ferries will suspend crossings until May 25",
# "The road stays shut until next month") tells what the report's day brought: the suspension, not its
# end, is the news, so the entry stands at the report's date and its text says when the period ends. A
# period that ended by then ("The road was shut until Tuesday") keeps its end, the day it reopened, and so
# does one after a negation ("won't go into circulation until 2002": the date is when the event begins)
# or a guess ("the oxygen could last until Friday": a forecast for that day).
_UNTIL_BEFORE = re.compile(r"\b(?:[Uu]ntil|[Tt]ill)\s+(?:at\s+least\s+)?$")
_NEGATION_BEFORE = re.compile(r"(?:\b(?:not|never|no)\b|n't\b)[^,;:]*$")
_LAST_DAY = {"day": 0, "week": 6}


def _running_period_ends(corpus: Corpus, index: int, resolved: list[tuple[str, str | None, str]], published: date) -> set[str]:
    """The date phrases of a sentence that end a period running on past ``published``: each follows
    "until" and its last day is not before publication (_UNTIL_BEFORE)."""
    text = corpus.sentences[index].full
    if "ntil" not in text and "till" not in text:
        return set()
    matches = dict(_sentence_phrases(corpus, index))
    running = set()
    for phrase, when, precision in resolved:
        start = matches[phrase].start(_kind(matches[phrase]))
        if (
            (phrase[:5].lower() in ("until", "till ") or _UNTIL_BEFORE.search(text, max(0, start - 16), start))
            and when
            and _last_day(when, precision) >= published
            and not _NEGATION_BEFORE.search(text, max(0, start - _FUTURE_REACH), start)
            and not _HEDGED.search(text, max(0, start - _FUTURE_REACH), start)
        ):
            running.add(phrase)
    return running


def _last_day(when: str, precision: str) -> date:
    """The last day of a resolved date: itself, its week's Sunday, its month's, season's or year's last day."""
    if precision in _LAST_DAY:
        return date.fromisoformat(when) + timedelta(days=_LAST_DAY[precision])
    year, month = (int(part) for part in f"{when}-12".split("-")[:2])
    month += 2 if precision == "season" else 0  # a season's last month
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


_DAY_NAMED = re.compile(rf"\b(?:(?:(last|next)\s+)?({_WEEKDAY})|(next\s+(?:week|month)))", re.IGNORECASE)


def _day_named(phrase: str) -> str | None:
    """The day an unresolved phrase names by its weekday ("on Sunday", "Sunday evening": "sunday"; "last
    Sunday" is another) or the time to come it names ("next month"), or None. With no publication date to
    place them, two sentences on different weekdays, or one on a weekday and one about next month, are
    still two events, however alike they read; a weekday and "this week" may be one."""
    named = _DAY_NAMED.search(phrase)
    return " ".join(part.lower() for part in named.groups() if part) if named else None


_MONTH_NAMED = re.compile(rf"\b{_MONTH}(?!\w)")


def _month_named(phrase: str) -> int | None:
    """The month an unresolved phrase names ("in October", "Dec. 1"), or None: with no publication date,
    sentences that name different months tell different events ("added 266,000 jobs in November", "the
    rate was 3.6% in October"), while "last month" may be either."""
    named = _MONTH_NAMED.search(phrase)
    return _month(named.group()) if named else None


def _descending(when: str | None) -> tuple[int, ...]:
    return tuple(-int(part) for part in when.split("-")) if when else ()


def build_timeline(corpus: Corpus, families: dict[str, int], cluster_date: str | None = None) -> list[dict]:
    """Dated events of the cluster, one entry per event (merged across sources), sorted by date.

    A sentence gives one entry, at the first of its most precise dates in the text (news puts the
    event's date next to its verb, the report's after it: "collapsed on Monday, police said on
    Wednesday"; "brought out on Wednesday, ending a rescue that began on Monday"). Two sentences of one
    date are one event when their texts match (a copy, a light rewrite), when one cites the other (the
    summary's rule, synoptic.summarize.citations), or when they share enough content (SAME_EVENT_COSINE).
    An entry is told through its best-cited sentence and lists that sentence's citations, so a sentence
    the brief also shows elsewhere has the same sources there.
    ``cluster_date`` (the cluster file's date) is the fallback publication date before the most
    common article date.
    """
    order = {a.article.id: k for k, a in enumerate(corpus.articles)}
    dated = _publication_dates(corpus, cluster_date)
    similarity = similarity_matrix(corpus)

    citations: dict[int, set[int]] = {}
    figures: dict[int, list[Mention]] = {}

    def differ(a: int, b: int) -> bool:
        """Whether sentences ``a`` and ``b`` give different figures for one quantity (see _figures_differ)."""
        for index in (a, b):
            if index not in figures:
                figures[index] = sentence_figures(corpus, index)
        return _figures_differ(figures[a], figures[b])

    def cited(index: int) -> set[int]:
        """The sentences that support sentence ``index`` wherever the brief shows it (its citations), but
        for one that gives another figure for a quantity it counts: "the toll rose to six" is no source of
        "the toll rose to five"."""
        if index not in citations:
            supporting = supporting_sentences(corpus, index, cluster_date).values()
            citations[index] = {j for j, _ in supporting if not differ(index, j)}
        return citations[index]

    entries: list[dict] = []
    by_date: dict[str | None, list[dict]] = {}
    for index, sentence in enumerate(corpus.sentences):
        found = sentence_dates(corpus, index, cluster_date)
        if not found or not (reads_alone(sentence.full, index in corpus.in_quotation) or is_chronology_entry(sentence.full)):
            continue  # an entry stands alone in the list: "He was arrested early Friday" names nobody
        if all(_names_a_past_or_coming_event(match) for _, match in _sentence_phrases(corpus, index)):
            continue  # "Three of the July 7 bombers were shown in the video": on a day it does not say
        resolved = [f for f in found if f[1]]
        if resolved and (asides := _aside_phrases(corpus, index) | _talk_phrases(corpus, index)):
            resolved = [f for f in resolved if f[0] not in asides]
            if not resolved:
                continue  # "The fall of Raqqa, where it paraded after its victories in 2014, is a symbol": undated
        if len(resolved) > 1:
            events = {phrase for phrase, match in _sentence_phrases(corpus, index) if _names_an_event(match)}
            resolved = [f for f in resolved if f[0] not in events] or resolved
        published, own_date = dated[sentence.article]
        running = _running_period_ends(corpus, index, resolved, published) if resolved and published else set()
        if running:
            # "suspend crossings until May 25" is the report's day's news (see _UNTIL_BEFORE)
            resolved = [f for f in resolved if f[0] not in running] or [(resolved[0][0], published.isoformat(), "day")]
        if resolved:
            rank = min(_PRECISION_RANK[precision] for _, _, precision in resolved)
            picked = [f for f in resolved if _PRECISION_RANK[f[2]] == rank]
        else:
            picked = found[:1]  # no date it could resolve: kept with its literal phrase
        first = picked[0][1]  # find_dates lists phrases in text order
        picked = [f for f in picked if f[1] == first]
        absolute = set() if own_date else {p for p, match in _sentence_phrases(corpus, index) if resolve(match, None)[0] and p not in running}
        assumed = first is not None and not own_date and any(phrase not in absolute for phrase, _, _ in picked)
        normal = _normal(sentence.full)
        span = slice(similarity.indptr[index], similarity.indptr[index + 1])
        close = dict(zip(similarity.indices[span].tolist(), similarity.data[span].tolist()))  # the matrix is symmetric
        day_named = None if first is not None else _day_named(picked[0][0])
        month_named = None if first is not None else _month_named(picked[0][0])
        # undated, every phrase is matched as a day's: one bucket holds them all, whatever their precision
        matched_as = picked[0][2] if first is not None else "day"
        same = next(
            (
                e for e in by_date.get(first, [])
                if (
                    e["_normal"] == normal
                    or fuzz.ratio(e["_normal"], normal) >= SAME_EVENT_RATIO
                    or (
                        e["_article"] != sentence.article
                        and matched_as == "day"
                        and close.get(e["_index"], 0.0) >= SAME_EVENT_COSINE
                    )
                    or (matched_as == "month" and any(close.get(m, 0.0) >= SAME_EVENT_COSINE for m in e["_indices"]))
                    # one restates the other; a citation shares terms, so a pair the similarity matrix leaves out needs no test
                    or any(m in close and (index in cited(m) or m in cited(index)) for m in e["_indices"])
                )
                and not any(differ(m, index) for m in e["_indices"])  # "rose to five", "rose to six": two events
                and not (day_named and e["_day_named"] and day_named != e["_day_named"])  # undated, Saturday and Thursday are two days
                and not (month_named and e["_month_named"] and month_named != e["_month_named"])  # …and October and November two months
            ),
            None,
        )
        shown = {"precision": picked[0][2], "phrase": " … ".join(dict.fromkeys(phrase for phrase, _, _ in picked))}
        if same is not None:
            same["approximate"] = same["approximate"] and assumed
            same["_indices"].append(index)
            same["_shown"].append(shown)
            continue
        entry = {
            "date": first,
            "approximate": assumed,  # resolved against a date the article does not state
            "_normal": normal,
            "_index": index,
            "_indices": [index],
            "_shown": [shown],
            "_article": sentence.article,
            "_day_named": day_named,
            "_month_named": month_named,
            "_first": (order.get(sentence.article, 0), sentence.index),
        }
        entries.append(entry)
        by_date.setdefault(first, []).append(entry)

    entries = _merge_copies_a_day_apart(entries, by_date, differ)

    def families_behind(index: int) -> int:
        return len({families.get(corpus.sentences[i].article, corpus.sentences[i].article) for i in (index, *cited(index))})

    shown_once: dict[tuple[str | None, str], dict] = {}
    for entry in entries:
        # the event is told through its best-cited sentence (the first of them), cited as everywhere else
        k = max(range(len(entry["_indices"])), key=lambda k: families_behind(entry["_indices"][k])) if len(entry["_indices"]) > 1 else 0
        centre = entry["_indices"][k]
        entry.update(entry["_shown"][k], text=corpus.sentences[centre].full)
        by_order = sorted(cited(centre), key=lambda j: order.get(corpus.sentences[j].article, 0))
        entry["evidence"] = [evidence_of(corpus, index) for index in (centre, *by_order)]
        entry["sources"] = sorted({e["article"] for e in entry["evidence"]}, key=lambda a: order.get(a, 0))
        # two entries that came to be told through copies of one sentence are one
        twin = shown_once.setdefault((entry["date"], _normal(entry["text"])), entry)
        if twin is not entry:
            twin["_indices"].extend(entry["_indices"])
            entry["_indices"] = []
    entries = [e for e in entries if e["_indices"]]

    def independent(entry: dict) -> int:
        return len({families.get(a, a) for a in entry["sources"]})

    support = cross_source_support(corpus)
    floor = float(np.quantile(support, OFF_TOPIC_QUANTILE)) if len(support) >= OFF_TOPIC_MIN_SENTENCES else 0.0
    entries = [e for e in entries if independent(e) > 1 or max(support[i] for i in e["_indices"]) >= floor]
    several = len({families.get(a.article.id, a.article.id) for a in corpus.articles}) > 1  # one source: no reading of relevance
    on_topic = float(np.quantile(support, ON_TOPIC_QUANTILE)) if several and len(support) >= OFF_TOPIC_MIN_SENTENCES else 0.0
    chosen = sorted(_worth_keeping(entries, independent, support, on_topic, dated), key=lambda e: (e["date"] is None, e["date"] or "", e["_first"]))
    keys = ("date", "precision", "approximate", "phrase", "text", "sources", "evidence")
    return [{k: e[k] for k in keys} for e in chosen]


# One sentence told by two reports dated a day apart ("… said today" in copies filed either side of
# midnight, "Wednesday" in one and "today" in the next day's version) resolves its weekday or "today" to
# two days: it is one event, shown at the earlier day (the one the event happened on in the dev cases).
# Only copies (SAME_EVENT_RATIO) are merged, only when both dates are counted from a publication date
# (a phrase with no digits: a weekday, "today", "tonight"), and not when they give a quantity different
# figures ("three more cases Wednesday", "four more Thursday"). Dev sets and seeds: 4 pairs merge, each
# one event (a condolence on an airliner crash, an election night's quote, a company's statement, a
# disaster centre's count told late Saturday and again Sunday); no pair of different events does.
def _merge_copies_a_day_apart(entries: list[dict], by_date: dict[str | None, list[dict]], differ: Callable[[int, int], bool]) -> list[dict]:
    """``entries`` with each near-copy of an entry of the day before merged into that entry."""

    def counted_from_publication(entry: dict) -> bool:
        return all(shown["precision"] == "day" and not any(c.isdigit() for c in shown["phrase"]) for shown in entry["_shown"])

    for entry in entries:
        if not entry["_indices"] or entry["date"] is None or len(entry["date"]) != 10 or not counted_from_publication(entry):
            continue
        before = (date.fromisoformat(entry["date"]) - timedelta(days=1)).isoformat()
        earlier = next(
            (
                e for e in by_date.get(before, [])
                if e["_indices"]
                and counted_from_publication(e)
                and fuzz.ratio(e["_normal"], entry["_normal"]) >= SAME_EVENT_RATIO
                and not any(differ(m, n) for m in e["_indices"] for n in entry["_indices"])
            ),
            None,
        )
        if earlier is not None:
            earlier["approximate"] = earlier["approximate"] and entry["approximate"]
            earlier["_indices"].extend(entry["_indices"])
            earlier["_shown"].extend(entry["_shown"])
            entry["_indices"] = []
    return [e for e in entries if e["_indices"]]


# Which entries a timeline of more than MAX_TIMELINE_ENTRIES keeps. The best-sourced first, but a plan
# (a date still to come when its report told it: "the pacts expire Sept. 14" in an August report), a season
# or a year ("Last year's strikes…") counts one independent source fewer (counted in full, the dev sets'
# seasons change 22 more timelines: 6 better by reading, 5 worse, losing a story's days to background: "Oct.
# 12, the day Matthew died" to "Last spring, Lott told an interviewer…"); among entries of as many, what
# happened during the story before plans, and plans before background (a year, or a date more than
# BACKGROUND_DAYS before the first report: "GM opened its first factory in Mexico in 1935"; a month before
# it kept out how the stories of follow-up reports began: a poisoning three months before, a ban ten); and among
# its events one entry a day before a second on any day (the busiest days first, of a day the entry the
# other reports match best), so that the kept entries follow the story over its days. It was: sources,
# then precision, then the latest first, which on the 121 dev timelines over the cap kept plans and
# background years for the story's own dated events (a strike's start, a quake's day, a shooting) and
# crowded its one-source entries on the latest days.
BACKGROUND_DAYS = 365
# A day's first place goes to an event of the story, not to whatever line a digest or a feature dated that
# day ("Rookie Mike Watt scored the go-ahead goal … on Friday night" in a balloon flight's cluster, a
# copyright notice, "Today they are zeroing in on genes."): among events of as many sources, those the
# other reports match less than all but the cluster's ON_TOPIC_QUANTILE least matched sentences
# (cross_source_support, the off-topic reading of OFF_TOPIC_QUANTILE) come after the rest. Entries
# of more sources keep their rank. Dev sets and seeds: 24 timelines change, 35 entries leave: by
# reading 11 timelines better (a story's key days come in: Matthew Shepard's death, the officers
# charged with murder, the balloon's landing), 9 as good, 4 worse (one-source events of the story give
# way to others: a court-martial, a record flight). At 0.5, 63 timelines change, with more of the
# story's events given up for its features.
ON_TOPIC_QUANTILE = 0.25


def _worth_keeping(
    entries: list[dict],
    independent: Callable[[dict], int],
    support: np.ndarray,
    on_topic: float,
    dated: dict[str, tuple[date | None, bool]],
) -> list[dict]:
    """The MAX_TIMELINE_ENTRIES entries a reader of the timeline needs most (see BACKGROUND_DAYS); an event
    whose sentences the other reports match less than ``on_topic`` comes after the rest of its rank."""
    if len(entries) <= MAX_TIMELINE_ENTRIES:
        return entries
    published = [when for when, _ in dated.values() if when]
    story_start = (min(published) - timedelta(days=BACKGROUND_DAYS)).isoformat() if published else None

    def kind(entry: dict) -> int:
        """0 an event of the story, 1 a plan when told, 2 background."""
        when = entry["date"]
        if entry["precision"] == "year" or (when and story_start and _last_day(when, entry["precision"]).isoformat() < story_start):
            return 2
        told = dated[entry["_article"]][0]
        return 1 if when and told and when > told.isoformat()[: len(when)] else 0

    for entry in entries:
        entry["_kind"] = kind(entry)
        entry["_support"] = max(support[i] for i in entry["_indices"])

    def weight(entry: dict) -> int:
        """Its independent sources, one fewer for a plan, a season or a year (see BACKGROUND_DAYS)."""
        return independent(entry) - (entry["_kind"] == 1 or entry["precision"] in ("season", "year"))

    # events: a day's first entry (the one the other reports match best) before a second of any day, the
    # busiest days first; plans and background: the latest first
    on_day: Counter = Counter((weight(e), e["date"]) for e in entries if not e["_kind"])
    place: dict[int, int] = {}
    seen: Counter = Counter()
    for entry in sorted((e for e in entries if not e["_kind"]), key=lambda e: -e["_support"]):
        group = (weight(entry), entry["date"])
        place[id(entry)] = seen[group]
        seen[group] += 1

    def rank(entry: dict) -> tuple:
        if entry["_kind"]:
            return (-weight(entry), entry["_kind"], _PRECISION_RANK[entry["precision"]], _descending(entry["date"]), entry["_first"])
        busy = on_day[(weight(entry), entry["date"])]
        return (-weight(entry), 0, entry["_support"] < on_topic, place[id(entry)], -busy, _PRECISION_RANK[entry["precision"]], -entry["_support"], entry["_first"])

    best = sorted(entries, key=rank)
    return best[:MAX_TIMELINE_ENTRIES]


def evidence_of(corpus: Corpus, index: int) -> dict:
    """A section entry's evidence: where sentence ``index`` stands in its article."""
    s = corpus.sentences[index]
    return {"article": s.article, "sentence": s.index, "start": s.start, "end": s.end}


# The opening of a report is no report when it is a list's line ("Drama series: ``Home Port,'' ABC;
# ``Tideline,'' NBC; …": a label, a colon, then items between semicolons) or a photo caption left in the
# text ("Ambulances at the square after the May 2, 2005 bombings.", "A jet lands at Kelsby on March 28,
# 2007." in reports years later): a full date more than CAPTION_MIN_DAYS before publication, at most two
# words before the sentence's end, in a sentence with no verb in the past tense. Of the 2,926 sentences
# that open the dev articles (the first of each that reads alone), the list rule takes 2 (both lists:
# a nominee list and an economic data box), the caption rule 2 (both captions).
_LIST_LINE = re.compile(r"[^:;.]{1,60}:\s[^;]*;[^;]*;")
CAPTION_MIN_DAYS = 30
_CAPTION_TAIL = re.compile(r"\W*(?:\w+\W*){0,2}$")


def _is_caption(text: str, published: date) -> bool:
    """Whether a sentence reads as a photo caption dated long before the report (see _LIST_LINE)."""
    if _PAST_TENSE.search(text):
        return False
    for _phrase, match in _date_phrases(text):
        if _kind(match) in ("iso", "mdy", "dmy") and _CAPTION_TAIL.match(text, match.end()):
            when = resolve(match, published)[0]
            if when and (published - date.fromisoformat(when)).days > CAPTION_MIN_DAYS:
                return True
    return False


def _reads_as_report(text: str, published: date) -> bool:
    """Whether a sentence can open the latest report: it says something on its own, and is neither a
    list's line nor a photo caption (see _LIST_LINE)."""
    return (
        word_count(text) >= LATEST_MIN_WORDS
        and reads_alone(text)
        and _LIST_LINE.match(text) is None
        and not _is_caption(text, published)
    )


def latest_report(corpus: Corpus, cluster_date: str | None = None) -> list[dict]:
    """Where the story stands now: the opening of the newest report, when the reports carry dates of
    their own on more than one day (a brief of a developing story can otherwise read as of its first
    days, since several sources agreeing on an earlier state outweighs the one that reports the latest).
    The first sentence of the newest-dated article that reads as a report (_reads_as_report), taken
    from the next newest day's articles when that day's have none (a list of nominees, a page with no
    text); an empty list otherwise. Of several reports of that day, the one whose opening the other
    sources tell most alike (cross_source_support): the story's news, not a feature that day's paper ran
    beside it. A wire desk's news budget is no report, whatever its date."""
    budgets = {clean.article.id for clean in corpus.articles if is_news_budget(clean)}
    own = {
        article: when
        for article, (when, stated) in _publication_dates(corpus, cluster_date).items()
        if stated and when and article not in budgets
    }
    if len(set(own.values())) < 2:
        return []
    support = cross_source_support(corpus)
    for newest in sorted(set(own.values()), reverse=True):
        openings: dict[str, int] = {}
        for index, sentence in enumerate(corpus.sentences):
            if own.get(sentence.article) == newest and sentence.article not in openings and _reads_as_report(sentence.full, newest):
                openings[sentence.article] = index
        if openings:  # of the day's reports, the one the other sources tell most alike (the first on a tie)
            index = max(openings.values(), key=lambda i: support[i])
            article = corpus.sentences[index].article
            return [{"date": newest.isoformat(), "text": corpus.sentences[index].full, "sources": [article], "evidence": [evidence_of(corpus, index)]}]
    return []
