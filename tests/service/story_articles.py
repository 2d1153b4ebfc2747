"""A small story store for the stories view tests, built from made-up articles written for them.

- the three stories of tests/stories/helpers.py (bridge, club, beetle), 2025-03-01 to 03-03;
- a wildfire report and a reservoir report that start two stories, then two reports that join both:
  the second makes the store merge the reservoir story into the wildfire story (2025-04-01 to 04-04);
- a one-article story whose title and text carry markup, to check that pages show it as text;
- LATER: a report that arrives afterwards (with `synoptic stories ingest`, while the server runs).
"""

from __future__ import annotations

from pathlib import Path

from synoptic.model import Article
from synoptic.stories import StoryStore
from synoptic.stories.cluster import story_id_for
from tests.stories.helpers import interleaved, story_articles

FIRE = (
    "Wildfire forces evacuation of Lanmoor village",
    (
        "A wildfire on the heath above Lanmoor forced the evacuation of the village on Monday. Fire crews from three "
        "counties fought the flames through the night as smoke drifted over the valley. Residents of Lanmoor spent the "
        "night in a school hall."
    ),
)
RESERVOIR = (
    "Gorse Hill water reservoir levels fall to record low",
    (
        "The Gorse Hill reservoir above Lanmoor has fallen to its lowest level on record, the Thessaly Water company "
        "said. Hosepipe use is banned across the district and the company asked customers to save water."
    ),
)
LINKS = [
    (
        "Lanmoor wildfire: fire crews on the heath turn to the reservoir",
        FIRE[1] + " " + RESERVOIR[1],
    ),
    (
        "Thessaly Water: Lanmoor wildfire crews drain Gorse Hill reservoir",
        (
            "The wildfire above Lanmoor was still burning on Tuesday and fire crews said the heath was tinder dry. Smoke "
            "closed the valley road and Lanmoor residents were told to stay away from their homes. Thessaly Water extended "
            "its hosepipe ban as the Gorse Hill reservoir near the Lanmoor heath kept draining. The company said customers "
            "must save water until the reservoir recovers."
        ),
    ),
]
HOSTILE_TITLE = "<script>window.__xss = 'title'</script>Quarry blast rattles Denholm"
HOSTILE = Article(
    id="quarry-1",
    title=HOSTILE_TITLE,
    text=(
        "A planned blast at the Denholm limestone quarry shook windows across the town on Sunday morning. "
        "<img src=x onerror=\"window.__xss = 'text'\"> The quarry operator said the charge was larger than usual "
        "and apologised to residents, several of whom reported cracked plaster."
    ),
    date="2025-04-06",
    source="Denholm Echo",
)
LATER = Article(
    id="bridge-4",
    title="Harrowgate Bridge reopens to cars after span repairs",
    text=(
        "The Harrowgate Bridge over the River Lune reopened to cars on Monday after engineers bolted steel plates over "
        "the cracks in its main span. Council engineer Mara Quist said lorries would follow once the span had been "
        "load tested, and the Pellham detour would end for most drivers. Traders near the bridge said business "
        "had started to recover within hours."
    ),
    date="2025-03-10",
    source="Test Wire",
)

BRIDGE_STORY = story_id_for("bridge-1")
CLUB_STORY = story_id_for("club-1")
FIRE_STORY = story_id_for("fire-1")  # survives the merge: its first article came first
FIRE_STORY_TITLE = LINKS[1][0]  # the merged story is named after the title that names both its halves
RESERVOIR_STORY = story_id_for("reservoir-1")  # merged into FIRE_STORY
QUARRY_STORY = story_id_for("quarry-1")


def stream() -> list[Article]:
    """Every article of the store but LATER, in arrival order."""
    merging = [
        Article(id="fire-1", title=FIRE[0], text=FIRE[1], date="2025-04-01", source="Valley Post"),
        Article(id="reservoir-1", title=RESERVOIR[0], text=RESERVOIR[1], date="2025-04-01", source="District News"),
        *(Article(id=f"link-{i + 1}", title=title, text=text, date=f"2025-04-0{i + 3}", source="Valley Post") for i, (title, text) in enumerate(LINKS)),
    ]
    return [*interleaved(), *merging, HOSTILE]


def build_story_store(path: Path) -> Path:
    """The store described above, through the real StoryStore; checks the merge really happened."""
    with StoryStore(path) as store:
        report = store.ingest(stream())
        assert report.merged == 1 and store.resolve(RESERVOIR_STORY) == FIRE_STORY, report.line()
    return path


def bridge_texts() -> dict[str, str]:
    """The bridge story's article texts by id (LATER included), as ingested."""
    return {a.id: a.text for a in [*story_articles("bridge"), LATER]}
