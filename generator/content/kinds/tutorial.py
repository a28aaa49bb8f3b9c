"""Tutorials: a level, an optional duration, objectives, prerequisites and video."""

from __future__ import annotations

from ..fields import FieldReader
from ..models import Details, Kind, TutorialDetails
from ..readers import Context, video
from ..source import SourceFile
from .spec import JsonObject, KindSpec, LinkedData, SchemaFields

LEVELS = ("beginner", "intermediate", "advanced")
# The words the pages show in Indonesian (and their near synonyms) mean the same levels.
LEVEL_WORDS = {"pemula": "beginner", "dasar": "beginner", "menengah": "intermediate",
               "mahir": "advanced", "lanjutan": "advanced", "lanjut": "advanced"}
KEYS = ("level", "duration", "objectives", "prerequisites", "video")


def read(r: FieldReader, source: SourceFile, ctx: Context) -> TutorialDetails | None:
    level = r.choice("level", LEVELS, required=True, words=LEVEL_WORDS)
    duration = r.integer("duration", minimum=1, maximum=100_000, code="value.minutes")
    objectives = r.text_list("objectives")
    prerequisites = r.text_list("prerequisites")
    clip = video(r, source, ctx, required=False)
    if level is None:
        return None
    return TutorialDetails(level, duration, objectives, prerequisites, clip)


def linked_data(details: Details, data: JsonObject, page: LinkedData) -> None:
    assert isinstance(details, TutorialDetails)
    data["@type"] = ["LearningResource", "HowTo"]
    data["learningResourceType"] = "tutorial"
    data["educationalLevel"] = details.level
    if details.duration:
        data["timeRequired"] = data["totalTime"] = f"PT{details.duration}M"
    if details.objectives:
        data["teaches"] = list(details.objectives)
    if details.prerequisites:
        data["competencyRequired"] = list(details.prerequisites)
    if details.video is not None:
        data["video"] = page.video(details.video)


FIELDS: SchemaFields = {
    "level": ("Level: beginner, intermediate or advanced (or in Indonesian: pemula, menengah, "
              "mahir).",
              "Tingkat: pemula (beginner), menengah (intermediate) atau mahir/lanjutan "
              "(advanced).",
              {"enum": [w for word in (*LEVELS, *LEVEL_WORDS) for w in (word, word.title())]}),
    "duration": ("Time to work through it, in whole minutes.",
                 "Waktu untuk menyelesaikannya, dalam menit (bilangan bulat).",
                 {"minimum": 1, "maximum": 100_000}),
    "objectives": ("What the reader will be able to do.",
                   "Apa yang akan bisa dilakukan pembaca.", {}),
    "prerequisites": ("What to have or know before starting.",
                      "Apa yang perlu disiapkan sebelum mulai.", {}),
    "video": ("A video that goes with the tutorial.", "Video yang menyertai tutorial.", {}),
}

SPEC = KindSpec(Kind.TUTORIAL, KEYS, ("level",), TutorialDetails, read,
                ("Tutorial front matter", "Front matter tutorial"), FIELDS, (12, 84, 96),
                linked_data)
