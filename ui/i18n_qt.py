"""The Qt side of the UI language: Qt's own translations (``qtbase_<lang>.qm``, shipped with
PySide6, so standard dialogs and buttons say "Annuler"), the default QLocale (spin boxes and date
editors format numbers and dates for it) and the layout direction (right to left for Arabic,
Hebrew, Persian…).

``apply_language(lang)`` at start-up and whenever the user picks another language in Preferences;
then every window calls its own ``retranslate()``."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QGuiApplication
from shiboken6 import isValid

from app.i18n import is_rtl, pgettext, set_ui_language

log = logging.getLogger("cortege.i18n")

QT_CATALOGUES = ("qtbase",)
_installed: list[QTranslator] = []
_own: list[QTranslator] = []


def standard_button_texts() -> dict[str, str]:
    """Qt's standard dialog buttons (its ``QPlatformTheme`` texts) in the words this project's
    own buttons use: Qt's Arabic catalogue says "ألغِ" and "أغلق" (imperatives) and "حسنًا"
    beside the window's "حذف" and "تصدير" (verbal nouns), so an Arabic dialog mixed two ways of
    naming a command. Where a catalogue gives Qt's own word, nothing changes."""
    return {
        # Translators: the standard OK button of every dialog (Qt's own text is replaced)
        "OK": pgettext("Qt standard button", "OK"),
        "Cancel": pgettext("Qt standard button", "Cancel"),
        "Close": pgettext("Qt standard button", "Close"),
        "&Yes": pgettext("Qt standard button", "&Yes"),
        "&No": pgettext("Qt standard button", "&No"),
    }


def text_menu_texts() -> dict[str, str]:
    """The menu of a text field (a right click), named as the window's Edit menu and buttons
    name the same commands: Qt's Arabic says "ا&نسخ", "احذف", "أ&عد" (imperatives) beside the
    Edit menu's "إ&عادة"; Qt's Spanish "Borrar" beside the window's "Eliminar"."""
    return {
        # Translators: the menu of a text field (Qt's own text is replaced); as the Edit menu
        "&Undo": pgettext("Qt text field menu", "&Undo"),
        "&Redo": pgettext("Qt text field menu", "&Redo"),
        "Cu&t": pgettext("Qt text field menu", "Cu&t"),
        "&Copy": pgettext("Qt text field menu", "&Copy"),
        "&Paste": pgettext("Qt text field menu", "&Paste"),
        "Delete": pgettext("Qt text field menu", "Delete"),
        "Select All": pgettext("Qt text field menu", "Select All"),
        "Copy &Link Location": pgettext("Qt text field menu", "Copy &Link Location"),
    }


def own_qt_texts() -> dict[tuple[str, str], str]:
    """(Qt's context, Qt's English) -> our word, where our catalogue has a word of its own."""
    menu = {k: v for k, v in text_menu_texts().items() if v != k}
    texts = {("QPlatformTheme", k): v for k, v in standard_button_texts().items() if v != k}
    for context in ("QLineEdit", "QWidgetTextControl"):  # one-line fields, text boxes
        texts.update(((context, k), v) for k, v in menu.items())
    return texts


class _OwnQtTexts(QTranslator):
    """Answers Qt's requests for the texts above from the project's catalogue; anything else
    (or a text left as in English) goes on to Qt's own catalogue."""

    def __init__(self, parent, texts: dict[tuple[str, str], str]) -> None:
        super().__init__(parent)
        self.texts = texts

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002 - Qt's
        return self.texts.get((context, source))

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False  # only made when it has a text to give


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def installed_qt_catalogues() -> list[str]:
    """The ``.qm`` files in use (for tests and the About box)."""
    return [t.filePath() for t in _installed]


#: Arabic as babel writes it (Latin digits, "1,234.5", "9:30 ص"): Qt's plain Arabic locale
#: writes "١٬٢٣٤٫٥", so spin boxes said "٣٠ يوم" beside "2026/12/08" everywhere else. The
#: locale of the Emirates has the same words with babel's digits and separators.
LATIN_DIGITS = {"ar": "ar_AE"}


def qt_locale(lang: str) -> QLocale:
    """The QLocale of the UI language ``lang``, with the digits the documents use."""
    locale = QLocale(lang)
    if locale.zeroDigit() != "0":
        base = lang.replace("-", "_").split("_")[0]
        if base in LATIN_DIGITS:
            return QLocale(LATIN_DIGITS[base])
    return locale


def apply_language(lang: str | None) -> str:
    """Use ``lang`` for the UI (None or '': ``CORTEGE_LANG``, else the system's language), with
    Qt's own strings, the default QLocale and the layout direction to match. Returns the language
    now in use. Widgets receive a LanguageChange event; call ``retranslate()`` on the windows."""
    used = set_ui_language(lang)
    app = QCoreApplication.instance()
    if app is None:
        return used
    # Installing Qt's Arabic catalogue already turns the direction (Qt reads it from the .qm):
    # remember the one the widgets were laid out in.
    was = QGuiApplication.layoutDirection() if isinstance(app, QGuiApplication) else None
    for translator in _installed + _own:
        app.removeTranslator(translator)
        translator.deleteLater()  # a new one per switch: the old ones would pile up on the app
    _installed.clear()
    _own.clear()
    qlocale = qt_locale(used)
    folder = qt_translations_dir()
    for name in QT_CATALOGUES:
        translator = QTranslator(app)
        # Tries qtbase_fr_CA.qm, then qtbase_fr.qm …; English needs none.
        if translator.load(qlocale, name, "_", folder):
            app.installTranslator(translator)
            _installed.append(translator)
        elif not used.startswith("en"):
            log.info("no Qt catalogue %s for %s in %s", name, used, folder)
    texts = own_qt_texts()
    if texts:  # English needs none
        own = _OwnQtTexts(app, texts)
        app.installTranslator(own)  # installed last: asked first
        _own.append(own)
    QLocale.setDefault(qlocale)
    if isinstance(app, QGuiApplication):
        direction = (
            Qt.LayoutDirection.RightToLeft if is_rtl(used) else Qt.LayoutDirection.LeftToRight
        )
        QGuiApplication.setLayoutDirection(direction)
        from ui.widgets import text_sides

        text_sides.realign_all()  # an empty field starts on the window's side
        if was != direction:
            _relayout_splitters()
    announce_language_change()
    return used


def _relayout_splitters() -> None:
    """A QSplitter keeps its panes where they were when the direction changes (until the next
    resize): lay each one out again, so the actions list moves to the right side at once."""
    from PySide6.QtWidgets import QApplication, QSplitter

    if not isinstance(QCoreApplication.instance(), QApplication):
        return
    QCoreApplication.sendPostedEvents()  # the widgets' LayoutDirectionChange first
    for top in QApplication.topLevelWidgets():
        if not isValid(top):  # a closed dialog deleted meanwhile (ui.dialog_policy)
            continue
        for splitter in top.findChildren(QSplitter):
            sizes = splitter.sizes()
            if len(sizes) < 2 or sizes[0] < 1:
                continue
            # Only a change of sizes moves the panes (neither refresh() nor a resize event
            # does): nudge by a pixel and back.
            splitter.setSizes([sizes[0] - 1, sizes[1] + 1, *sizes[2:]])
            splitter.setSizes(sizes)


def announce_language_change() -> None:
    """Send every window a LanguageChange now (Qt only posts one, and only when a Qt catalogue
    was installed or removed): self-contained widgets (date, time and zone fields, country
    lists) retranslate in their ``changeEvent``, in the same call as the switch. The posted
    copies Qt queued are dropped, so nothing is translated twice."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    if not isinstance(QCoreApplication.instance(), QApplication):
        return
    for widget in QApplication.topLevelWidgets():
        if not isValid(widget):  # deleted by an earlier window's retranslation
            continue
        QCoreApplication.removePostedEvents(widget, QEvent.Type.LanguageChange)
        QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))


def retranslate_widgets(root, old: str, new: str) -> None:
    """The safety net of a language switch: every text under ``root`` that is a message of
    ``old``'s catalogue (a button, label, group title, tab title, placeholder, tool tip,
    accessible name, a combo item that is a whole message) is written again in ``new``. The
    windows' own ``retranslate()`` runs after it and has the last word; what it forgets (a text
    set once when a widget was built) is not left in the old language."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QTabWidget,
        QTextEdit,
        QWidget,
    )

    from app.i18n_retranslate import retranslate_text

    if old == new:
        return

    def again(text: str, *, patterns: bool = True) -> str:
        return retranslate_text(text, old, new, patterns=patterns)

    for w in [root, *root.findChildren(QWidget)]:
        if w.toolTip():
            w.setToolTip(again(w.toolTip()))
        if w.accessibleName():
            w.setAccessibleName(again(w.accessibleName()))
        if w.isWindow() and w.windowTitle():
            w.setWindowTitle(again(w.windowTitle()))
        if isinstance(w, QLabel | QAbstractButton) and w.text():
            w.setText(again(w.text()))
        elif isinstance(w, QGroupBox) and w.title():
            w.setTitle(again(w.title()))
        elif isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit) and w.placeholderText():
            w.setPlaceholderText(again(w.placeholderText()))
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                w.setItemText(i, again(w.itemText(i), patterns=False))
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                w.setTabText(i, again(w.tabText(i)))
                if w.tabToolTip(i):
                    w.setTabToolTip(i, again(w.tabToolTip(i)))
