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

from app.i18n import is_rtl, set_ui_language

log = logging.getLogger("cortege.i18n")

QT_CATALOGUES = ("qtbase",)
_installed: list[QTranslator] = []


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def installed_qt_catalogues() -> list[str]:
    """The ``.qm`` files in use (for tests and the About box)."""
    return [t.filePath() for t in _installed]


def apply_language(lang: str | None) -> str:
    """Use ``lang`` for the UI (None or '': ``CORTEGE_LANG``, else the system's language), with
    Qt's own strings, the default QLocale and the layout direction to match. Returns the language
    now in use. Widgets receive a LanguageChange event; call ``retranslate()`` on the windows."""
    used = set_ui_language(lang)
    app = QCoreApplication.instance()
    if app is None:
        return used
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    qlocale = QLocale(used)
    folder = qt_translations_dir()
    for name in QT_CATALOGUES:
        translator = QTranslator(app)
        # Tries qtbase_fr_CA.qm, then qtbase_fr.qm …; English needs none.
        if translator.load(qlocale, name, "_", folder):
            app.installTranslator(translator)
            _installed.append(translator)
        elif not used.startswith("en"):
            log.info("no Qt catalogue %s for %s in %s", name, used, folder)
    QLocale.setDefault(qlocale)
    if isinstance(app, QGuiApplication):
        direction = (
            Qt.LayoutDirection.RightToLeft if is_rtl(used) else Qt.LayoutDirection.LeftToRight
        )
        QGuiApplication.setLayoutDirection(direction)
    return used
