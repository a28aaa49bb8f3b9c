"""When to post: the library's posting slots (``posting_slots``, local times in the site's
zone) and the suggested time for a post about something just published."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from ..content.settings import PostingSlot


def next_slot(moment: datetime, slots: Sequence[PostingSlot], tz: ZoneInfo) -> datetime:
    """The suggested time for a post about something published at ``moment``: the moment
    itself when it falls inside a slot, else the start of the next slot (the next day's first
    when none is left today). Without slots, the moment itself. Returned in ``tz``."""
    local = moment.astimezone(tz).replace(microsecond=0)
    ordered = sorted(slots, key=lambda s: s.start_minute)
    if not ordered:
        return local
    day = datetime(local.year, local.month, local.day)  # naive midnight, local wall time
    for offset in range(3):
        midnight = day + timedelta(days=offset)
        for slot in ordered:
            start = _wall(midnight + timedelta(minutes=slot.start_minute), tz)
            end = _wall(midnight + timedelta(minutes=slot.end_minute), tz)
            if start <= local < end:
                return local
            if local < start:
                return start
    raise AssertionError("unreachable: a slot exists every day")


def slot_end(moment: datetime, slots: Sequence[PostingSlot], tz: ZoneInfo) -> datetime | None:
    """The end of the slot ``moment`` falls in (a slot's start is inside it, its end is not);
    None when it is in none."""
    local = moment.astimezone(tz)
    midnight = datetime(local.year, local.month, local.day)  # naive, local wall time
    for slot in slots:
        start = _wall(midnight + timedelta(minutes=slot.start_minute), tz)
        end = _wall(midnight + timedelta(minutes=slot.end_minute), tz)  # 24:00: next midnight
        if start <= local < end:
            return end
    return None


def slot_of(moment: datetime, slots: Sequence[PostingSlot], tz: ZoneInfo) -> PostingSlot | None:
    """The slot ``moment`` falls in (its start inside, its end not); None when in none."""
    local = moment.astimezone(tz)
    midnight = datetime(local.year, local.month, local.day)
    for slot in slots:
        start = _wall(midnight + timedelta(minutes=slot.start_minute), tz)
        end = _wall(midnight + timedelta(minutes=slot.end_minute), tz)
        if start <= local < end:
            return slot
    return None


def slot_label(slot: PostingSlot | None) -> str:
    """A slot as a link's campaign carries it (``utm_content``): ``0600-0800``; "" for none."""
    if slot is None:
        return ""
    return f"{slot.start_minute // 60:02d}{slot.start_minute % 60:02d}-" \
           f"{slot.end_minute // 60:02d}{slot.end_minute % 60:02d}"


def _wall(naive: datetime, tz: ZoneInfo) -> datetime:
    """A local wall-clock time as an aware datetime (gap times move forward, as clocks do)."""
    aware = naive.replace(tzinfo=tz)
    return aware.astimezone(UTC).astimezone(tz)


def open_until(published: datetime, slots: Sequence[PostingSlot], tz: ZoneInfo) -> datetime:
    """Until when a post about something published at ``published`` is on time: the end of
    the slot of its suggested time (without slots, the suggested time itself)."""
    when = next_slot(published, slots, tz)
    return slot_end(when, slots, tz) or when
