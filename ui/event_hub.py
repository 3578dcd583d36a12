"""One application-wide event filter for the whole program.

Qt calls every application event filter for every event of every widget: each Python filter
costs 4-6 µs an event, however few events it wants (issue #17: four filters saw about 3,000
events each while the first action opened). The hub asks an event its type once and hands it
only to the handlers that listen for that type.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from shiboken6 import isValid

#: ``handler(watched, event)`` returns True to stop the event (as ``eventFilter`` does)
Handler = Callable[[QObject, QEvent], bool]


class _Hub(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.by_type: dict[QEvent.Type, list[tuple[Handler, QObject | None]]] = {}
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        listeners = self.by_type.get(event.type())
        if listeners:
            for entry in tuple(listeners):  # a handler may stop listening while called
                handler, owner = entry
                if owner is not None and not isValid(owner):
                    listeners.remove(entry)  # its object is gone (as Qt drops its filters)
                elif handler(watched, event):
                    return True
        return False


_hub: _Hub | None = None


def _the_hub() -> _Hub | None:
    global _hub
    app = QCoreApplication.instance()
    if app is None:
        return None
    if _hub is None or not isValid(_hub) or _hub.parent() is not app:
        _hub = _Hub(app)
    return _hub


def listen(
    types: Iterable[QEvent.Type], handler: Handler, owner: QObject | None = None
) -> Callable[[], None]:
    """Call ``handler`` for every event of the given types in the application, most recent
    listener first (as Qt does with filters), until ``owner`` (if given) is destroyed or the
    returned function is called."""
    hub = _the_hub()
    if hub is None:
        return lambda: None
    types = tuple(types)
    entry = (handler, owner)
    for kind in types:
        hub.by_type.setdefault(kind, []).insert(0, entry)

    def stop(*_args) -> None:
        for kind in types:
            listeners = hub.by_type.get(kind, [])
            if entry in listeners:
                listeners.remove(entry)

    if owner is not None:
        owner.destroyed.connect(stop)
    return stop


_app_wide: dict[Handler, QObject] = {}


def listen_app_wide(types: Iterable[QEvent.Type], handler: Handler) -> None:
    """``listen`` for ``handler`` once per application (a second call is a no-op): a policy
    that holds for every widget the application shows (every dialog, every text field)."""
    app = QCoreApplication.instance()
    if app is None or _app_wide.get(handler) is app:
        return
    _app_wide[handler] = app
    listen(types, handler)
