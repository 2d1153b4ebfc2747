"""Made-up articles of three unrelated fictional stories, written for these tests, plus builders."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from synoptic.model import Article

BRIDGE = [
    (
        "Harrowgate Bridge closed after cracks found in main span",
        "Engineers closed the Harrowgate Bridge over the River Lune on Monday after inspectors found cracks in the "
        "main steel span. The county council said the bridge would stay shut to all traffic while the Harrowgate "
        "span is surveyed. Drivers face a detour of twelve miles through Pellham. Council engineer Mara Quist said "
        "the cracks were found during a routine inspection of the bridge bearings.",
    ),
    (
        "Detour chaos as Harrowgate Bridge stays shut",
        "Traffic queued through Pellham for a second day on Tuesday as the Harrowgate Bridge remained closed. "
        "Inspectors found cracks in the steel span of the bridge over the River Lune, and the council said "
        "engineers led by Mara Quist were still surveying the span. Businesses near the bridge said the detour "
        "had cut their trade by half.",
    ),
    (
        "Harrowgate Bridge repairs to take three months",
        "Repairs to the cracked main span of the Harrowgate Bridge will take three months, the county council said "
        "on Thursday. Engineer Mara Quist said new steel plates would be bolted over the cracks found in the span, "
        "and the bridge over the River Lune would reopen to cars first and lorries later. The Pellham detour stays.",
    ),
]
CLUB = [
    (
        "Dunmore Rovers sold to shipping magnate Ilse Varga",
        "Dunmore Rovers football club has been sold to the shipping magnate Ilse Varga, the club announced on "
        "Monday. Varga, who owns the Kestrel Line ferries, bought the club from the Albright family for an "
        "undisclosed sum. Supporters of the Rovers welcomed the takeover and hope for a new stadium at Quayside.",
    ),
    (
        "Varga promises Rovers a new Quayside stadium",
        "Ilse Varga, the new owner of Dunmore Rovers, promised supporters a new stadium at Quayside within four "
        "years. The Kestrel Line founder told a meeting of Rovers fans that the club's old ground was too small. "
        "The Albright family sold the football club to Varga last week.",
    ),
    (
        "Rovers manager stays on under owner Varga",
        "Dunmore Rovers manager Tobias Reyne will stay at the football club after talks with owner Ilse Varga. "
        "Varga said Reyne had her full backing and money for new players. The Rovers supporters' trust said the "
        "takeover from the Albright family had been handled well and welcomed the Quayside stadium plan.",
    ),
]
BEETLE = [
    (
        "New beetle species found in Orrin Valley cloud forest",
        "Biologists from the University of Calder have described a new species of dung beetle found in the cloud "
        "forest of the Orrin Valley. The beetle, named Onthophagus orrinensis, has bright copper wing cases. "
        "Lead author Dr Pia Lindqvist said the Orrin Valley forest was home to many insects still unknown.",
    ),
    (
        "Copper beetle of Orrin Valley named by Calder team",
        "A copper-coloured dung beetle discovered in the Orrin Valley cloud forest has been named Onthophagus "
        "orrinensis by a team from the University of Calder. Dr Pia Lindqvist said the species lives only in the "
        "high forest of the valley, where logging threatens its habitat.",
    ),
    (
        "Orrin Valley beetle prompts call to protect cloud forest",
        "Conservation groups called for the Orrin Valley cloud forest to be protected after the University of "
        "Calder described the new dung beetle Onthophagus orrinensis. Dr Pia Lindqvist said the copper beetle "
        "was found in only three patches of forest, all near logging roads in the valley.",
    ),
]
# A story that becomes clear only as it grows: its first report is a shouted column of background, its second
# title was cut short by a feed and the third carries a site's name; only then do whole titles tell the news.
DAM = [
    (
        "WATER WEEK: A LOOK BACK AT THE VALLEY'S OLD RESERVOIRS",
        "The Marren valley has stored its water behind earth dams since the 1890s. Historians at the Pellham "
        "museum say the Marren reservoir once fed three mills and a brewery, and its keepers' cottages still stand "
        "on the east shore. This week our column looks at how the valley's reservoirs were built by hand.",
    ),
    (
        "Engineers find cracks in Marren reservoir dam as villages below brace for",
        "Engineers found cracks in the Marren reservoir dam on Sunday and began lowering the water level. The "
        "Upland Water Board said villages below the dam, Ashby and Corve, should be ready to leave. Board engineer "
        "Nadia Ferrant said the cracks ran across the crest of the dam and pumps were moving water to the river.",
    ),
    (
        "Ashby and Corve evacuated as Marren dam cracks widen - Valley Gazette",
        "About 900 people left Ashby and Corve on Monday after the cracks in the Marren reservoir dam widened "
        "overnight. The Upland Water Board said pumps had lowered the reservoir by two metres. Engineer Nadia "
        "Ferrant said the dam was not expected to fail but the villages below it would stay empty until it is safe.",
    ),
    (
        "Marren dam cracks: evacuated villagers return as reservoir is lowered",
        "Villagers evacuated from Ashby and Corve returned home on Wednesday after the Upland Water Board lowered "
        "the Marren reservoir far enough to take the strain off the cracked dam. Engineer Nadia Ferrant said repairs "
        "to the cracks in the dam crest would start next month and the reservoir would stay low until then.",
    ),
]
STORIES = {"bridge": BRIDGE, "club": CLUB, "beetle": BEETLE}  # the three that interleaved() mixes
# Two German reports of one story, for briefs that must say their articles do not read as English.
GERMAN = [
    (
        "Kesselbrücke in Halden nach Rissen im Hauptträger gesperrt",
        "Die Stadt Halden hat am Montag die Kesselbrücke über die Wernau gesperrt, nachdem Prüfer Risse im stählernen "
        "Hauptträger gefunden hatten. Der Kreisrat erklärte, die Kesselbrücke bleibe für alle Fahrzeuge geschlossen, bis "
        "Ingenieure den Träger untersucht haben. Autofahrer müssen einen Umweg über Brenndorf nehmen.",
    ),
    (
        "Kesselbrücke über die Wernau bleibt wochenlang gesperrt",
        "Die Kesselbrücke über die Wernau bleibt nach dem Fund von Rissen im Hauptträger mehrere Wochen gesperrt, teilte "
        "der Kreisrat in Halden am Dienstag mit. Ingenieurin Greta Vollmer sagte, neue Stahlplatten würden über die Risse "
        "geschraubt. Händler in Brenndorf klagen über den Umweg und weniger Kunden.",
    ),
]


def story_articles(name: str, start_day: int = 1, month: str = "2025-03") -> list[Article]:
    """The articles of one made-up story, a day apart from ``start_day`` of ``month``."""
    return [
        Article(id=f"{name}-{i + 1}", title=title, text=text, date=f"{month}-{start_day + i:02d}", source="Test Wire")
        for i, (title, text) in enumerate({**STORIES, "dam": DAM, "german": GERMAN}[name])
    ]


def interleaved() -> list[Article]:
    """The three stories mixed, in date order (the same three days), bridge, club, beetle each day."""
    stories = [story_articles(name) for name in STORIES]
    return [article for day in zip(*stories) for article in day]


def roundup() -> list[Article]:
    """interleaved() as one paper's weekly roundup column: every title opens with the column's name, which a
    story store weighs enough to group all nine into one story, though they tell three."""
    return [replace(a, title=f"Skelbrook Courier weekly roundup: {a.title}") for a in interleaved()]


def write_stream(path: Path, articles: list[Article], gold: dict[str, str] | None = None) -> Path:
    """Articles as JSONL lines (with a gold ``story`` when given), the format stories ingest and eval read."""
    lines = []
    for a in articles:
        record = {"id": a.id, "title": a.title, "text": a.text, "date": a.date, "source": a.source}
        if gold is not None:
            record["story"] = gold[a.id]
        lines.append(json.dumps(record))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
