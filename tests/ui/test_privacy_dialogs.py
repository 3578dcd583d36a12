"""The privacy dialogs as a user drives them: unlock, new database, purge, declaration."""

from __future__ import annotations

import os
from datetime import date

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton

from tests.ui.tabs_helpers import latest, with_modal

SHOTS = os.environ.get("CORTEGE_SHOTS")  # a folder: save screenshots there
PASS = "four random words here"


def _shot(widget, name: str) -> None:
    if SHOTS:
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()  # let pending layout requests run, as the event loop would
        widget.grab().save(os.path.join(SHOTS, f"{name}.png"))


def _ok(dialog):
    return dialog.findChild(QDialogButtonBox, "buttons").button(QDialogButtonBox.StandardButton.Ok)


@pytest.fixture
def ctx(qtbot, demo_store):
    from ui.context import AppContext

    return AppContext(demo_store)


@pytest.fixture
def encrypted_db(tmp_path):
    from app.storage.engine import open_store

    path = tmp_path / "secret.sqlite3"
    open_store(str(path), passphrase=PASS).close()
    return path


# --- unlock -----------------------------------------------------------------------------------
def test_unlock_retries_a_wrong_passphrase_with_a_clear_message(qtbot, encrypted_db):
    from ui.dialogs.unlock import UnlockDialog

    dialog = UnlockDialog(None, encrypted_db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.edit.setText("not it")
    _ok(dialog).click()
    assert dialog.isVisible() and dialog.passphrase is None
    assert "Wrong passphrase, or secret.sqlite3 is not a Cortège database" in dialog.error.text()
    _shot(dialog, "unlock-wrong")
    dialog.edit.setText(PASS)
    _ok(dialog).click()
    assert dialog.passphrase == PASS and not dialog.isVisible()


def test_unlock_store_opens_the_store(qtbot, encrypted_db):
    from ui.dialogs.unlock import unlock_store

    def fill(dialog):
        dialog.findChild(type(dialog.edit), "passphrase_edit").setText(PASS)
        _ok(dialog).click()

    result = []
    with_modal(lambda: result.append(unlock_store(None, encrypted_db)), fill)
    store = result[0]
    assert store is not None and store.path == encrypted_db
    store.close()


def test_ask_passphrase_cancelled_is_none(qtbot, encrypted_db):
    from ui.dialogs.unlock import ask_passphrase

    result = []
    with_modal(lambda: result.append(ask_passphrase(None, encrypted_db)), lambda d: d.reject())
    assert result == [None]


# --- new database -----------------------------------------------------------------------------
def test_new_database_recommends_encryption_and_checks_the_passphrase(qtbot, tmp_path):
    from ui.dialogs.new_database import NewDatabaseDialog

    dialog = NewDatabaseDialog(None, default_path=tmp_path / "plan.sqlite3")
    qtbot.addWidget(dialog)
    dialog.show()
    assert "recommended" in dialog.findChild(QLabel, "encrypt_heading").text()
    dialog.fields.first.setText("short")
    _ok(dialog).click()
    assert "at least 8 characters" in dialog.fields.error.text()
    assert "Weak" in dialog.fields.hint.text()
    dialog.fields.first.setText(PASS)
    dialog.fields.second.setText(PASS + "!")
    _ok(dialog).click()
    assert dialog.fields.error.text() == "The two passphrases differ."
    assert "Strong" in dialog.fields.hint.text()
    _shot(dialog, "new-database")
    dialog.fields.second.setText(PASS)
    _ok(dialog).click()
    assert dialog.result_value == (tmp_path / "plan.sqlite3", PASS)


def test_new_database_unencrypted_warns_and_refuses_an_existing_file(qtbot, tmp_path):
    asked = []
    dialog, _existing = refused_existing_file(
        qtbot, tmp_path, confirm=lambda: asked.append(True) or True
    )
    assert "already exists" in dialog.path_error.text()
    assert not asked  # the file problem first, before asking anything
    dialog.path_edit.setText(str(tmp_path / "new.sqlite3"))
    dialog.plain_button.click()
    assert asked == [True]
    assert dialog.result_value == (tmp_path / "new.sqlite3", None)


# --- change passphrase ------------------------------------------------------------------------
def test_encrypting_the_open_database_keeps_working(qtbot, ctx, demo_db):
    from app.services.actions import list_actions
    from app.storage.cipher import is_encrypted_file
    from ui.dialogs.unlock import ChangePassphraseDialog

    dialog = ChangePassphraseDialog(None, ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Encrypt database"
    _shot(dialog, "encrypt-database")
    dialog.fields.first.setText(PASS)
    dialog.fields.second.setText(PASS)
    _ok(dialog).click()
    assert is_encrypted_file(demo_db)
    assert b"Camille" not in demo_db.read_bytes()
    assert ctx.query(lambda s: [a.slug for a in list_actions(s)]) == ["funeral-for-privacy"]


def test_change_passphrase_needs_the_current_one(qtbot, encrypted_db):
    from app.storage.cipher import check_passphrase
    from app.storage.engine import open_store
    from ui.context import AppContext
    from ui.dialogs.unlock import ChangePassphraseDialog

    store = open_store(str(encrypted_db), passphrase=PASS)
    ctx = AppContext(store)
    dialog = ChangePassphraseDialog(None, ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.current.setText("wrong one")
    dialog.fields.first.setText("a new long passphrase")
    dialog.fields.second.setText("a new long passphrase")
    _ok(dialog).click()
    assert dialog.current_error.text() == "This is not the current passphrase."
    dialog.current.setText(PASS)
    dialog.fields.first.setText("a new long passphrase")
    _ok(dialog).click()
    assert check_passphrase(encrypted_db, "a new long passphrase")
    assert not check_passphrase(encrypted_db, PASS)
    store.close()


# --- purge ------------------------------------------------------------------------------------
def test_purge_dialog_says_who_and_what_cannot_be_undone(qtbot, ctx, demo_id, demo_db):
    from app.domain import models as m
    from ui.dialogs.purge import PurgeDialog

    ctx.update(
        "action",
        demo_id,
        "Rename",
        expected_version=latest(ctx, "action", demo_id),
        title="Funeral for privacy (renamed)",
    )
    assert ctx.undo_stack.count() == 1
    changes = []
    ctx.changed.connect(changes.append)
    dialog = PurgeDialog(None, ctx, demo_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.people.count() == 15
    assert dialog.summary.text() == "15 people will lose their personal data:"
    warning = dialog.findChild(type(dialog.summary), "purge_warning").text()
    assert "cannot be undone" in warning and "Backups and exports made before" in warning
    assert not dialog.purge_button.isEnabled()
    _shot(dialog, "purge")
    dialog.confirm.setChecked(True)
    assert dialog.purge_button.isEnabled()
    dialog.purge_button.click()
    assert "Purged 15 people. Backups made before still hold their data." in dialog.status.text()
    assert dialog.people.count() == 0 and dialog.summary.text() == "Nobody to purge."
    assert ctx.undo_stack.count() == 0
    assert changes and changes[-1].entity == "*"
    names = ctx.query(lambda s: [p.full_name for p in s.query(m.Participant)])
    assert set(names) == {""}
    assert b"Camille Martin" not in demo_db.read_bytes()


def test_purge_reminder_offers_a_review(qtbot, ctx, monkeypatch):
    import app.services.purge as purge
    from ui.dialogs.purge import remind_if_due

    monkeypatch.setattr(purge, "due_count", lambda session, **kw: 0)
    assert remind_if_due(None, ctx) is False  # nothing due: no dialog at all
    monkeypatch.setattr(purge, "due_count", lambda session, **kw: 3)
    texts = []

    def later(box):
        texts.append(box.text())
        box.findChild(QPushButton, "later_button").click()

    with_modal(lambda: remind_if_due(None, ctx), later)
    assert "3 people are past their retention date" in texts[0]


# --- declaration ------------------------------------------------------------------------------
def test_declaration_dialog_window_letter_and_tracking(qtbot, ctx, demo_id, demo_db, tmp_path):
    from pypdf import PdfReader

    from ui.dialogs.declaration import DeclarationDialog

    dialog = DeclarationDialog(None, ctx, demo_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.authority.text() == "Préfecture de police"
    assert "at least 3 and at most 15 clear days" in dialog.notice_label.text()
    assert "Code pénal" in dialog.rule_label.text()
    # The demo's date is in the past: too late, and said so.
    assert "Too late" in dialog.window_label.text()

    out = tmp_path / "declaration.pdf"
    assert not dialog.generate(out)  # no organiser yet
    assert "at least one organiser (full name and home address)" in dialog.letter_status.text()
    dialog.organisers.item(0, 1).setText("12 rue des Lilas, 75011 Paris")
    assert not dialog.generate(out)
    assert dialog.letter_status.text() == "Organiser 1, full name: is required"
    assert not out.exists()
    dialog.organisers.item(0, 0).setText("Camille Martin")
    purpose = dialog.findChild(QPlainTextEdit, "purpose_edit")
    assert purpose.toPlainText().startswith("Funérailles de la vie privée")  # in French
    assert dialog.generate(out)
    # One organiser signs a French declaration: written, with a warning (the law asks three).
    assert "the law asks for the signatures of 3 organisers" in dialog.letter_status.text()
    text = " ".join(PdfReader(str(out)).pages[0].extract_text().split())
    assert "Camille Martin" in text and "Préfecture de police" in text
    assert "Funérailles de la vie privée" in text
    assert b"Lilas" not in demo_db.read_bytes()
    _shot(dialog, "declaration")

    dialog.sent_on.set_value(date(2024, 5, 20))
    dialog.received_on.set_value(date(2024, 5, 19))
    assert not dialog.save_tracking()
    assert "Received on: received before it was sent" in dialog.track_error.text()
    dialog.received_on.set_value(date(2024, 5, 21))
    dialog.reference.setText("DM-0142")
    assert dialog.save_tracking()
    assert "Received on" in dialog.window_label.text() and "in time" in dialog.window_label.text()
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    dialog.reload()
    assert dialog.received_on.value() is None


def test_window_sentence_from_the_first_day(qtbot, ctx, demo_id):
    from datetime import UTC, datetime

    from app.services.declaration import declaration_info
    from ui.dialogs.declaration import window_text

    def at(day):
        now = datetime(2024, 5, day, 8, 0, tzinfo=UTC)
        return window_text(ctx.query(lambda s: declaration_info(s, demo_id, now=now)))

    assert at(11)[1] == "muted" and "Not before" in at(11)[0]
    text, level = at(12)
    assert level == "warning" and text.startswith("Declare now") and "12 days left." in text
    assert at(23)[0].endswith(" 1 day left.")
    assert at(25)[1] == "error"


# --- sealed files -----------------------------------------------------------------------------
def test_open_sealed_retries_then_decrypts(qtbot):
    from app.services.envelope import encrypt
    from ui.dialogs.unlock import open_sealed

    assert open_sealed(None, b'{"format": "cortege.bundle"}', "plan.json") == (
        b'{"format": "cortege.bundle"}'
    )
    sealed = encrypt(b"the plan", "file passphrase")
    errors = []
    result = []

    def fill(dialog):
        edit = dialog.findChild(type(dialog.edit), "file_passphrase_edit")
        if not errors:
            edit.setText("not it")
            errors.append("tried")
            _ok(dialog).click()  # refused: the dialog opens again with the reason
        else:
            errors.append(dialog.error.text())
            edit.setText("file passphrase")
            _ok(dialog).click()

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def handle():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, handle)
            return
        fill(dialog)
        if len(errors) < 2:
            QTimer.singleShot(10, handle)

    QTimer.singleShot(0, handle)
    result.append(open_sealed(None, sealed, "plan.cortege"))
    assert result == [b"the plan"]
    assert "wrong passphrase" in errors[1]


def test_new_file_passphrase_is_typed_twice(qtbot):
    from ui.dialogs.unlock import ask_new_file_passphrase

    result = []

    def fill(dialog):
        dialog.fields.first.setText(PASS)
        dialog.fields.second.setText(PASS)
        _ok(dialog).click()

    with_modal(lambda: result.append(ask_new_file_passphrase(None, "plan.cortege")), fill)
    assert result == [PASS]


def test_a_generic_authority_is_a_hint_not_a_value(qtbot, ctx, demo_id, tmp_path):
    from ui.dialogs.declaration import DeclarationDialog

    ctx.update(
        "action",
        demo_id,
        "Move",
        expected_version=latest(ctx, "action", demo_id),
        address="Place Bellecour, 69002 Lyon",
    )
    dialog = DeclarationDialog(None, ctx, demo_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.authority.text() == "Préfecture de police"  # recorded in the demo
    dialog.authority.clear()
    assert dialog.authority.placeholderText().startswith("Mairie (or the préfecture")
    dialog.add_organiser("Camille Martin", "12 rue des Lilas, 69001 Lyon")
    assert not dialog.generate(tmp_path / "d.pdf")
    assert dialog.letter_status.text().startswith("Authority: say which authority")


def test_declaration_dialog_says_a_uk_static_assembly_needs_no_notice(qtbot, ctx, demo_id):
    from app.services import edits
    from ui.dialogs.declaration import DeclarationDialog

    with ctx.store.session() as session:
        edits.update(session, "action", demo_id, country="GB", timezone="Europe/London", route=[])
    dialog = DeclarationDialog(None, ctx, demo_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "needs no advance notice in England and Wales" in dialog.window_label.text()
    assert not dialog.generate_button.isEnabled()
    assert "Public Order Act 1986, s. 11" in dialog.rule_label.text()


def refused_existing_file(qtbot, tmp_path, *, confirm=lambda: True):
    """The New database dialog after "Continue without encryption" on a file that exists
    (``confirm`` answers the "without encryption?" question, if it is asked)."""
    from ui.dialogs.new_database import NewDatabaseDialog

    existing = tmp_path / "there.sqlite3"
    existing.write_bytes(b"x")
    dialog = NewDatabaseDialog(None, default_path=existing)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.confirm_unencrypted = confirm
    dialog.plain_button.click()
    qtbot.wait(50)
    return dialog, existing


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_existing_file_message_leaves_the_passphrase_fields_whole(qtbot, tmp_path, lang):
    """The two-line "already exists" message appeared in a dialog that did not grow: the layout
    squeezed both passphrase fields to thin bars (English and Arabic alike)."""
    from PySide6.QtWidgets import QLineEdit

    from ui.i18n_qt import apply_language

    apply_language(lang)
    try:
        dialog, _existing = refused_existing_file(qtbot, tmp_path)
        assert dialog.path_error.isVisible()
        for name in ("new_passphrase_edit", "repeat_passphrase_edit", "path_edit"):
            edit = dialog.findChild(QLineEdit, name)
            assert edit.height() >= edit.minimumSizeHint().height(), name
        error = dialog.path_error
        assert error.height() >= error.heightForWidth(error.width()), "the message is cut"
    finally:
        apply_language("en")
