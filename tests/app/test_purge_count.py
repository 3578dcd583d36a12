"""The purge reminder's count (one aggregate query) agrees with the purge plan on every day."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from app.services import edits
from app.services.purge import due_count, plan_due


def test_the_reminder_count_is_the_plan_on_every_day_around_the_limits(store):
    with store.session() as s:
        ends = [
            datetime(2024, 5, 28, 23, 59, tzinfo=UTC),  # the last minute of a UTC day
            datetime(2024, 5, 29, 0, 0, tzinfo=UTC),  # the first minute of the next
            datetime(2024, 6, 2, 12, 0, tzinfo=UTC),
        ]
        actions = []
        for i, end in enumerate(ends):
            aid = edits.create(
                s,
                "action",
                title=f"Action {i}",
                timezone="Europe/Paris",
                starts_at=end - timedelta(hours=2),
                ends_at=end,
                country="",
            )
            rid = edits.create(s, "role", action_id=aid, name="Steward", needed=1)
            actions.append((aid, rid))
        people = [
            # (alias, personal data, own retain-until, actions taken part in)
            ("Only-first", {"phone": "1"}, None, [0]),
            ("Only-second", {"email": "a@example.org"}, None, [1]),
            ("Both", {"full_name": "B"}, None, [0, 2]),
            ("Explicit-early", {"notes": "n"}, date(2024, 6, 1), [2]),
            ("Explicit-late", {"phone": "2"}, date(2024, 7, 20), [0]),
            ("No-data", {}, None, [0]),
            ("Nowhere", {"phone": "3"}, None, []),
            ("Nowhere-explicit", {"phone": "4"}, date(2024, 6, 20), []),
        ]
        for alias, data, until, taking_part in people:
            pid = edits.create(s, "participant", alias=alias, retain_until=until, **data)
            for k in taking_part:
                aid, rid = actions[k]
                edits.create(s, "assignment", action_id=aid, participant_id=pid, role_id=rid)
    with store.read() as s:
        for offset in range(0, 50):
            today = date(2024, 6, 10) + timedelta(days=offset)
            plan = plan_due(s, today=today)
            expected = len(plan.participants) + len(plan.media_contacts)
            assert due_count(s, today=today) == expected, today
        assert due_count(s, today=date(2024, 6, 28)) == 3  # a boundary day has people due
