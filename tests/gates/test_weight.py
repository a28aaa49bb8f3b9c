"""What a phone fetches for each page type before any interaction stays under the budget
(gzip -6, the item's own pictures excluded: see checks.is_own_picture)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .browser import FirstLook
from .checks import ALL_PAGE_TYPES, WEIGHT_BUDGET_GZIP, Resource, counted_gzip, page_weight
from .conftest import representative

pytestmark = pytest.mark.gates


@pytest.mark.parametrize("kind", ALL_PAGE_TYPES)
def test_page_weight_within_budget(
    kind: str,
    pages: dict[str, str],
    first_looks: Callable[[str], FirstLook],
    built_site: Path,
    weight_rows: dict[str, tuple[str, list[Resource]]],
) -> None:
    path = representative(pages, kind)
    resources = page_weight(built_site, path, first_looks(path).fetched)
    weight_rows[kind] = (path, resources)
    counted = counted_gzip(resources)
    heaviest = sorted((r for r in resources if not r.own_picture), key=lambda r: -r.gzip)
    detail = "\n".join(f"  {r.gzip / 1000:7.1f} kB gzip  {r.path}" for r in heaviest)
    assert counted <= WEIGHT_BUDGET_GZIP, (
        f"{path}: {counted / 1000:.1f} kB gzip before interaction, budget "
        f"{WEIGHT_BUDGET_GZIP / 1000:.0f} kB:\n{detail}"
    )
