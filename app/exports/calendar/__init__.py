"""Calendars: iCalendar (.ics) export of an action or a person's part, and import of .ics files
into an action's schedule. See ``docs/calendar.md``."""
