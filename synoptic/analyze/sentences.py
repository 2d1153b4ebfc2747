"""Sentences of cleaned articles, with fragments that are not sentences dropped (and recorded)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from synoptic.analyze.segment import split_sentences
from synoptic.analyze.tokens import content_terms, word_count
from synoptic.analyze.trim import shortened, trimmed
from synoptic.model import CleanArticle, Removal, Sentence

MIN_SENTENCE_WORDS = 4  # shorter spans are labels, datelines or debris, not summary material
_ENDS_SENTENCE = re.compile(r"[.!?](?:\s?[\"'’”)\]])*$")  # also 'it ended. "' (spaced quotes in wire copy)
LENIENT_MIN_WORDS = 12  # a cut-off excerpt this long is content, not a headline
SHOUTING_SHARE = 0.6  # a span whose letters are mostly capitals is a label or a wire slug
_UPPER = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")
_TITLE_ABBREVIATIONS = r"(?:Dr|Mr|Mrs|Ms|Gov|Sen|Rep|Gen|Col|Lt|Prof|Capt|Sgt|Maj)"
_CUT_AT_TITLE = re.compile(rf"(?:^|[\s“\"‘(]){_TITLE_ABBREVIATIONS}\.$")
_LIST_MARKER = re.compile(r"[-_•*–—·▪►■●◆]+\s+")  # a list's bullet, as wire copy and web pages write it
_LOWER_START = re.compile(r"[\"'‘“(\[]*([a-z][a-z'’-]*)\b")


def reject_reason(text: str) -> str | None:
    """Why a segmented span is not a usable sentence, or None when it is one."""
    if word_count(text) < MIN_SENTENCE_WORDS:
        return "too_short"
    if not _ENDS_SENTENCE.search(text, max(0, len(text) - 16)):  # the end and a few closing marks
        return "heading"  # headlines, standfirsts, labels: no terminal punctuation
    if _CUT_AT_TITLE.search(text, max(0, len(text) - 7)):  # only the last word can match: " Prof."
        return "fragment"  # '…slammed Fauci as “Dr.': an excerpt cut off after a title, not a sentence's end
    match = _LOWER_START.match(text)
    if match and match.group(1).islower():
        return "fragment"  # "be more militants holed up." — the tail of a broken copy-paste
    upper = len(_UPPER.findall(text))
    if upper > SHOUTING_SHARE * (upper + len(_LOWER.findall(text))) and upper:
        return "shouting"
    return None


# Sentences that lean on an earlier one ("He said…", "But…") read badly out of context, and a
# column's asides to its reader ("You should…") are not a brief's voice.
# So do the same pronouns after a short opening phrase ("In Syria, it has been forced back…").
_DEPENDENT_START = re.compile(
    r"(?:He|She|It|They|His|Her|Its|Their|But|And|Also|However|Both|You|Your)\b"
    r"|(?:This|That|These|Those)\b(?!\s+(?:year|week|month|morning|afternoon|evening|weekend|spring|summer|fall|autumn"
    r"|winter|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday"
    r"|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"  # "This week, …" says when, not what it refers back to
    r"|[A-Z][^,;:\"“”]{0,40},\s+(?:he|she|it|they)\b"  # not "its": "Islamic State lost Mosul, its largest city"
    # Time told from an event the sentence does not name: "Then…", "Later,…", "Earlier in the day,…" (not
    # "Earlier this week" or "Later this year", told from the report's day); "Such a decision…" points back
    # at a decision. Dev sets: 63 sentences of 4 sets caught, all leaning back by reading.
    r"|(?:Such|Then)\b|Later\b(?!\s+this\b)"
    r"|Earlier(?:,|\s+(?:in\s+the\s+day|that\s+day"
    r"|(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b)"
)
# A chronology's entry ("Nov. 5 - Jackson issues his findings.", "Sept. 19 _ Microsoft reveals…") is a
# line of a list, in the present tense of notes: it reads as a brief's sentence only in its list.
_CHRONOLOGY_ENTRY = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|July|August|September"
    r"|October|November|December)\.?\s+\d{1,2}(?:,\s+\d{4})?\s+[-_–—]\s"
)
# A sentence that is one quotation from end to end names no speaker, and "…," he said. names one
# only through an earlier sentence: out of context both read as the brief's own words.
# Wire copy writes its quotation marks as ``…'' (or ''…''), as typewriters did.
_SPEAKERLESS_QUOTE = re.compile(r"\s*(?:[\"“]|``|'')(?:(?!'')[^\"“”`])+(?:[\"”]|'')\s*$")
_PRONOUN_SPEAKER = re.compile(r"[,?!](?:[\"”]|'')\s+(?:he|she|they) (?:said|says|added|told|explained|explains)\b")
# A question asks the reader ("Will the pier reopen?"), and a quotation cut before its closing mark
# ("“Why are you running?") names no one who asked; a brief states. A question its asker is quoted asking
# ("…, she asked: “Why now?”") is a report of what was asked.
_QUESTION = re.compile(r"\?[\s)\]]*$")
# A quotation of several sentences is one sentence where its closing mark is near (synoptic.analyze.segment),
# but one that runs on past a line break or the segmenter's reach, or an excerpt cut inside it, leaves
# sentences whose every word is quoted and whose speaker is in another sentence ("The town deserves it." of
# "“We will rebuild. The town deserves it. Nobody leaves,” she said."). Such a sentence opens inside a
# quotation (its own first mark, or one an earlier sentence of its paragraph opened: see quoted_starts) and
# names a speaker only where a closing mark (or a reversed ``) is followed by words ("…,” Mayor Pell said.").
_OPENING_MARK = re.compile(r"\s*(?:[\"“]|``|'')")
_CLOSED_BEFORE_WORDS = re.compile(r"(?:[\"”]|''|``)[\W\d_]*[^\W\d_]")

# A sentence whose main clause reports that someone said nothing ("GM declined to comment.", "The FDA
# had no comment Wednesday on the report.", "…could not be reached for comment.") or that points at
# what follows it ("Here are some recent viruses.", "For more information…") tells a reader nothing.
# It stays a sentence when the news hangs off it ("…declined to comment, but said…", "…, who
# declined to comment, laid off 300 workers."). Dev sets: 55 sentences of 52,572, all rightly caught.
_NO_NEWS = re.compile(
    r"(?:(?!\b(?:who|which|whose|and|but|if)\b)[^;:\"“”,]|,(?!\s+(?:who|which|whose)\b)){0,120}?"
    r"\b(?:declined|refused|(?:had|has|have|would\s+have|offered|gave)\s+no|would\s+not|did\s+not|could\s+not)"
    r"\s+(?:immediate(?:ly)?\s+|further\s+)?(?:(?:to\s+)?comment|be\s+reached"
    r"|(?:return|respond\s+to)\s+(?:a\s+|the\s+)?(?:(?:tele)?phone\s+)?(?:calls?|messages?|requests?|e-?mails?))\b"
    r"|Here(?:\s+(?:is|are|you\b)|\s?['’]s\b)|Click\b|Read\s+more\b|For\s+more\s+information\b"
)
_NEWS_AFTER = re.compile(r"\b(?:but|saying|although|though|while|refusing|which\s+said|beyond)\b")


def reads_alone(text: str, in_quotation: bool = False) -> bool:
    """Whether a sentence makes sense without the ones around it and tells the reader something: what
    a summary or a list of agreed facts may show on its own (see the patterns above). ``in_quotation``:
    the sentence starts inside a quotation an earlier one opened (Corpus.in_quotation)."""
    return not (
        _DEPENDENT_START.match(text)
        or _SPEAKERLESS_QUOTE.match(text)
        or _quoted_throughout(text, in_quotation)
        or _PRONOUN_SPEAKER.search(text)
        or _QUESTION.search(text, max(0, len(text) - 8))
        or is_chronology_entry(text)
        or says_nothing(text)
    )


# A person the reports name by one word alone and never in full ("On Wednesday morning, Dianne received an
# alarming call.": a feature's opening scene, her surname withheld) is a stranger to a brief's reader, who
# cannot tell who that is; the brief cannot add the rest of the name either, since what it shows is the
# report's own span. Such a word is written more than once but in one report only (a name every report uses
# is the story's own), at least once after a lower-case word or a comma (not only where any word opens a
# sentence), and never in lower case, beside another capitalised word or after a title or an initial
# ("Dianne Roe", "Ms. Dianne", "J. Roe"), after "in" (a place) nor as the singular of another ("Republicans").
# It names a person where it is the subject of a verb (_ACTING_NAME) and "she", "he", "her" or "his" follows
# within PERSON_PRONOUN_REACH characters. Dev sets (5 sets, 443 clusters, every sentence read): 17 of about
# 36,500 caught; by reading 14 name a stranger (a first name, or a surname the report never completes), 1 a
# senator by surname, 2 no person (a country after its heading, a newspaper). One summary changes (the Dianne
# lead). The summary asks only about its best-scored candidates: reading every sentence cost ~10% of a brief.
# The agreed facts (asking about the readable sentences that have partners) and the update summaries (about the
# readable new ones) apply it too; no fact and no duc2007_update B/C update changes.
_LONE_NAME = re.compile(r"(?<![\w'’.-])[A-Z][a-z]{2,}(?![\w'’-])")
_ACTING_NAME = re.compile(
    r"\b([A-Z][a-z]{2,})[ \t]+(?:[a-z]+ed|could|would|will|can|may|might|must|should|has|had"
    r"|was|is|did|does|said|says|told|heard|saw|went|came|took|got|felt|knew|thought|found|made|left|began|wrote|spoke|kept"
    r"|lost|met|ran|sat|stood|won)\b"
)
_SUBJECT_BEFORE = re.compile(r"(?:, |(?<![\w'’-])(?:that|and) )$")  # or the sentence's start: where a subject stands
_PERSONAL_PRONOUN = re.compile(r"\b(?:[Ss]he|[Hh]e|[Hh]er|[Hh]is)\b")
PERSON_PRONOUN_REACH = 200  # about two short sentences: "Dianne received a call. It was her fiancé…"


# Where a one-word name stands in a fuller one or for a place: after another capitalised word, a title or an
# initial ("Dianne Roe", "Ms. Dianne", "J. Roe"), before another capitalised word, or after "in" ("in Georgia").
_FULLER_BEFORE = re.compile(rf"(?:(?:{_TITLE_ABBREVIATIONS}|[A-Z])\.|[A-Z][\w-]*|\b(?:in|into|across|throughout|inside))[ \t]+$")
_FULLER_AFTER = re.compile(r"[ \t]+[A-Z]")
_MID_SENTENCE_BEFORE = re.compile(r"[a-z,] $")  # not where any word opens a sentence


def _strangers(texts: Sequence[str], candidates: set[str]) -> set[str]:
    """Of ``candidates``, the one-word names of ``texts`` that no report gives in full (see _LONE_NAME). The
    cheap counts go first; the few words they leave are then read where they occur, in one pass a text."""
    reports: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    for text in texts:
        found = _LONE_NAME.findall(text)
        mentions.update(found)
        reports.update(set(found))
    kept = sorted(word for word in candidates if reports[word] == 1 and mentions[word] > 1 and word[:-1] not in reports)
    if not kept:
        return set()
    words = "|".join(map(re.escape, kept))
    anywhere = re.compile(rf"(?<![\w'’-])(?i:{words})(?![\w-])")  # a possessive too: "Elaine Newton's court"
    mid_sentence, placed = set(), set()
    for text in texts:
        for match in anywhere.finditer(text):
            word, possessive = match.group(), text.startswith(("'", "’"), match.end())
            before = text[max(0, match.start() - 30) : match.start()]
            if word[0].islower():
                placed.add(word.capitalize())  # written in lower case: a common word
            elif _FULLER_BEFORE.search(before) or _FULLER_AFTER.match(text, match.end()):
                placed.add(word)
            elif not possessive and _MID_SENTENCE_BEFORE.search(before):
                mid_sentence.add(word)
    return {word for word in kept if word in mid_sentence and word not in placed}


def unnamed_people(corpus: Corpus, indices: Iterable[int]) -> set[int]:
    """Those of the sentences ``indices`` whose subject is a person named by one word no report gives in full
    (see _LONE_NAME): no summary, update or agreed-fact sentence, since its reader meets a stranger."""
    acting = [
        (index, match.group(1))
        for index, text in ((index, corpus.sentences[index].text) for index in sorted(indices))
        for match in _ACTING_NAME.finditer(text)
        if match.start() == 0 or _SUBJECT_BEFORE.search(text[max(0, match.start() - 6) : match.start()])
    ]
    if not acting:
        return set()
    texts = {clean.article.id: clean.article.text for clean in corpus.articles}
    strangers = _strangers(list(texts.values()), {name for _, name in acting})
    found = set()
    for index, name in acting:  # the text shown, without a trimmed "…, Roe said."
        sentence = corpus.sentences[index]
        text = texts[sentence.article]
        after = text.find(name, sentence.start, sentence.end) + len(name)
        if name in strangers and _PERSONAL_PRONOUN.search(text, after, after + PERSON_PRONOUN_REACH):
            found.add(index)
    return found


def _quoted_throughout(text: str, in_quotation: bool) -> bool:
    """Whether every word of a sentence is quoted: it opens inside a quotation that closes before no words."""
    opening = _OPENING_MARK.match(text)
    if not (in_quotation or opening):
        return False
    return _CLOSED_BEFORE_WORDS.search(text, opening.end() if opening else 0) is None


# Which way a straight or typewriter mark faces. Curly marks say it; a quotation never holds another of its
# own marks, so while one is open the next mark closes it ('…them, "Judy Pell said' in de-tokenised wire copy
# too); otherwise a mark opens unless it is shaped as a closing one, after a word or a sentence's punctuation
# and before a space ('…it."', '…6 ft 2" tall'), which closes nothing, so a stray mark leaves no quotation open.
_QUOTATION_MARK = re.compile(r"[“”\"]|``|''")
_ENDS_WORD = re.compile(r"[^\s(\[{—–-]")
_SPACE_AFTER = re.compile(r"[\s.,;:!?)\]—–]|$")


def quoted_starts(text: str, blocks: Iterable[tuple[int, int]], starts: Sequence[int]) -> set[int]:
    """Of ``starts`` (sentence starts in ``text``, in order), those inside a quotation that an earlier
    sentence of the same block (paragraph) opened and did not close. Each paragraph starts outside: wire
    copy opens every paragraph of a long quotation again with its own mark."""
    found: set[int] = set()
    pending = iter(starts)
    start = next(pending, None)
    for block_start, block_end in blocks:
        is_open = False
        for mark in _QUOTATION_MARK.finditer(text, block_start, block_end):
            while start is not None and start <= mark.start():
                if is_open:
                    found.add(start)
                start = next(pending, None)
            if mark.group() in "“”":
                is_open = mark.group() == "“"
            elif is_open:
                is_open = False
            else:
                before = text[mark.start() - 1] if mark.start() > block_start else " "
                closing = before in ".,!?…" or (
                    _ENDS_WORD.match(before) is not None and _SPACE_AFTER.match(text, mark.end(), block_end) is not None
                )
                is_open = not closing
        while start is not None and start < block_end:
            if is_open:
                found.add(start)
            start = next(pending, None)
    return found


def says_nothing(text: str) -> bool:
    """Whether a sentence only reports a refusal to comment or points at what follows it."""
    match = _NO_NEWS.match(text)
    return match is not None and not _NEWS_AFTER.search(text, match.end())


def is_chronology_entry(text: str) -> bool:
    """Whether a sentence is a dated line of a chronology ("Nov. 5 - Jackson issues his findings."): no
    summary sentence, but a timeline entry as it stands."""
    return _CHRONOLOGY_ENTRY.match(text) is not None


@dataclass
class Corpus:
    """The sentences of a cluster plus their content terms, computed once for every method."""

    articles: list[CleanArticle]
    sentences: list[Sentence] = field(default_factory=list)
    terms: list[list[str]] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    references: tuple[str, ...] = ()  # reference summaries, present only in evaluation (the oracle reads them)
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)  # derived matrices, computed once
    copies: dict[str, str] = field(default_factory=dict)  # syndicated copy's id → original's id (clean.duplicates)
    shown_short: set[int] = field(default_factory=set)  # sentences the method chose to show in their ``short`` form
    in_quotation: set[int] = field(default_factory=set)  # sentences that start inside an earlier one's quotation

    def shown(self, index: int) -> str:
        """The text a summary shows for sentence ``index``."""
        sentence = self.sentences[index]
        return sentence.short if index in self.shown_short else sentence.text

    @property
    def article_ids(self) -> list[str]:
        return [a.article.id for a in self.articles]


def _display(text: str) -> str:
    return " ".join(text.split())


def _sentence_spans(clean: CleanArticle, lenient: bool = False) -> Iterator[tuple[int, int, str | None]]:
    """Each sentence span of a cleaned article, in order, with why it is not kept (None when it is)."""
    text = clean.article.text
    for block_start, block_end in clean.blocks:
        for start, end in split_sentences(text, block_start, block_end):
            if marker := _LIST_MARKER.match(text, start, end):
                start = marker.end()  # "_ Ivan Frederick, 38, was sentenced…": the sentence after its bullet
            reason = reject_reason(text[start:end])
            if reason == "heading" and lenient and word_count(text[start:end]) >= LENIENT_MIN_WORDS:
                reason = None
            yield start, end, reason


def first_sentence(clean: CleanArticle) -> str | None:
    """The first sentence a brief would keep of a cleaned article (None when none passes): what an untitled
    article says first once wire furniture and notes to editors are gone. Reads only up to that sentence."""
    text = clean.article.text
    return next((_display(text[start:end]) for start, end, reason in _sentence_spans(clean) if reason is None), None)


def opening_words(sentence: str, count: int) -> str:
    """The first ``count`` words of ``sentence`` ("…" when cut): a label for a report that has no title."""
    words = sentence.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


# The most sentences of one article a brief reads; the rest are dropped as one removal. An article whose
# sentences all share words makes its block of the similarity matrix dense (a 2 MB text of near-identical
# sentences: 441 million cells, 3.3 GB), so the cap bounds a brief's memory per article at 2,000² cells.
# The longest article of the dev sets (tac2010_A, duc2006, duc2007_update, multiling2011, allsides) keeps
# 247 sentences; 2,000 is about 50,000 words, longer than any news report.
MAX_ARTICLE_SENTENCES = 2000
# The most sentences of one cluster a brief reads. Every cosine of the cluster is computed (the similarity
# matrix, the cross-source support), so time grows with the square of the sentences, and each sentence
# keeps up to SIMILARITY_MAX_NEIGHBOURS cosines, so memory grows with them: 60 made-up reports of 1,500
# sentences of shared wording (benchmarks/brief_dense.py) read 30,000 and peak at 1.6 GB, where 10 of
# them were killed at 8 GB without the bounds. The largest dev cluster has 1,223 sentences; the first
# 1,000 articles of duc2006 as one brief, 26,258.
MAX_CLUSTER_SENTENCES = 30000


def fair_shares(lengths: Sequence[int], budget: int) -> list[int]:
    """How many sentences each article keeps of a cluster's ``budget``: an article up to an equal share
    keeps all of its own, and what the short ones leave is shared equally by the long ones (the earlier
    ones taking the odd sentence), so no report is dropped for another's length and each keeps its opening,
    where news puts the point."""
    if sum(lengths) <= budget:
        return list(lengths)
    remaining, left = budget, len(lengths)
    for length in sorted(lengths):
        if length * left > remaining:
            break
        remaining, left = remaining - length, left - 1
    share, odd = divmod(remaining, left)
    shares = []
    for length in lengths:
        if length <= share:
            shares.append(length)
        else:
            shares.append(share + 1 if odd > 0 else share)
            odd -= 1
    return shares


def _cut(clean: CleanArticle, kept: list[tuple[int, int]], limit: int, rule: str) -> Removal | None:
    """Drop ``kept``'s spans past the first ``limit`` (in place), as one removal, or None when none is past it."""
    if len(kept) <= limit:
        return None
    text = clean.article.text
    (start, first_end), end = kept[limit], kept[-1][1]
    dropped = f"{len(kept) - limit} sentences from “{opening_words(_display(text[start:first_end]), 8)}” on"
    del kept[limit:]
    return Removal(clean.article.id, rule, dropped, start, end)


def build_corpus(
    articles: Sequence[CleanArticle], references: Sequence[str] = (), trim: bool = False, lenient: bool = False
) -> Corpus:
    """Sentences of every article; with ``trim``, summary text drops attribution tails and each
    sentence gets its ``short`` form where it has one.

    When nothing passes the filters, the corpus is built again ``lenient``ly, accepting long spans
    without a final full stop: excerpts cut off mid-sentence (as in snippet feeds) are still news.
    """
    corpus = Corpus(articles=list(articles), references=tuple(references))
    spans: list[list[tuple[int, int]]] = []
    for clean in articles:
        text, kept = clean.article.text, []
        for start, end, reason in _sentence_spans(clean, lenient):
            if reason:
                corpus.removals.append(Removal(clean.article.id, reason, _display(text[start:end]), start, end))
            else:
                kept.append((start, end))
        if cut := _cut(clean, kept, MAX_ARTICLE_SENTENCES, "past_sentence_cap"):
            corpus.removals.append(cut)
        spans.append(kept)
    for clean, kept, share in zip(articles, spans, fair_shares([len(kept) for kept in spans], MAX_CLUSTER_SENTENCES)):
        if cut := _cut(clean, kept, share, "past_cluster_sentence_cap"):
            corpus.removals.append(cut)
        text = clean.article.text
        quoted = quoted_starts(text, clean.blocks, [start for start, _ in kept])
        for index, (start, end) in enumerate(kept):
            if start in quoted:
                corpus.in_quotation.add(len(corpus.sentences))
            full = _display(text[start:end])
            shown = trimmed(full) if trim else full
            corpus.sentences.append(
                Sentence(
                    clean.article.id, index, start, end, shown, position=index / max(1, len(kept)), full=full,
                    short=shortened(shown) if trim else "",
                )
            )
            corpus.terms.append(content_terms(shown))
    if not corpus.sentences and not lenient:
        return build_corpus(articles, references, trim, lenient=True)
    return corpus
