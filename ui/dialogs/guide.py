"""Help → User guide: the short guide shipped in ``resources/guide``, shown offline in a
QTextBrowser (no network, no web engine).

A translated guide is a folder per language (``resources/guide/fr/index.html``, its own
``images/`` if its screenshots differ); every file a language lacks, the page or a screenshot,
comes from ``resources/guide/en``. Links to other pages of the guide stay in the browser;
links out (``https:``) open in the system browser only when clicked.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.i18n import _, ui_language
from ui import style

GUIDE_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "guide"
FALLBACK = "en"
START = "index.html"


def languages_to_try(lang: str) -> list[str]:
    """``pt_BR`` → pt_BR, pt, en: the most precise translated folder first."""
    out: list[str] = []
    for code in (lang, lang.replace("-", "_").split("_")[0], FALLBACK):
        if code and code not in out:
            out.append(code)
    return out


def guide_file(name: str, lang: str | None = None) -> Path | None:
    """The file ``name`` (relative, e.g. ``images/schedule.png``) of the guide in ``lang`` (the UI
    language), else in English; None if neither has it or ``name`` leaves the guide folder."""
    root = GUIDE_DIR.resolve()
    for code in languages_to_try(lang or ui_language()):
        path = (GUIDE_DIR / code / name).resolve()
        if not path.is_relative_to(root):
            return None
        if path.is_file():
            return path
    return None


class GuideBrowser(QTextBrowser):
    """Resolves every page and picture through ``guide_file`` (the language fallback)."""

    def __init__(self, parent: QWidget | None, lang: str | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setObjectName("guide_browser")
        self.setOpenLinks(True)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._outside)

    def _outside(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)

    def setSource(self, url: QUrl, kind=QTextDocument.ResourceType.UnknownResource) -> None:  # noqa: N802
        if url.scheme() in ("http", "https", "mailto"):
            return  # never fetched: opened outside by _outside
        super().setSource(url, kind)

    def loadResource(self, kind: int, name: QUrl):  # noqa: N802 - Qt's name
        if not name.isRelative():
            return super().loadResource(kind, name)
        path = guide_file(name.path(), self.lang)
        if path is None:
            return None
        if path.suffix.lower() in (".png", ".jpg", ".svg"):
            image = QImage(str(path))
            room = self.viewport().width() - 2 * int(self.document().documentMargin()) - 8
            if room > 200 and image.width() > room:  # a narrow dialog: no sideways scrolling
                image = image.scaledToWidth(room, Qt.TransformationMode.SmoothTransformation)
            return image
        return path.read_text(encoding="utf-8")


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, lang: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide_dialog")
        self.setWindowTitle(_("Cortège user guide"))
        self.setAccessibleName(self.windowTitle())
        self.browser = GuideBrowser(self, lang)
        self.browser.setAccessibleName(_("User guide"))
        self.browser.setSource(QUrl(START))
        if not self.browser.toPlainText().strip():
            self.browser.setPlainText(
                _("The user guide is missing from this installation ({path}).").format(
                    path=GUIDE_DIR
                )
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        home = QPushButton(_("&Contents"), self)
        home.setObjectName("guide_home")
        home.clicked.connect(self.browser.home)
        buttons.addButton(home, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(style.SPACING, style.SPACING, style.SPACING, style.SPACING)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        em = self.fontMetrics().averageCharWidth()
        self.resize(max(760, 100 * em), max(640, self.fontMetrics().height() * 40))

    def text(self) -> str:
        return self.browser.toPlainText()


def open_dialog(parent: QWidget | None = None) -> GuideDialog:
    dialog = GuideDialog(parent)
    dialog.show()  # not modal: the guide stays open next to the window
    return dialog
