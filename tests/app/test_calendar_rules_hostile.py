"""Repeat rules that never fall on a day, or step by nothing, are refused in seconds: the
import (and its dry run, and the window's preview) hung for good (hostile-input review)."""

from __future__ import annotations

import threading

import pytest

EVENT = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:x
DTSTAMP:20240101T000000Z
DTSTART;TZID=Europe/Paris:20240528T100000
DURATION:PT10M
SUMMARY:Cue
RRULE:{rule}
END:VEVENT
END:VCALENDAR
"""


def _within(seconds: float, work):
    out: dict = {}
    worker = threading.Thread(target=lambda: out.setdefault("r", work()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"still running after {seconds} s"
    return out["r"]


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("FREQ=DAILY;INTERVAL=0", "INTERVAL must be a whole number of at least 1"),
        ("FREQ=YEARLY;INTERVAL=0", "INTERVAL must be a whole number of at least 1"),
        ("FREQ=WEEKLY;INTERVAL=-1;COUNT=3", "INTERVAL must be a whole number of at least 1"),
        ("FREQ=SECONDLY;BYSETPOS=2", "takes too long to work out"),
        ("FREQ=HOURLY;BYSETPOS=27", "takes too long to work out"),
        ("FREQ=HOURLY;INTERVAL=24;BYHOUR=3", "the repeat rule cannot be read"),
    ],
)
def test_a_rule_that_never_ends_is_refused_with_its_line(
    cli, demo_db, tmp_path, monkeypatch, rule, message
):
    from app.exports.calendar import recurrence

    monkeypatch.setattr(recurrence, "BUDGET_S", 0.5)  # the app's 3 s, shorter for the suite
    path = tmp_path / "rule.ics"
    path.write_text(EVENT.format(rule=rule), encoding="utf-8")
    for extra in (("--dry-run",), ()):
        r = _within(
            60, lambda e=extra: cli("--db", demo_db, "import-ics", "funeral-for-privacy", path, *e)
        )
        assert r.code == 2, r.err
        assert "line 10" in r.err and message in r.err, r.err


def test_a_daily_rule_without_an_end_still_gives_the_action_s_day(cli, demo_db, tmp_path):
    path = tmp_path / "rule.ics"
    path.write_text(EVENT.format(rule="FREQ=DAILY"), encoding="utf-8")
    r = cli("--db", demo_db, "import-ics", "funeral-for-privacy", path, "--dry-run")
    assert r.code == 0, r.err
    assert "10:00" in r.out and "Cue" in r.out, r.out


def test_a_text_too_long_for_a_cue_is_cut_and_said(cli, demo_db, tmp_path):
    """A 5,000-character DESCRIPTION was cut without a word (a bundle is refused instead)."""
    text = EVENT.replace("RRULE:{rule}\n", "").replace(
        "SUMMARY:Cue", "SUMMARY:" + "Long " * 80 + "\nDESCRIPTION:" + "x" * 6000
    )
    path = tmp_path / "long.ics"
    path.write_text(text, encoding="utf-8")
    r = cli("--db", demo_db, "import-ics", "funeral-for-privacy", path, "--dry-run")
    assert r.code == 0, r.err
    said = r.err + r.out
    assert "line 9: SUMMARY was cut to 300 characters" in said, said
    assert "line 10: DESCRIPTION was cut to 5000 characters" in said, said
