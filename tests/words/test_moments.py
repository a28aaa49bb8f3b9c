"""Times as people read them (the share kit's suggested times): the site's language and zone,
Indonesia's zones by name (WIB, WITA, WIT), any other by its offset from UTC."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from generator.words.translate import format_short_moment, zone_label

MOMENT = datetime(2026, 9, 18, 12, 30, tzinfo=UTC)


@pytest.mark.parametrize(("moment", "zone", "lang", "expected"), [
    (MOMENT, "Asia/Jakarta", "id", "18 Sep 2026, 19.30 WIB"),
    (MOMENT, "Asia/Jakarta", "en", "18 Sep 2026, 7:30 pm WIB"),
    (MOMENT, "Asia/Makassar", "id", "18 Sep 2026, 20.30 WITA"),
    (MOMENT, "Asia/Makassar", "en", "18 Sep 2026, 8:30 pm WITA"),
    (MOMENT, "Asia/Jayapura", "id", "18 Sep 2026, 21.30 WIT"),
    (MOMENT, "Asia/Jayapura", "en", "18 Sep 2026, 9:30 pm WIT"),
    (MOMENT, "Asia/Pontianak", "id", "18 Sep 2026, 19.30 WIB"),  # West Kalimantan: WIB too
    (MOMENT, "UTC", "id", "18 Sep 2026, 12.30 UTC"),
    (MOMENT, "Europe/Amsterdam", "id", "18 Sep 2026, 14.30 UTC+2"),  # summer time
    (MOMENT.replace(month=12), "Europe/Amsterdam", "en", "18 Dec 2026, 1:30 pm UTC+1"),
    (MOMENT, "America/Sao_Paulo", "en", "18 Sep 2026, 9:30 am UTC-3"),
    (MOMENT, "Asia/Kolkata", "en", "18 Sep 2026, 6:00 pm UTC+5:30"),
    (MOMENT, "Asia/Kathmandu", "id", "18 Sep 2026, 18.15 UTC+5:45"),
    (MOMENT, "Asia/Bangkok", "id", "18 Sep 2026, 19.30 UTC+7"),  # same offset, not WIB
    # Indonesian month names; midnight and noon.
    (datetime(2026, 8, 16, 17, 5, tzinfo=UTC), "Asia/Jakarta", "id", "17 Agu 2026, 00.05 WIB"),
    (datetime(2026, 8, 16, 17, 5, tzinfo=UTC), "Asia/Jakarta", "en",
     "17 Aug 2026, 12:05 am WIB"),
    (datetime(2026, 5, 1, 5, 0, tzinfo=UTC), "Asia/Jakarta", "id", "1 Mei 2026, 12.00 WIB"),
    (datetime(2026, 5, 1, 5, 0, tzinfo=UTC), "Asia/Jakarta", "en", "1 May 2026, 12:00 pm WIB"),
    (datetime(2026, 12, 31, 17, 0, tzinfo=UTC), "Asia/Jakarta", "id", "1 Jan 2027, 00.00 WIB"),
    # Any other language: English; a regional tag: its language.
    (MOMENT, "Asia/Jakarta", "jv", "18 Sep 2026, 7:30 pm WIB"),
    (MOMENT, "Asia/Jakarta", "id-ID", "18 Sep 2026, 19.30 WIB"),
    (MOMENT, "Asia/Jakarta", "en-GB", "18 Sep 2026, 7:30 pm WIB"),
])
def test_format_short_moment(moment: datetime, zone: str, lang: str, expected: str) -> None:
    assert format_short_moment(moment, ZoneInfo(zone), lang) == expected


@pytest.mark.parametrize(("offset", "expected"), [
    (timedelta(0), "UTC"),
    (timedelta(hours=7), "UTC+7"),
    (timedelta(hours=-10), "UTC-10"),
    (timedelta(hours=-3, minutes=-30), "UTC-3:30"),
    (timedelta(hours=12, minutes=45), "UTC+12:45"),
])
def test_zone_label_by_offset(offset: timedelta, expected: str) -> None:
    assert zone_label(MOMENT.astimezone(timezone(offset))) == expected
