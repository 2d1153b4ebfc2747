"""Whether a text reads as English: synoptic's rules (sentence ends, quotes and speakers, figures, dates,
names) are written for English news, so a report in another language gets a brief with those parts
missing or noisy, and the user should be told rather than left to guess.

The test is the share of a text's words that are English stopwords (synoptic.analyze.tokens.STOPWORDS):
English prose is about two fifths stopwords, and even a wire table of index figures or a list of award
nominees keeps a ninth; German, Spanish or French prose shares only a few short words ("in", "a", "so")
with the list. No language model: the question is only "English or not".
"""

from __future__ import annotations

from synoptic.analyze.tokens import STOPWORDS, words

# Calibrated on the 2,922 dev-set articles of 20 words or more (/work/shared/data), all English: the lowest
# share is 0.111 (a Hang Seng index table), the 0.1st percentile 0.153; made-up German, Spanish and French
# reports of 40-100 words score 0.00-0.07.
ENGLISH_MIN_STOPWORD_SHARE = 0.09
LANGUAGE_MIN_WORDS = 30  # fewer words are too few to judge (a headline, a caption): taken as English


def reads_as_english(text: str) -> bool:
    """False only when ``text`` has enough words to judge and too few of them are English stopwords."""
    found = words(text)
    if len(found) < LANGUAGE_MIN_WORDS:
        return True
    return sum(word in STOPWORDS for word in found) / len(found) >= ENGLISH_MIN_STOPWORD_SHARE
