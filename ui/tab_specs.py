"""The seven tabs of the main window, in their own module so that the menus read them without
importing the window that imports the menus (no import cycle, tests/app/test_architecture.py)."""

from __future__ import annotations

from app.i18n import N_

# (key, module, class, title for a missing tab) in Ctrl+1…Ctrl+7 order.
TAB_SPECS = (
    ("overview", "ui.tabs.overview", "OverviewTab", N_("Overview")),
    ("readiness", "ui.tabs.readiness", "ReadinessTab", N_("Readiness")),
    ("schedule", "ui.tabs.schedule", "ScheduleTab", N_("Schedule")),
    ("people", "ui.tabs.people", "PeopleTab", N_("People")),
    ("props", "ui.tabs.props", "PropsTab", N_("Props")),
    ("press", "ui.tabs.press", "PressTab", N_("Press")),
    ("tasks", "ui.tabs.tasks", "TasksTab", N_("Tasks")),
)
TAB_ICONS = ("overview", "readiness", "schedule", "people", "props", "press", "tasks")
