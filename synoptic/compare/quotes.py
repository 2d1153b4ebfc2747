"""Quotes: direct speech in the reports, with its speaker, grouped across outlets.

Quotes are found in each kept block (paragraph) of an article, so a quote that runs over two
sentences stays whole; its evidence is the sentence where it starts. Quote marks: “…”, "…" and the
DUC/TAC ``…'' (or ''…''). Speakers come from the words around the quote:

- after it: ``"…," said X[, role]``, ``"…," X said``, ``"…," he said``, ``"…," X told reporters``;
- before it: ``X[, role,] said: "…"``, ``X told journalists: "…"``;

where X is a capitalised name (titles kept: "Col. Ryan Dillon") and "he"/"she" is resolved to the
most recent named speaker or titled name earlier in the same article; a name ending in an
organisation's head word ("… Rescue Service, said") is a body, never the person "she" means. A
descriptive speaker ("said the coalition commander") leaves ``speaker`` null and goes into ``role``.
The same quote in several outlets (rapidfuzz ratio of the normalised texts ≥ SAME_QUOTE_RATIO, or
one a long part of the other) is one entry listing every source.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict

from rapidfuzz import fuzz

from synoptic.analyze.sentences import Corpus
from synoptic.compare.entities import BODY_HEADS

MIN_QUOTE_WORDS = 4  # shorter quoted spans are scare quotes or titles ("a clearing operation")
# A quote the text attributes to nobody (no "said X", "X said", "…," he said) must be longer: of TAC 2010's 92 such quotes under 8 words,
# a sample of 40 was nearly all phrases ("the umbrella of suspicion", "brazen and cowardly act") and titles,
# not speech a reader can use; longer ones are mostly speech whose speaker the text names too far away.
# A quote attributed to nobody that opens in lower case is part of the reporter's sentence ('would take
# "a number of preventive measures…"'), not speech that stands alone.
UNATTRIBUTED_MIN_WORDS = 8
MAX_QUOTES = 20
# Calibrated on the seeds, the sample and TAC 2010: the same quote copied or lightly re-punctuated
# scores 90-100; different quotes of one speaker stay below 60.
SAME_QUOTE_RATIO = 85
PART_QUOTE_RATIO = 95  # partial_ratio when one outlet quotes only part of what another prints…
PART_MIN_WORDS = 8  # …and that part is long enough not to match by chance
QUICK_WORD_SHARE = 0.5  # below this word overlap neither ratio can reach its threshold (speed only)

# The look-behind of a straight quote comes after it ("not after a letter"), so that every alternative
# starts with a plain character (see synoptic.compare.scan).
_QUOTE = re.compile(r"“(?P<a>[^“”]{2,2000}?)”|\"(?<![\w`']\")(?P<b>[^\"]{2,2000}?)\"|``(?P<c>(?:(?!'').){2,2000}?)''|''(?P<c2>(?:(?!'').){2,2000}?)''")
_HAS_QUOTE_MARK = re.compile(r"[“\"]|``|''")  # every _QUOTE match holds one
_TITLE = r"(?:(?:Mr|Mrs|Ms|Dr|Col|Gen|Lt|Capt|Sgt|Maj|Sen|Rep|Gov|Prof|Rev|Insp|Det|St)\.|Colonel|General|President|Inspector|Chief|Captain|Sheriff|Mayor|Minister|Senator|Judge|Sergeant)"
_BARE_TITLE = re.compile(rf"{_TITLE}|(?:Mr|Mrs|Ms|Dr|Col|Gen|Lt|Capt|Sgt|Maj|Sen|Rep|Gov|Prof|Rev|Insp|Det|St)")
_NAME = rf"(?:{_TITLE}\s+)?[A-Z][\w'’.-]*(?:\s+(?:(?:al|el|bin|de|van|von|der)[\s-]+)?[A-Z][\w'’.-]*){{0,3}}"
# "told" names its audience: a named outlet or person ("told the Gazette"), or a plain one ("told reporters").
_TOLD = r"told\s+(?:reporters|journalists|lawmakers|(?:the\s+)?(?:residents|citizens|police|officials|investigators|court|jury|crowd|supporters|students|parents|audience|delegates|viewers|listeners)\b|(?:an?\s+)?(?:news|press)\s+conference|(?:the\s+)?(?:[A-Z][\w.]*\s*){1,3})"
_VERB = rf"(?:said|says|{_TOLD}|added|explained|noted|declared|insisted|warned|stressed|recalled|asked|wrote)"
_ROLE = r"(?P<role>(?:an?|the|his|her)\s+(?:[^.;:“”\"]|(?<=[A-Z])\.|\.(?=\s*[a-z]))+?)"  # "a U.S. military spokesman"
_END = r"\s*(?:[;,]|(?<![A-Z])\.|\.(?=\s*$|\s+[“\"`'A-Z])|$)"  # a full stop, not the one in "U.S. military"
_AFTER_NAMED = re.compile(rf"^\s*,?\s*{_VERB}\s+(?P<name>{_NAME})(?:,\s+{_ROLE})?{_END}")
_AFTER_DESC = re.compile(rf"^\s*,?\s*{_VERB}\s+(?P<role>(?:an?|the)\s+[^.;:“”\"]{{3,120}}?)\s*(?:[.;,]|$)")
_AFTER_ROLE_SUBJECT = re.compile(  # "…," the mayor said; "…," the 22-year-old reservist said; "…," one girl wrote
    rf"^\s*,?\s*(?P<role>(?:an?|the|one|two|three|several)\s+(?:[a-z0-9][\w'’-]*\s+){{0,4}}?[a-z][\w'’-]*)\s+{_VERB}"
)
# An apposition between a speaker's name and the verb: "…," Zhao Chen, director of the institute, told…
_APPOSITION = r"(?:,\s+(?P<appos>(?:an?\s|the\s|[a-z0-9])[^,.;:“”\"]{2,150}?),)?"
_AFTER_SUBJECT = re.compile(rf"^\s*,?\s*(?P<name>{_NAME}|he|she|He|She){_APPOSITION}\s+{_VERB}")
# Job words that make the words before a name its role: "…," company spokeswoman Kari Lund told AFP;
# "…," said city police spokeswoman Laura Reyes.
_JOB = (
    r"(?:spokes(?:man|woman|person)|expert|ambassador|minister|director|official|officer|chief|head|president|"
    r"chairman|chairwoman|analyst|researcher|professor|lawyer|attorney|commander|leader|secretary|governor|mayor|"
    r"manager|scientist|engineer|doctor|economist|coach|prosecutor|investigator|judge|inspector|chancellor)"
)
_JOB_ROLE = rf"(?P<role>(?:[\w'’.-]+\s+){{0,5}}?{_JOB})"
_AFTER_JOB_SUBJECT = re.compile(rf"^\s*,?\s*{_JOB_ROLE},?\s+(?P<name>{_NAME})\s+{_VERB}")
_AFTER_VERB_JOB = re.compile(rf"^\s*,?\s*{_VERB}\s+{_JOB_ROLE},?\s+(?P<name>{_NAME}){_END}")
# "…," the paper quoted Kim as saying; "…," Roh was quoted as saying.
_AFTER_QUOTED = re.compile(
    rf"^\s*,?\s*(?:[^.;:“”\"]{{0,60}}?\bquoted\s+(?:(?P<name>{_NAME})|(?P<role>(?:an?|the)\s+[^.;:“”\"]{{2,80}}?))|(?P<subject>{_NAME})\s+(?:was|is)\s+quoted)\s+as\s+saying"
)
_BEFORE = re.compile(rf"(?P<name>{_NAME})(?:,\s+{_ROLE},)?\s+{_VERB}\s*[:,]?\s*$")
# The verb _BEFORE ends with: a scan that jumps from one verb's first letter to the next (see
# synoptic.compare.scan) rules out most quotes before _BEFORE tries every position.
_VERB_AT_END = re.compile(rf"{_VERB}\s*[:,]?\s*$")
# A person named in running text: "Col. Ryan Dillon", "Liam Oduya, 19, a student", "Gwen Tarrant said".
_PERSON = re.compile(
    rf"(?<![\w'’-])(?:{_TITLE}\s+(?P<titled>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
    rf"|(?P<plain>[A-Z][a-z]+\s+[A-Z][a-z'’-]+)(?=,\s+(?:\d+,\s+)?(?:an?|the|who|his|her|said|says|told)\s|(?:\s+(?:himself|herself))?(?:\s+ha[sd])?\s+(?:said|says|told)\b"
    r"|,\s+[a-z]+\s+(?:[a-z]+\s+)?(?:director|chief|head|spokesman|spokeswoman|officer|minister|manager|commander)\b))"
)
_SAYS = tuple(re.compile(rf" {verb}\b") for verb in ("said", "says", "told", "added"))  # one literal each: a fast scan
_SURNAME_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z'’-]+)$")
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'’-]*\s+$")
_NOT_SPEAKERS = {"He", "She", "It", "They", "We", "I", "The", "But", "And", "This", "That", "There",
                 "In", "On", "At", "As", "For", "From", "After", "When", "If", "Meanwhile", "Then"}  # "In Washington, the…"


def _words(text: str) -> int:
    return len(text.split())


_PUNCTUATION = re.compile(r"[^\w\s]")


def _normal(text: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", text.lower()).split())


def _clean_quote(text: str) -> str:
    return " ".join(text.split()).strip(" ,")


def _named(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().rstrip(".,")
    first = name.split()[0]
    if first in _NOT_SPEAKERS or first.lower() in ("he", "she") or _BARE_TITLE.fullmatch(name):
        return None  # "Maj." alone: the name after it was not read
    return name


class _NamesMet:
    """The full names an article has named so far, latest last: the people its text names between
    the quotes ("Col. Ryan Dillon", "Gwen Tarrant said") and the speakers found. The text is read for
    names only when a "he said" or a bare surname needs them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.names: list[str] = []
        self.pending: list[str | tuple[int, int]] = []  # in order: spans still to read, speakers to add

    def passed(self, start: int, end: int) -> None:
        self.pending.append((start, end))

    def add(self, name: str) -> None:
        self.pending.append(name)

    def list(self) -> list[str]:
        for event in self.pending:
            if isinstance(event, str):
                self.names.append(event)
                continue
            met: list[tuple[int, re.Match[str] | str]] = [(m.start(), m) for m in _PERSON.finditer(self.text, *event)]
            if met or self.names:  # "Jones said the cold was worst. '…,' he said": Jones is the latest again
                for verb in (v for says in _SAYS for v in says.finditer(self.text, *event)):  # from the verb: cheaper than every capital
                    if surname := _SURNAME_BEFORE.search(self.text, max(event[0], verb.start() - 30), verb.start()):
                        met.append((surname.start(), surname.group(1)))
                met.sort(key=lambda item: item[0])
            for _, person in met:
                if isinstance(person, str):
                    if full := next((n for n in reversed(self.names) if n.split()[-1] == person), None):
                        self.names.append(full)
                    continue
                if person.group("titled") and _CAPITALISED_BEFORE.search(self.text, max(0, person.start() - 40), person.start()):
                    continue  # "Aldermoor General Hospital" is no general
                if (plain := person.group("plain")) and (plain.split()[-1].lower() in BODY_HEADS or not _named(plain)):
                    continue  # "…, who heads Esterby Fire and Rescue Service, said": a body, not a person
                self.names.append(person.group("titled") or person.group("plain"))
        self.pending.clear()
        return self.names


_ROLE_CLAUSE = re.compile(r",?\s+(?:who|that|which)\s.*$")


def _short_role(role: str | None) -> str | None:
    """A role without the clause that describes it further ("the coalition commander who is assisting
    and advising the SDF" → "the coalition commander"): a speaker's label, not a sentence."""
    if not role:
        return role
    short = _ROLE_CLAUSE.sub("", role)
    return short if len(short.split()) >= 2 else role


def _speaker(before: str, after: str, closed: bool = False) -> tuple[str | None, str | None, bool]:
    """(speaker, role, pronoun) from the text around one quote. After a quote that ends its sentence
    (``closed``: "…hands." Kate Lecchi, a spokeswoman, said they…), a name with an apposition or a job
    opens the next sentence rather than attributing this one."""
    if match := _AFTER_NAMED.match(after):
        name = _named(match.group("name"))
        if name:
            return name, (match.group("role") or None), False
    if match := _AFTER_DESC.match(after):
        return None, match.group("role").strip(), False
    if match := _AFTER_ROLE_SUBJECT.match(after):
        return None, match.group("role"), False
    if match := _AFTER_SUBJECT.match(after):
        name = match.group("name")
        if name.lower() in ("he", "she"):
            return None, None, True
        if _named(name) and not (closed and match.group("appos")):
            return _named(name), match.group("appos"), False
    for pattern in (_AFTER_VERB_JOB,) if closed else (_AFTER_JOB_SUBJECT, _AFTER_VERB_JOB):
        if (match := pattern.match(after)) and (name := _named(match.group("name"))):
            return name, match.group("role"), False
    if "quoted" in after and (match := _AFTER_QUOTED.match(after)):
        name = _named(match.group("name") or match.group("subject"))
        if name or match.group("role"):
            return name, match.group("role"), False
    if _VERB_AT_END.search(before, max(0, len(before) - 200)) and (match := _BEFORE.search(before[-200:])):
        name = _named(match.group("name"))
        if name:
            return name, (match.groupdict().get("role") or None), False
    return None, None, False


def find_quotes(corpus: Corpus, families: dict[str, int]) -> list[dict]:
    """Direct quotes with their speakers, one entry per quote across outlets."""
    order = {a.article.id: k for k, a in enumerate(corpus.articles)}
    by_article: dict[str, list] = {}
    for sentence in corpus.sentences:
        by_article.setdefault(sentence.article, []).append(sentence)
    found: list[dict] = []
    vocabulary: dict[str, int] = {}  # the quotes' words, numbered for _word_bits
    for clean in corpus.articles:
        sentences = by_article.get(clean.article.id, [])
        if not sentences:
            continue
        starts = [s.start for s in sentences]
        text = clean.article.text
        named = _NamesMet(text)  # full names met so far in the article, latest last
        described: str | None = None  # the latest unnamed speaker ("the coalition commander"), for "he said"
        seen_upto = 0
        for block_start, block_end in clean.blocks:
            block = text[block_start:block_end]
            if not _HAS_QUOTE_MARK.search(block):
                continue  # most paragraphs quote nobody: skip the costlier patterns
            previous: tuple[tuple[int, int], str | None, str | None] | None = None
            for match in _QUOTE.finditer(block):
                body = _clean_quote(match.group("a") or match.group("b") or match.group("c") or match.group("c2") or "")
                position = block_start + match.start()
                named.passed(seen_upto, position)
                seen_upto = max(seen_upto, block_start + match.end())
                speaker, role, pronoun = _speaker(block[: match.start()], block[match.end() : match.end() + 200], body.endswith("."))
                role = _short_role(role)
                unattributed = speaker is None and role is None and not pronoun
                if unattributed and previous and previous[0] == (block_start, match.start()):
                    speaker, role = previous[1], previous[2]  # "…," said X. "…" — X goes on speaking
                elif speaker and " " not in speaker:  # a surname: the full name met earlier
                    speaker = next((n for n in reversed(named.list()) if n.split()[-1] == speaker), speaker)
                elif pronoun:
                    names = named.list()
                    speaker = names[-1] if names else None
                    role = role if speaker else described
                if speaker:
                    named.add(speaker)
                elif role:
                    described = role
                previous = ((block_start, _attribution_end(block, match.end())), speaker, role)
                k = bisect_right(starts, position) - 1
                if k < 0 or not (sentences[k].start <= position < sentences[k].end):
                    continue  # the quote sits in a span cleaning dropped (a caption, a fragment)
                if _words(body) < MIN_QUOTE_WORDS:
                    continue
                found.append(
                    {
                        "speaker": speaker,
                        "role": role,
                        "text": body,
                        "sources": [clean.article.id],
                        "evidence": [{"article": clean.article.id, "sentence": sentences[k].index, "start": sentences[k].start, "end": sentences[k].end}],
                        "_attributed": bool(speaker or role or pronoun),  # "…," he said counts, named or not
                        "_normal": (normal := _normal(body)),
                        "_words": (bits := _word_bits(normal.split(), vocabulary)),
                        "_count": bits.bit_count(),
                    }
                )
    groups: list[dict] = []
    candidates = _Candidates(found)
    for quote in found:
        same = next(
            (groups[k] for k in candidates.of(quote) if _may_match(groups[k], quote) and _same_quote(groups[k]["_normal"], quote["_normal"])),
            None,
        )
        if same is None:
            quote["_group"] = len(groups)
            candidates.index(len(groups), quote)
            groups.append(quote)
            continue
        for article in quote["sources"]:
            if article not in same["sources"]:
                same["sources"].append(article)
        same["evidence"].extend(e for e in quote["evidence"] if e not in same["evidence"])
        same["_attributed"] = same["_attributed"] or quote["_attributed"]
        if len(quote["text"]) > len(same["text"]):
            same["text"], same["_normal"], same["_words"], same["_count"] = quote["text"], quote["_normal"], quote["_words"], quote["_count"]
            candidates.index(same["_group"], quote)
        if not same["speaker"] and quote["speaker"]:
            same["speaker"], same["role"] = quote["speaker"], quote["role"] or same["role"]
        elif not same["role"] and quote["role"]:
            same["role"] = quote["role"]
    groups = [g for g in groups if g["_attributed"] or (_words(g["text"]) >= UNATTRIBUTED_MIN_WORDS and not g["text"][0].islower())]
    for group in groups:
        group["sources"].sort(key=lambda a: order.get(a, 0))
        group["_independent"] = len({families.get(a, a) for a in group["sources"]})
    ranked = sorted(range(len(groups)), key=lambda i: (-groups[i]["_independent"], i))[:MAX_QUOTES]
    return [{k: v for k, v in groups[i].items() if not k.startswith("_")} for i in ranked]


_ATTRIBUTION = re.compile(r"[^“\"`']*?(?:(?<![A-Z])\.\s*|\.\s*(?=[“\"`'])|$)")


def _attribution_end(block: str, end: int) -> int:
    """Where the next quote of the same speaker would start: after the attribution's full stop."""
    match = _ATTRIBUTION.match(block, end)
    return match.end() if match else end


def _word_bits(words: list[str], vocabulary: dict[str, int]) -> int:
    """The set of a quote's words as the bits of an int (word → bit from ``vocabulary``, grown here):
    intersecting two of them is one machine operation, not a new set."""
    bits = 0
    for word in words:
        bits |= 1 << vocabulary.setdefault(word, len(vocabulary))
    return bits


def _may_match(a: dict, b: dict) -> bool:
    """Cheap pre-check before the fuzzy ratios: the same quote shares most of the shorter one's words
    (none shared: no match, also when one of them has no words)."""
    shared = (a["_words"] & b["_words"]).bit_count()
    return shared > 0 and shared >= QUICK_WORD_SHARE * min(a["_count"], b["_count"])


class _Candidates:
    """The groups a quote could join, found without testing every group (a brief of 1,000 articles has
    thousands of quotes). ``_may_match`` needs shared ≥ QUICK_WORD_SHARE of the shorter quote's words,
    so with words ordered rarest first (prefix filtering, as in similarity joins) a match shares one of
    the shorter side's rarest ``n - ceil(share·n) + 1`` words: the quote's prefix is looked up among all
    words of the groups, and all its words among the groups' prefixes. The result is a superset of the
    matching groups, in group order, so the first real match is the one a full scan would find."""

    def __init__(self, quotes: list[dict]) -> None:
        words = [set(quote["_normal"].split()) for quote in quotes]
        frequency = Counter(word for found in words for word in found)
        # each quote's words, rarest first, and how many of them form its prefix
        self.ordered = {
            id(quote): (ranked := sorted(found, key=lambda w: (frequency[w], w)), len(ranked) - math.ceil(QUICK_WORD_SHARE * len(ranked)) + 1)
            for quote, found in zip(quotes, words)
        }
        self.by_word: dict[str, set[int]] = defaultdict(set)  # word → groups holding it
        self.by_prefix: dict[str, set[int]] = defaultdict(set)  # word → groups with it among their rarest

    def of(self, quote: dict) -> list[int]:
        ranked, keep = self.ordered[id(quote)]
        found: set[int] = set()
        for word in ranked[:keep]:
            found.update(self.by_word.get(word, ()))
        for word in ranked:
            found.update(self.by_prefix.get(word, ()))
        return sorted(found)

    def index(self, group: int, quote: dict) -> None:
        """Record ``quote``'s words under ``group`` (also when a group takes a longer text: the old
        words stay, which only adds candidates)."""
        ranked, keep = self.ordered[id(quote)]
        for word in ranked:
            self.by_word[word].add(group)
        for word in ranked[:keep]:
            self.by_prefix[word].add(group)


def _same_quote(a: str, b: str) -> bool:
    if a == b or fuzz.ratio(a, b) >= SAME_QUOTE_RATIO:
        return True
    return min(_words(a), _words(b)) >= PART_MIN_WORDS and fuzz.partial_ratio(a, b) >= PART_QUOTE_RATIO
