"""Clean: decide which spans of each article are news, and record what was removed and why."""

from __future__ import annotations

from collections.abc import Sequence

from synoptic.clean.boilerplate import line_key, repeated_lines
from synoptic.clean.rules import BUDGET_MIN_ENTRIES, DROP_RULES, PREFIX_LINES, PREFIX_RULES, SUFFIX_RULES, LineContext, announces_budget
from synoptic.model import Article, CleanArticle, Removal

__all__ = ["clean_article", "clean_cluster", "is_news_budget", "DROP_RULES", "PREFIX_RULES", "SUFFIX_RULES"]


def _lines(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank lines of ``text``, trimmed of surrounding whitespace."""
    spans, pos = [], 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            spans.append((start, start + len(stripped)))
        pos += len(raw)
    return spans


def clean_article(article: Article, boilerplate: frozenset[str] = frozenset()) -> CleanArticle:
    """Apply the prefix, suffix and drop rules line by line; ``boilerplate`` holds cluster-level repeats."""
    text, blocks, removals = article.text, [], []
    kept_keys: set[str] = set()  # a paragraph the article already gave (a pull quote, a page repeated by its CMS) adds nothing
    lifted_date: str | None = None
    for number, (start, end) in enumerate(_lines(text)):
        ctx = LineContext(title=article.title, line_number=number)
        cut_any = True
        while cut_any and start < end:  # prefixes can stack: "date 2017-10-17 Site web: …"
            cut_any = False
            for name in PREFIX_RULES:
                cut = PREFIX_RULES.get(name)(text[start:end], ctx)
                if cut and cut.length > 0:
                    removals.append(Removal(article.id, name, text[start : start + cut.length].strip(), start, start + cut.length))
                    if name == "date_header" and cut.value:
                        lifted_date = lifted_date or cut.value
                    start += cut.length
                    cut_any = True
        for name in SUFFIX_RULES:
            if cut_at := SUFFIX_RULES.get(name)(text[start:end], ctx):
                removals.append(Removal(article.id, name, text[start + cut_at : end], start + cut_at, end))
                end = start + cut_at
        line = text[start:end]
        if not line.strip():
            continue
        dropped_by = next((name for name in DROP_RULES if DROP_RULES.get(name)(line, ctx)), None)
        key = line_key(line)
        if dropped_by is None and boilerplate and key in boilerplate:
            dropped_by = "repeated_line"
        if dropped_by is None and key in kept_keys:
            dropped_by = "repeated_paragraph"
        if dropped_by:
            removals.append(Removal(article.id, dropped_by, line, start, end))
        else:
            blocks.append((start, end))
            kept_keys.add(key)
    return CleanArticle(article=article, blocks=tuple(blocks), date=article.date or lifted_date, removals=tuple(removals))


def clean_cluster(articles: Sequence[Article]) -> list[CleanArticle]:
    """Clean each article, treating lines repeated across independent articles as boilerplate."""
    lines = [[a.text[s:e] for s, e in _lines(a.text)] for a in articles]
    boilerplate = frozenset(repeated_lines(lines)) if len(articles) > 1 else frozenset()
    return [clean_article(a, boilerplate) for a in articles]


def is_news_budget(clean: CleanArticle) -> bool:
    """Whether the article as a whole is a wire desk's news budget (synoptic.clean.rules.announces_budget):
    what its entries leave (section heads, "By NAME. (Story will move in the ``a'' category.)", a teaser
    the slug rule missed) is no report. Its lines still feed the summary, which scores them no worse than
    leaving them out (dropping them cost ROUGE on two dev sets), but it is nobody's latest report."""
    text = clean.article.text
    if any(announces_budget(text[start:end]) for start, end in _lines(text)[:PREFIX_LINES]):
        return True
    return sum(r.rule == "budget_entry" for r in clean.removals) >= BUDGET_MIN_ENTRIES
