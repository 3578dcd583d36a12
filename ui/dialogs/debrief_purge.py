"""The debrief page's last step: the PDF written, then the purge offered, saying what is erased
and what stays (the debrief itself stays: the purge empties personal fields only)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from app.i18n import _, ngettext, ui
from ui.tabs._common import show_error


def save_pdf(dialog) -> bool:
    """Write the debrief PDF where the user says, then offer the purge; False if not written."""
    from app.domain.errors import CortegeError
    from app.domain.timeutil import utcnow
    from app.exports.debrief import render_pdf
    from app.services.validation import slugify
    from app.storage.files import atomic_write
    from ui.file_dialogs import save_file_name

    dialog.save_lessons()
    doc = dialog.doc
    suggested = _("debrief-{slug}.pdf").format(slug=slugify(doc.slug) or "action")
    path = save_file_name(dialog, _("Save the debrief"), suggested, _("PDF (*.pdf)"))
    if path is None:
        return False
    try:
        atomic_write(str(path), render_pdf(doc, printed=utcnow()))
    except (CortegeError, OSError) as exc:
        show_error(dialog, exc, title=_("Debrief not saved"))
        return False
    offer_purge(dialog, saved=str(path))
    return True


def offer_purge(dialog, *, saved: str = "") -> None:
    """Ask whether to purge the action's people now, with what is erased and what stays."""
    from app.services.purge import plan_for_action

    plan = dialog.ctx.query(plan_for_action, dialog.action_id)
    box = QMessageBox(dialog)
    box.setObjectName("purge_offer")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Purge personal data"))
    head = (
        _("The debrief is saved in {path}.").format(path=ui().isolated(str(saved))) + "\n\n"
        if saved
        else ""
    )
    n = len(plan.participants)
    box.setText(
        head
        + (
            plan.blocked
            or ngettext(
                "Erase the personal data of this action's people now? {n} of them has a full "
                "name, a phone number, an e-mail address, notes or consent details stored.",
                "Erase the personal data of this action's people now? {n} of them have full "
                "names, phone numbers, e-mail addresses, notes or consent details stored.",
                n,
            ).format(n=ui().number(n))
        )
    )
    box.setInformativeText(
        _(
            "What stays: aliases, roles, the turnout counts, actual times, incidents, "
            "press coverage and the lessons (the whole debrief). People in a later action "
            "keep their details."
        )
    )
    review = box.addButton(_("Review the purge…"), QMessageBox.ButtonRole.AcceptRole)
    review.setObjectName("review_purge")
    later = box.addButton(_("Later"), QMessageBox.ButtonRole.RejectRole)
    later.setObjectName("later_button")
    box.exec()
    chosen = box.clickedButton() is review
    box.deleteLater()
    if chosen:
        from ui.dialogs.purge import open_dialog

        open_dialog(dialog, dialog.ctx, dialog.action_id)
        dialog.refresh()
