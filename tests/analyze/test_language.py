"""Whether a text reads as English (made-up reports in four languages)."""

from __future__ import annotations

import pytest

from synoptic.analyze.language import reads_as_english

ENGLISH = (
    "The harbour board voted on Tuesday to close the old swing bridge for six weeks while engineers replace its "
    "worn bearings. Drivers will be sent on a detour through the village, and a shuttle boat will carry people "
    "across the water every twenty minutes, the board said."
)
# A wire table keeps few stopwords, yet is English.
TABLE = (
    "Following are closing figures of the main Kelsby indices on Friday: Kelsby Composite 10,412.5, up 31.2; "
    "Harbour Shipping 2,210.4, down 4.1; Northline Transport 881.0, up 2.7; Orla Utilities 1,540.9, unchanged; "
    "Marlow Banks 3,015.2, up 12.6; Veldhaven Property 612.8, down 0.4; turnover 4.1 billion."
)
GERMAN = (
    "Der Hafenrat hat am Dienstag beschlossen, die alte Drehbrücke für sechs Wochen zu sperren, während Ingenieure "
    "die abgenutzten Lager ersetzen. Autofahrer müssen einen Umweg durch das Dorf nehmen, und ein Pendelboot bringt "
    "Fußgänger alle zwanzig Minuten über das Wasser, teilte der Rat mit."
)
SPANISH = (
    "La junta del puerto votó el martes cerrar el viejo puente giratorio durante seis semanas mientras los ingenieros "
    "sustituyen sus cojinetes gastados. Los conductores tendrán que dar un rodeo por el pueblo, y una lancha llevará "
    "a los peatones al otro lado cada veinte minutos, dijo la junta."
)
FRENCH = (
    "Le conseil du port a voté mardi la fermeture du vieux pont tournant pour six semaines, le temps que les "
    "ingénieurs remplacent ses roulements usés. Les automobilistes feront un détour par le village, et une navette "
    "fluviale transportera les piétons toutes les vingt minutes, a indiqué le conseil."
)


@pytest.mark.parametrize(("text", "english"), [(ENGLISH, True), (TABLE, True), (GERMAN, False), (SPANISH, False), (FRENCH, False)])
def test_english_prose_and_tables_read_as_english_and_other_languages_do_not(text: str, english: bool) -> None:
    assert reads_as_english(text) is english


def test_a_text_too_short_to_judge_is_taken_as_english() -> None:
    assert reads_as_english("Hafenrat sperrt die Drehbrücke")
