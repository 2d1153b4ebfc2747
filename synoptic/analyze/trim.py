"""Sentence trimming: drop an attribution tail (", officials said Tuesday.") from summary text.

Only a tail is cut and a full stop put back, so the trimmed sentence is still a verbatim prefix of
the source sentence and stays grammatical. The evidence keeps pointing at the whole sentence,
attribution included, so a reader can always see who said it.
"""

from __future__ import annotations

import re

TRIM_MIN_KEPT_CHARS = 30  # never cut a sentence down to a stub
_WHEN = (
    r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight"
    r"|last\s+(?:week|month|year|night)|this\s+(?:week|month|year)|earlier|later|in\s+a\s+statement"
    r"|in\s+an\s+interview)"
)
_ATTRIBUTION_TAIL = re.compile(
    r",\s+(?:"
    r"according\s+to\s+[^,;\"“”]{2,60}"  # , according to the police.
    r"|(?:[\w.'’-]+\s+){0,6}?(?:said|says|reported|reports|added|announced|told\s+[\w.'’ -]{1,30})(?:\s+" + _WHEN + r")*"
    r"|said\s+(?:[A-Z][\w.'’-]+\s*){1,4}(?:,\s+(?:a|an|the)\s+[^,;\"“”]{2,80})?"  # , said Ana Ruiz, a spokeswoman.
    r")\s*\.$"
)


def trimmed(text: str) -> str:
    """``text`` without its attribution tail, or unchanged when it has none or it is quoted speech."""
    match = _ATTRIBUTION_TAIL.search(text)
    if not match or match.start() < TRIM_MIN_KEPT_CHARS:
        return text
    head = text[: match.start()]
    if head.count("“") != head.count("”") or head.count('"') % 2 or head.count("''") % 2:
        return text  # the tail closes a quotation: "…," she said. — keep it whole
    return head + "."
