"""The content types, one entry each (see spec.py)."""

from __future__ import annotations

from ..models import Kind
from . import review, tutorial, video
from .spec import KindSpec

KINDS: dict[Kind, KindSpec] = {spec.kind: spec for spec in (tutorial.SPEC, review.SPEC,
                                                            video.SPEC)}
assert set(KINDS) == set(Kind), "every Kind needs its KindSpec"


def spec_for(kind: Kind) -> KindSpec:
    return KINDS[kind]
