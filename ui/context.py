"""What every part of the window shares: the store, the undo stack, change notifications.

Widgets never open a session themselves: they ask ``ctx.query(fn, …)`` to run a read-only
service function, and make edits through ``ctx.create / update / delete / run_op``, each of
which pushes one QUndoCommand whose redo()/undo() call the services (one edit = one
transaction = one undo step). After every redo or undo, ``changed`` is emitted with a Change.
An edit that writes several rows is a service operation (``app.services.ops``) given to
``run_op``; ``run_edit`` (do/undo closures) remains only for code not moved yet, and ``ui/``
must not call it (tests/app/test_ops.py checks).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.domain.errors import ConflictError, CortegeError, NotFoundError
from app.i18n import _
from app.services.changes import Change


class _Later:
    """A service module imported on first use: SQLAlchemy (a third of the start-up) is not
    needed before the window's first paint, only once a database is opened (issue #17)."""

    def __init__(self, module: str) -> None:
        self._module = module

    def __getattr__(self, name: str) -> Any:
        import importlib

        return getattr(importlib.import_module(self._module), name)


edits = _Later("app.services.edits")


def current_version(session, entity: str, row_id: int):
    from app.services.conflicts import current_version as version

    return version(session, entity, row_id)


def _undo_checks():
    from app.services import undo_checks

    return undo_checks


def entity_label(entity: str) -> str:
    from app.services.flush import entity_label as label

    return label(entity)


class EditFailed(Exception):
    """Raised by ctx edit methods when the service refused the edit (nothing was changed)."""

    def __init__(self, error: CortegeError, *, shown: bool = False) -> None:
        super().__init__(str(error))
        self.error = error
        #: the window's conflict dialog shows this refusal (both versions): no second message
        self.shown = shown


def _gone(error: NotFoundError, direction: str) -> ConflictError:
    """What a step of the history says when a row it changes is gone: another organiser
    deleted it since (the window's own history never names a row that is not there)."""
    if direction == "undo":
        message = _("another organiser deleted what this step changed, so it was not undone")
    else:
        message = _("another organiser deleted what this step changes, so it was not redone")
    return ConflictError(message, deleted=True)


class _ServiceCommand(QUndoCommand):
    """An undo step whose redo()/undo() run service calls in their own transaction.

    Never give a subclass an attribute called ``id``: it would shadow the virtual
    QUndoCommand.id() that QUndoStack calls, and crash the process.
    """

    def __init__(self, ctx: AppContext, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.error: CortegeError | None = None
        self._done_before_push = False
        self._first = False
        self._resync: str | None = None  # "undo"/"redo": the next such call only realigns

    def _do(self, fn: Callable[[Any], Change], direction: str = "redo") -> None:
        try:
            with self.ctx.store.session() as session:
                change = fn(session)
        except CortegeError as exc:
            if isinstance(exc, NotFoundError) and not self._first:
                exc = _gone(exc, direction)  # not "id: no prop with id 7"
            # Exceptions cannot cross Qt's redo()/undo() calls: keep it for the caller.
            self.error = exc
            if not self._first:
                # QUndoStack moves its index once this call returns: then move it back, so
                # the stack keeps describing the database (that realigning call does
                # nothing), and only then tell the user (a modal dialog opened in here
                # would run the realignment too early).
                self._resync = "redo" if direction == "undo" else "undo"
                realign = getattr(self.ctx.undo_stack, self._resync)
                error = exc
                error.during_history = True  # type: ignore[attr-defined]

                def realign_then_tell() -> None:
                    realign()
                    self.ctx.error.emit(error)

                QTimer.singleShot(0, realign_then_tell)
            return
        self.error = None
        self.ctx.changed.emit(change)

    def realigning(self, direction: str) -> bool:
        if self._resync == direction:
            self._resync = None
            return True
        return False

    def first_redo(self) -> None:
        """Run the edit once, before push(), so a refused edit never reaches the stack."""
        self._first = True
        try:
            self.redo()
        finally:
            self._first = False
        self._done_before_push = self.error is None

    def skip_pushed_redo(self) -> bool:
        if self.realigning("redo"):
            return True
        if self._done_before_push:
            self._done_before_push = False
            return True
        return False


class CreateCommand(_ServiceCommand):
    def __init__(self, ctx, text, entity: str, values: dict) -> None:
        super().__init__(ctx, text)
        self.entity, self.values = entity, values
        self.row_id: int | None = None
        self.snapshot = None
        self.left: dict = {}  # the row as this step left it: undo deletes only that

    def redo(self) -> None:
        if self.skip_pushed_redo():
            return

        def run(session):
            if self.snapshot is None:
                self.row_id = edits.create(session, self.entity, **self.values)
                kind = "created"
            else:
                edits.restore_snapshot(session, self.snapshot)
                kind = "restored"
            self.left = _undo_checks().row_as_left(session, self.entity, self.row_id)
            return Change(
                self.entity,
                (self.row_id,),
                kind,
                self.ctx.action_of(session, self.entity, self.row_id),
            )

        self._do(run, "redo")

    def undo(self) -> None:
        if self.realigning("undo"):
            return

        def run(session):
            action_id = self.ctx.action_of(session, self.entity, self.row_id)
            # a row another organiser renamed or annotated since is theirs too: not deleted
            _undo_checks().row_still_as_left(session, self.entity, self.left)
            self.snapshot = edits.delete(session, self.entity, self.row_id)
            return Change(self.entity, (self.row_id,), "deleted", action_id)

        self._do(run, "undo")


class UpdateCommand(_ServiceCommand):
    """Team mode: nothing is overwritten silently.

    The first save goes only over the version the user saw (``expected_version``, when the
    view knows it). Undo and redo check that the fields they touch still hold what this edit
    left there: if another organiser changed them since, the step is refused (ConflictError)
    instead of overwriting their work. Other fields of the row are not compared, so edits to
    other fields or by the cue ripple do not block an undo.
    """

    def __init__(
        self,
        ctx,
        text,
        entity: str,
        row_id: int,
        values: dict,
        expected_version: int | None = None,
        shown: dict | None = None,
    ) -> None:
        super().__init__(ctx, text)
        self.entity, self.row_id, self.new = entity, row_id, values
        self.expected = expected_version
        self.shown = shown
        self.old: dict | None = None
        self.after: dict | None = None  # the fields as this edit left them

    def _check(self, session, wanted: dict | None) -> None:
        if wanted is None:
            return
        now = edits.current_values(session, self.entity, self.row_id, wanted)
        if now != wanted:
            raise ConflictError(
                _("somebody else changed this {entity} since; reload to see their version").format(
                    entity=entity_label(self.entity)
                ),
                entity=self.entity,
                entity_id=self.row_id,
            )

    def redo(self) -> None:
        if self.skip_pushed_redo():
            return

        def run(session):
            if self.old is None:
                self.old = edits.update(
                    session,
                    self.entity,
                    self.row_id,
                    expected_version=self.expected,
                    shown=self.shown,
                    **self.new,
                )
            else:
                self._check(session, self.old)
                edits.update(session, self.entity, self.row_id, **self.new)
            self.after = edits.current_values(session, self.entity, self.row_id, self.new)
            return Change(
                self.entity,
                (self.row_id,),
                "updated",
                self.ctx.action_of(session, self.entity, self.row_id),
            )

        self._do(run, "redo")

    def undo(self) -> None:
        if self.realigning("undo"):
            return

        def run(session):
            self._check(session, self.after)
            edits.update(session, self.entity, self.row_id, **self.old)
            return Change(
                self.entity,
                (self.row_id,),
                "updated",
                self.ctx.action_of(session, self.entity, self.row_id),
            )

        self._do(run, "undo")


class DeleteCommand(_ServiceCommand):
    """Deletes only the row as the user saw it (``expected_version``): a row another organiser
    changed meanwhile is not deleted. Redo after undo checks the version undo put back."""

    def __init__(self, ctx, text, entity: str, row_id: int, expected_version: int | None) -> None:
        super().__init__(ctx, text)
        self.entity, self.row_id = entity, row_id
        self.expected = expected_version
        self.snapshot = None

    def redo(self) -> None:
        if self.skip_pushed_redo():
            return

        def run(session):
            action_id = self.ctx.action_of(session, self.entity, self.row_id)
            self.snapshot = edits.delete(
                session, self.entity, self.row_id, expected_version=self.expected
            )
            return Change(self.entity, (self.row_id,), "deleted", action_id)

        self._do(run, "redo")

    def undo(self) -> None:
        if self.realigning("undo"):
            return

        def run(session):
            edits.restore_snapshot(session, self.snapshot)
            session.flush()
            self.expected = current_version(session, self.entity, self.row_id)
            return Change(
                self.entity,
                (self.row_id,),
                "restored",
                self.ctx.action_of(session, self.entity, self.row_id),
            )

        self._do(run, "undo")


class FunctionCommand(_ServiceCommand):
    """Any other edit: ``do(session) -> (Change, state)`` and ``undo(session, state) -> Change``."""

    def __init__(self, ctx, text, do: Callable, undo: Callable) -> None:
        super().__init__(ctx, text)
        self._redo_fn, self._undo_fn = do, undo
        self.state: Any = None
        self.result: Any = None

    def redo(self) -> None:
        if self.skip_pushed_redo():
            return

        def run(session):
            change, self.state = self._redo_fn(session)
            return change

        self._do(run, "redo")

    def undo(self) -> None:
        if self.realigning("undo"):
            return
        self._do(lambda session: self._undo_fn(session, self.state), "undo")


class OpCommand(_ServiceCommand):
    """An operation (``app.services.ops``): one service call that returns its own inverse."""

    def __init__(self, ctx, text, op: Callable) -> None:
        super().__init__(ctx, text)
        self._next = op  # what redo() runs; undo() runs the inverse it returned
        self._inverse: Callable | None = None
        self.result: Any = None

    def redo(self) -> None:
        if self.skip_pushed_redo():
            return

        def run(session):
            changes = self._next(session)
            self.result, self._inverse = changes.result, changes.undo
            return changes.change

        self._do(run, "redo")

    def undo(self) -> None:
        if self.realigning("undo"):
            return

        def run(session):
            changes = self._inverse(session)
            self._next = changes.undo
            return changes.change

        self._do(run, "undo")


class AppContext(QObject):
    changed = Signal(object)  # a Change
    #: an update was refused because another organiser changed the row: (entity, id, values)
    conflict = Signal(str, int, object)
    error = Signal(object)  # a CortegeError the user should see (not tied to a field)
    #: the fields whose last save was refused changed (``unsaved``): the status bar must not
    #: say "All changes saved" while one holds what was typed and not saved
    unsaved_changed = Signal()

    def __init__(self, store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        self.unsaved: set[tuple[str, str]] = set()  # (where, field) refused and kept as typed
        self._conflicts_muted = 0
        self.shows_conflicts = False  # set by the window that shows the conflict dialog

    # --- reads ---------------------------------------------------------------------------------
    def query(self, fn: Callable, /, *args, **kwargs):
        """Run a read-only service function ``fn(session, *args, **kwargs)``."""
        with self.store.read() as session:
            return fn(session, *args, **kwargs)

    @staticmethod
    def action_of(session, entity: str, row_id: int | None) -> int | None:
        if row_id is None:
            return None
        if entity == "action":
            return row_id
        obj = session.get(edits.MODELS[entity], row_id)
        return getattr(obj, "action_id", None)

    # --- edits (each one undo step) -----------------------------------------------------------
    def _push(self, cmd: _ServiceCommand):
        if getattr(self.store, "read_only", False):
            from app.domain.errors import DomainError

            reason = self.store.read_only_reason or _("no write access")
            raise EditFailed(
                DomainError(_("this database is open read-only ({reason})").format(reason=reason))
            )
        cmd.first_redo()
        if cmd.error is not None:
            shown = False
            if isinstance(cmd.error, ConflictError):
                if isinstance(cmd, UpdateCommand) and not self._conflicts_muted:
                    shown = self.shows_conflicts
                    self.conflict.emit(cmd.entity, cmd.row_id, dict(cmd.new))
                elif isinstance(cmd, DeleteCommand):  # show what the other organiser did
                    kind = "deleted" if cmd.error.deleted else "reloaded"
                    self.changed.emit(Change(cmd.entity, (cmd.row_id,), kind, None))
            raise EditFailed(cmd.error, shown=shown)
        self.undo_stack.push(cmd)  # its redo() is skipped once: the edit is already made
        return cmd

    def create(self, entity: str, text: str, **values) -> int:
        """Create a row; returns its id. Raises EditFailed (nothing changed) on bad input."""
        return self._push(CreateCommand(self, text, entity, values)).row_id

    def update(
        self,
        entity: str,
        row_id: int,
        text: str,
        *,
        expected_version: int,
        shown: dict | None = None,
        **values,
    ) -> None:
        """``expected_version``: the row's version when the user saw it, always required, so
        no view can overwrite another organiser's change it never showed (team mode);
        ``shown``: the values the user saw of these fields (then a colleague's change of other
        fields does not stop the save). A refusal emits ``conflict`` (the window shows both
        versions) and raises EditFailed."""
        self._push(UpdateCommand(self, text, entity, row_id, values, expected_version, shown))

    def delete(self, entity: str, row_id: int, text: str, *, expected_version: int) -> None:
        """Delete the row the user saw (``expected_version``): a row changed since is kept."""
        self._push(DeleteCommand(self, text, entity, row_id, expected_version))

    @contextmanager
    def conflicts_handled(self):
        """Inside: a refused update does not emit ``conflict`` (the conflict dialog's own
        overwrite, which handles its refusal itself)."""
        self._conflicts_muted += 1
        try:
            yield
        finally:
            self._conflicts_muted -= 1

    def run_edit(self, text: str, do: Callable, undo: Callable) -> Any:
        """A custom edit: ``do(session) -> (Change, state)``, ``undo(session, state) -> Change``."""
        cmd = self._push(FunctionCommand(self, text, do, undo))
        return cmd.state

    def run_op(self, text: str, op: Callable) -> Any:
        """One operation ``op(session) -> OpChanges`` as one undo step; returns its result."""
        return self._push(OpCommand(self, text, op)).result

    def retranslate_history(self, old: str, new: str) -> None:
        """The UI language changed from ``old`` to ``new``: every undo step's text in the new
        one (they were rendered when the edit was made)."""
        from app.i18n_retranslate import retranslate_text

        stack = self.undo_stack
        for i in range(stack.count()):
            command = stack.command(i)
            if command is not None:
                command.setText(retranslate_text(command.text(), old, new))

    def mark_unsaved(self, where: str, field: str, unsaved: bool) -> None:
        before = set(self.unsaved)
        if unsaved:
            self.unsaved.add((where, field))
        else:
            self.unsaved.discard((where, field))
        if self.unsaved != before:
            self.unsaved_changed.emit()

    def clear_unsaved(self) -> None:
        if self.unsaved:
            self.unsaved.clear()
            self.unsaved_changed.emit()

    def reset_store(self, store) -> None:
        """Another database was opened: the undo history belongs to the old one."""
        self.undo_stack.clear()
        self.store = store
        self.clear_unsaved()
        from app.services.changes import EVERYTHING

        self.changed.emit(EVERYTHING)
