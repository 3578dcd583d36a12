"""The UI language: Qt's own strings, right-to-left layouts, retranslation, and a French window
without English left in it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import Translator, _
from ui.i18n_qt import apply_language, installed_qt_catalogues


@pytest.fixture(autouse=True)
def _back_to_english(qapp):
    yield
    apply_language("en")


class Sheet(QWidget):
    """A widget as the tabs write them: texts set in retranslate()."""

    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(_("Call time"))


def test_qt_standard_buttons_are_french(qtbot):
    assert apply_language("fr") == "fr"
    assert installed_qt_catalogues()[-1].endswith("qtbase_fr.qm")
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    assert sorted(b.text() for b in box.buttons()) == ["Annuler", "Enregistrer"]
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"


def test_switching_language_back_and_forth_leaves_no_translator_behind(qtbot):
    """Each switch makes new translators (Qt's catalogue, our standard buttons): the ones it
    replaced go, in every language, English included."""
    from PySide6.QtCore import QEvent, QTranslator

    app = QCoreApplication.instance()

    def translators() -> int:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return len(app.findChildren(QTranslator))

    apply_language("en")
    before = translators()
    for lang in ("ar", "en", "fr", "en", "ar", "en") * 3:
        apply_language(lang)
    assert translators() == before


def test_ui_follows_the_system_locale(qtbot, monkeypatch):
    for var in ("CORTEGE_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert apply_language(None) == "de_DE"
    assert installed_qt_catalogues()[-1].endswith("qtbase_de.qm")
    sheet = Sheet()
    qtbot.addWidget(sheet)
    assert sheet.label.text() == Translator("de").gettext("Call time") != "Call time"


@pytest.mark.parametrize("lang", ["ar", "he"])
def test_right_to_left_languages_mirror_the_layout(qtbot, lang):
    assert apply_language(lang) == lang
    assert QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    widget = QWidget()
    qtbot.addWidget(widget)
    assert widget.isRightToLeft()
    apply_language("fr")
    assert QGuiApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_label_retranslated_after_switching(qtbot):
    sheet = Sheet()
    qtbot.addWidget(sheet)
    assert sheet.label.text() == "Call time"
    apply_language("fr")
    sheet.retranslate()
    assert sheet.label.text() == Translator("fr").gettext("Call time") != "Call time"
    apply_language("en")
    sheet.retranslate()
    assert sheet.label.text() == "Call time"


def _visible_texts(window) -> set[str]:
    texts: set[str] = set()
    for menu in window.menuBar().findChildren(QMenu):
        texts.add(menu.title())
        texts.update(a.text() for a in menu.actions() if a.text())
    for tabs in window.findChildren(QTabWidget):
        texts.update(tabs.tabText(i) for i in range(tabs.count()))
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if widget.isVisible() and widget.text():
            texts.add(widget.text())
    return texts


def _english_only_msgids() -> set[str]:
    """Strings whose French differs from the English: seeing one of these means English."""
    fr = Translator("fr")
    from app.i18n_tools import extract

    out = set()
    for message in extract():
        if isinstance(message.id, str) and message.id and not message.context:
            if fr.gettext(message.id) != message.id:
                out.add(message.id)
    return out


def test_main_window_in_french_when_the_system_locale_is_french(qtbot, demo_db, monkeypatch):
    from tests.ui.conftest import open_window

    for var in ("CORTEGE_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert apply_language(None) == "fr_FR"

    window = open_window(qtbot, demo_db)

    shown = _visible_texts(window)
    assert not (shown & _english_only_msgids()), sorted(shown & _english_only_msgids())
    assert {"&Fichier", "&Aide"} <= {m.title() for m in window.menuBar().findChildren(QMenu)}
    window.close()


def test_main_window_switches_to_french_without_english_left(qtbot, demo_db):
    from tests.ui.conftest import open_window

    window = open_window(qtbot, demo_db)
    english = _english_only_msgids()
    before = _visible_texts(window)
    assert before & english, "the English window shows catalogue strings"

    window.apply_language("fr")

    after = _visible_texts(window)
    assert not (after & english), sorted(after & english)
    titles = {menu.title() for menu in window.menuBar().findChildren(QMenu)}
    assert _("&Help") in titles and _("&Help") != "&Help"
    window.close()


@pytest.mark.parametrize(
    "lang, expected", [("fr", "Nouvelle"), ("es", "Nueva"), ("it", "Nuova"), ("pt", "Nova")]
)
def test_the_new_button_under_the_actions_list_agrees_with_action(main_window, lang, expected):
    """It makes a new action, a feminine word in these languages ("+ Nouveau" read wrong)."""
    main_window.apply_language(lang)
    button = main_window.actions_panel.new_button
    assert button.text().replace("&", "") == expected


@pytest.mark.parametrize(
    "lang, start, middle",
    [
        ("de", "Bis Dienstag, 28. Mai 2024, 09:30 noch ", " Punkte zu beheben"),
        ("es", "", " cosas por resolver para el martes, 28 de mayo"),
    ],
)
def test_the_readiness_headline_reads_naturally(main_window, lang, start, middle):
    """German put the date inside "5 Punkte vor …, 09:30 zu beheben"; Spanish said "antes de
    martes" (without its article)."""
    main_window.apply_language(lang)
    headline = main_window.tab_widgets["readiness"].headline.text()
    assert headline.startswith(start) and middle in headline, headline
