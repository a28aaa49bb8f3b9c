"""Words of the citation ("Kutip tulisan ini") and of the footer's credit (id and en).

The credit is printed by the theme (generator/theme/partials/copyright.html), which has no
translator under every engine: it holds the same words, and a test keeps the two in step.
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    # APA 7's date of a web page or video: "(2026, 23 Juni)", "(2026, June 23)".
    "citation.date": {"id": "{year}, {day} {month}", "en": "{year}, {month} {day}"},
    # APA 7's description of the format, after the title of a video.
    "citation.video": {"id": "[Video]", "en": "[Video]"},
    "citation.copy_apa": {"id": "Salin kutipan APA", "en": "Copy APA citation"},
    "citation.copy_bibtex": {"id": "Salin BibTeX", "en": "Copy BibTeX"},
    "citation.copied": {"id": "Tersalin", "en": "Copied"},
    # The footer: "Dibuat dengan knowledge-site dan Material for MkDocs".
    "credit.made_with": {"id": "Dibuat dengan", "en": "Made with"},
    "credit.and": {"id": "dan", "en": "and"},
}
