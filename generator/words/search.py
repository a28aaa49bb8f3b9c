"""Words of the search (id and en)."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    # The button under the results that shows the next page of them.
    "search.more": {"id": "Tampilkan lebih banyak", "en": "Show more"},
}
