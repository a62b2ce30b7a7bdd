"""Time maths: parsing, DST in New York (March and November), half-hour Kolkata, Auckland."""

from __future__ import annotations

import datetime as dt

import pytest

from commands.schedule import (
    Schedule,
    ScheduleError,
    current_occurrence,
    digest_due,
    format_local,
    latest_occurrence,
    next_occurrence,
    occurrence_on,
    parse_until,
    parse_weekly,
    parse_zone,
    period_of,
)


def schedule(zone: str, checkin: str = "MON 09:00", digest: str = "FRI 16:00") -> Schedule:
    return Schedule(zone=zone, checkin=parse_weekly(checkin), digest=parse_weekly(digest))


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute)


@pytest.mark.parametrize("text", ["MON 09:00", "mon 9:00", "Monday 09:00", "  FRI 16:30 "])
def test_weekly_times_parse(text: str) -> None:
    assert parse_weekly(text).weekday in ("mon", "fri")


@pytest.mark.parametrize("text", ["MON 9am", "MON", "09:00", "XYZ 09:00", "MON 24:00", "MON 09:60", ""])
def test_bad_weekly_times_say_how_to_fix_them(text: str) -> None:
    with pytest.raises(ScheduleError, match=r"MON|weekday|time"):
        parse_weekly(text)


@pytest.mark.parametrize("zone", ["Mars/Base", "EST", "+05:00", "", "Europe/Londn"])
def test_bad_zones_are_refused(zone: str) -> None:
    with pytest.raises(ScheduleError):
        parse_zone(zone)


def test_new_york_spring_forward_moves_the_utc_instant_not_the_wall_clock() -> None:
    ny = schedule("America/New_York")
    before = occurrence_on(ny, dt.date(2026, 3, 2))  # EST, UTC-5
    after = occurrence_on(ny, dt.date(2026, 3, 9))  # EDT, UTC-4 (DST began Sunday 8 March)
    assert before.due_utc == utc(2026, 3, 2, 14, 0)
    assert after.due_utc == utc(2026, 3, 9, 13, 0)
    assert (before.period, after.period) == ("2026-W10", "2026-W11")


def test_new_york_fall_back() -> None:
    ny = schedule("America/New_York")
    assert occurrence_on(ny, dt.date(2026, 10, 26)).due_utc == utc(2026, 10, 26, 13, 0)
    assert occurrence_on(ny, dt.date(2026, 11, 2)).due_utc == utc(2026, 11, 2, 14, 0)


def test_a_time_in_the_spring_gap_moves_forward_and_a_repeated_time_is_the_first() -> None:
    gap = schedule("America/New_York", "SUN 02:30")
    assert occurrence_on(gap, dt.date(2026, 3, 8)).due_utc == utc(2026, 3, 8, 7, 30)  # 03:30 EDT
    repeated = schedule("America/New_York", "SUN 01:30")
    assert occurrence_on(repeated, dt.date(2026, 11, 1)).due_utc == utc(2026, 11, 1, 5, 30)  # 01:30 EDT


def test_kolkata_half_hour_offset() -> None:
    kolkata = schedule("Asia/Kolkata")
    occ = occurrence_on(kolkata, dt.date(2026, 11, 23))
    assert occ.due_utc == utc(2026, 11, 23, 3, 30)


def test_auckland_monday_morning_is_sunday_evening_utc_and_keys_by_the_local_week() -> None:
    akl = schedule("Pacific/Auckland")
    occ = occurrence_on(akl, dt.date(2026, 11, 23))
    assert occ.due_utc == utc(2026, 11, 22, 20, 0)  # NZDT, UTC+13
    assert occ.period == "2026-W48" == period_of(dt.date(2026, 11, 23))
    # 21:00 UTC Sunday is already Monday 10:00 in Auckland: this week's cycle is due
    assert latest_occurrence(akl, utc(2026, 11, 22, 21, 0)).period == "2026-W48"
    # 19:00 UTC Sunday is Monday 08:00 there: the latest due one is last week's
    assert latest_occurrence(akl, utc(2026, 11, 22, 19, 0)).period == "2026-W47"
    assert next_occurrence(akl, utc(2026, 11, 22, 19, 0)).period == "2026-W48"
    winter = occurrence_on(akl, dt.date(2026, 6, 1))  # NZST, UTC+12
    assert winter.due_utc == utc(2026, 5, 31, 21, 0)


def test_current_occurrence_is_this_local_week_even_before_it_is_due() -> None:
    london = schedule("Europe/London")
    occ = current_occurrence(london, utc(2026, 11, 23, 7, 0))  # Monday 07:00, due at 09:00
    assert occ.period == "2026-W48" and occ.due_utc == utc(2026, 11, 23, 9, 0)
    assert latest_occurrence(london, utc(2026, 11, 23, 7, 0)).period == "2026-W47"


def test_digest_follows_its_checkin() -> None:
    london = schedule("Europe/London")
    due = utc(2026, 11, 23, 9, 0)
    assert digest_due(london, due) == utc(2026, 11, 27, 16, 0)
    same = schedule("Europe/London", "MON 09:00", "MON 09:00")
    assert digest_due(same, due) == utc(2026, 11, 30, 9, 0)
    earlier = schedule("Europe/London", "MON 09:00", "MON 08:00")
    assert digest_due(earlier, due) == utc(2026, 11, 30, 8, 0)


def test_digest_across_the_new_york_dst_change() -> None:
    ny = schedule("America/New_York", "FRI 09:00", "MON 09:00")
    checkin = occurrence_on(ny, dt.date(2026, 3, 6)).due_utc  # Friday, EST
    assert digest_due(ny, checkin) == utc(2026, 3, 9, 13, 0)  # Monday after the change, EDT


def test_snooze_durations_and_dates() -> None:
    today = dt.date(2026, 11, 23)
    assert parse_until("2w", today=today) == dt.date(2026, 12, 6)
    assert parse_until("10d", today=today) == dt.date(2026, 12, 2)
    assert parse_until("until 2026-12-31", today=today) == dt.date(2026, 12, 31)
    with pytest.raises(ScheduleError):
        parse_until("2020-01-01", today=today)
    with pytest.raises(ScheduleError):
        parse_until("soon", today=today)


def test_times_are_shown_in_the_readers_zone_with_its_name() -> None:
    moment = utc(2026, 11, 27, 16, 0)
    assert format_local(moment, "Europe/London") == "Fri 27 Nov 16:00 (Europe/London)"
    assert format_local(moment, "Asia/Kolkata") == "Fri 27 Nov 21:30 (Asia/Kolkata)"
    assert format_local(moment, None).endswith("(UTC)")
    assert format_local(moment, "Not/AZone").endswith("(UTC)")
