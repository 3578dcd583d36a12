"""The Readiness tab's list as a model: problems grouped by kind, the top of each group shown.

A 10,000-person plan can have thousands of problems of one kind ("no recorded consent" for
everybody): the list shows one group row per kind that says how many ("2,000 people have contact
details without recorded consent"), the first ``TOP`` problems under it, and a last row that
opens the place to review the rest. A kind with one problem is a single row. No widget per row:
a ``QTreeView`` paints what is visible.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.i18n import N_, _, ngettext, ui

TOP = 5
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ENTITY_ROLE = Qt.ItemDataRole.UserRole + 2
ACTION_ROLE = Qt.ItemDataRole.UserRole + 3  # what activating the row does, said on its button

AREAS: dict[str, str] = {
    "role-short": N_("Roles"),
    "unconfirmed": N_("People"),
    "called-late": N_("People"),
    "double-booked": N_("People"),
    "photo-refused": N_("Privacy"),
    "key-contact-missing": N_("Safety"),
    "fallback-missing": N_("Safety"),
    "consent-missing": N_("Privacy"),
    "purge-due": N_("Privacy"),
    "cue-outside": N_("Schedule"),
    "prop-not-ready": N_("Props"),
    "prop-uncarried": N_("Props"),
    "prop-carrier-absent": N_("Props"),
    "release-missing": N_("Press"),
    "release-unapproved": N_("Press"),
    "press-contact-missing": N_("Press"),
    "embargo-late": N_("Press"),
    "embargo-differs": N_("Press"),
    "declaration-missing": N_("Declaration"),
    "declaration-late": N_("Declaration"),
    "declaration-early": N_("Declaration"),
    "task-overdue": N_("Tasks"),
}
AREA_ORDER = [
    N_("Roles"),
    N_("People"),
    N_("Schedule"),
    N_("Props"),
    N_("Press"),
    N_("Declaration"),
    N_("Safety"),
    N_("Tasks"),
    N_("Privacy"),
]

#: "N things of this kind" for a group row; n is formatted by the caller's locale.
GROUP_TITLES: dict[str, Callable[[int], str]] = {
    "role-short": lambda n: ngettext(
        "{n} role is short of people", "{n} roles are short of people", n
    ),
    "unconfirmed": lambda n: ngettext(
        "{n} person has not confirmed yet", "{n} people have not confirmed yet", n
    ),
    "called-late": lambda n: ngettext(
        "{n} person is called after they are first needed",
        "{n} people are called after they are first needed",
        n,
    ),
    "double-booked": lambda n: ngettext(
        "{n} pair of cues overlaps for the same people",
        "{n} pairs of cues overlap for the same people",
        n,
    ),
    "cue-outside": lambda n: ngettext(
        "{n} cue is outside the action's time", "{n} cues are outside the action's time", n
    ),
    "prop-not-ready": lambda n: ngettext("{n} prop is not ready", "{n} props are not ready", n),
    "prop-uncarried": lambda n: ngettext(
        "{n} prop has nobody to carry it", "{n} props have nobody to carry them", n
    ),
    "prop-carrier-absent": lambda n: ngettext(
        "{n} prop is needed in a cue its carriers are not in",
        "{n} props are needed in cues their carriers are not in",
        n,
    ),
    "photo-refused": lambda n: ngettext(
        "{n} person in photo opportunities has not agreed to be photographed",
        "{n} people in photo opportunities have not agreed to be photographed",
        n,
    ),
    "release-missing": lambda n: ngettext(
        "{n} language has no press release", "{n} languages have no press release", n
    ),
    "release-unapproved": lambda n: ngettext(
        "{n} release is still a draft", "{n} releases are still drafts", n
    ),
    "press-contact-missing": lambda n: ngettext(
        "{n} release names no press contact", "{n} releases name no press contact", n
    ),
    "embargo-late": lambda n: ngettext(
        "{n} release is under embargo after the action starts",
        "{n} releases are under embargo after the action starts",
        n,
    ),
    "embargo-differs": lambda n: ngettext(
        "{n} translation is under another embargo than the release it translates",
        "{n} translations are under other embargoes than the releases they translate",
        n,
    ),
    "key-contact-missing": lambda n: ngettext(
        "{n} key phone number is missing", "{n} key phone numbers are missing", n
    ),
    "consent-missing": lambda n: ngettext(
        "{n} person has contact details without recorded consent",
        "{n} people have contact details without recorded consent",
        n,
    ),
    "task-overdue": lambda n: ngettext("{n} task is overdue", "{n} tasks are overdue", n),
    "purge-due": lambda n: ngettext(
        "{n} person is past their retention date", "{n} people are past their retention date", n
    ),
}


def group_title(kind: str, n: int) -> str:
    make = GROUP_TITLES.get(kind)
    if make is None:
        template = ngettext("{n} problem of this kind", "{n} problems of this kind", n)
    else:
        template = make(n)
    return template.format(n=ui().number(n))


def area_of(kind: str) -> str:
    return AREAS.get(kind, N_("Other"))


@dataclass
class Group:
    kind: str
    problems: list = field(default_factory=list)

    @property
    def children(self) -> int:
        """Rows under the group: the top problems, and one "review the rest" row if needed."""
        n = len(self.problems)
        if n <= 1:
            return 0
        return min(n, TOP) + (1 if n > TOP else 0)


def grouped(problems: list) -> list[Group]:
    order = {area: i for i, area in enumerate(AREA_ORDER)}
    groups: dict[str, Group] = {}
    for p in problems:
        groups.setdefault(p.kind, Group(p.kind)).problems.append(p)
    first = {kind: i for i, kind in reversed(list(enumerate(p.kind for p in problems)))}
    return sorted(groups.values(), key=lambda g: (order.get(area_of(g.kind), 99), first[g.kind]))


class ReadinessModel(QAbstractItemModel):
    """Two columns: the area and the problem. Top-level rows are groups (internal id 0); the
    rows under group g carry internal id g + 1."""

    COLUMNS = 2

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.groups: list[Group] = []
        self.warning = QColor()
        self.muted = QColor()

    def set_problems(self, problems: list) -> None:
        self.beginResetModel()
        self.groups = grouped(problems)
        self.endResetModel()

    # --- structure ---------------------------------------------------------------------------
    def index(self, row: int, column: int, parent=QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index=QModelIndex()):  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() != 0 or parent.column() != 0:
            return 0
        return self.groups[parent.row()].children

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return self.COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_("Area"), _("Problem"))[section]
        return None

    # --- content -----------------------------------------------------------------------------
    def item(self, index: QModelIndex | QPersistentModelIndex) -> tuple[Group, object | None]:
        """(group, problem) of a row; problem is None for a group of several and for the
        "review the rest" row."""
        if index.internalId() == 0:
            group = self.groups[index.row()]
            return group, group.problems[0] if len(group.problems) == 1 else None
        group = self.groups[index.internalId() - 1]
        row = index.row()
        return group, group.problems[row] if row < min(TOP, len(group.problems)) else None

    def text(self, index: QModelIndex) -> str:
        group, problem = self.item(index)
        if index.column() == 0:
            return "● " + _(area_of(group.kind)) if index.internalId() == 0 else ""
        if problem is not None:
            return problem.message
        if index.internalId() == 0:
            return group_title(group.kind, len(group.problems))
        rest = len(group.problems) - TOP
        return ngettext("and {n} more — Review…", "and {n} more — Review…", rest).format(
            n=ui().number(rest)
        )

    def action_text(self, index: QModelIndex) -> str:
        group, problem = self.item(index)
        if problem is None:
            return _("Review…")
        return _("Assign people") if group.kind == "role-short" else _("Open")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(index)
        group, problem = self.item(index)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{_(area_of(group.kind))}: {self.text(index.siblingAtColumn(1))}"
        if role == KIND_ROLE:
            return group.kind
        if role == ENTITY_ROLE:
            target = problem or group.problems[0]
            return (target.entity, target.entity_id)
        if role == ACTION_ROLE:
            return self.action_text(index)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(index, problem)
        if role == Qt.ItemDataRole.FontRole and index.internalId() == 0 and problem is None:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _foreground(self, index: QModelIndex, problem) -> QBrush | None:
        if index.column() == 0 and self.warning.isValid():
            return QBrush(self.warning)
        if problem is None and index.internalId() and self.muted.isValid():
            return QBrush(self.muted)  # "and 1,995 more — Review…"
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
