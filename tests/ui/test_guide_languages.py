"""The user guide in every language it is written in names what the window shows in that
language: each menu path ("File → Backup…"; in Arabic with "←") is a menu item of the real
window, each label marked ``<b class="ui">`` (a tab, a button) is a text of the window, and
every section and picture of the English guide is there. F1 in a French window opens the
French guide."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.ui.i18n_helpers import window_texts

ROOT = Path(__file__).resolve().parents[2]
GUIDES = ROOT / "resources" / "guide"
LANGS = sorted(p.name for p in GUIDES.iterdir() if (p / "index.html").is_file())


def plain(text: str) -> str:
    """A text as the eye reads it: no accelerator "&", no shortcut after a tab, single spaces."""
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&").split("\t")[0]
    return " ".join(text.split())


def menu_paths(window) -> list[str]:
    """Every menu item as "Menu → Submenu → Item", in the window's order (the same order in
    every language, so one index is one item)."""
    found: list[str] = []

    def walk(menu, trail: list[str]) -> None:
        for action in menu.actions():
            if action.isSeparator():
                continue
            if action.menu() is not None:
                walk(action.menu(), [*trail, plain(action.menu().title())])
            else:
                found.append(" → ".join([*trail, plain(action.text())]))

    for top in window.menuBar().actions():
        walk(top.menu(), [plain(top.menu().title())])
    return found


def bold(html: str, *, ui: bool) -> list[str]:
    """The bold texts; a right-to-left guide writes its menu paths with "←" (Arabic "ملف ←
    نسخ احتياطي…", as its catalogue does), read here as the window's "→"."""
    pattern = r'<b class="ui">(.*?)</b>' if ui else r"<b>(.*?)</b>"
    return [" ".join(b.replace("←", "→").split()) for b in re.findall(pattern, html, re.S)]


def guide(lang: str) -> str:
    return (GUIDES / lang / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_the_guide_names_the_menus_tabs_and_buttons_of_its_language(main_window, lang):
    main_window.apply_language(lang)
    menus = set(menu_paths(main_window))
    html = guide(lang)
    paths = [b for b in bold(html, ui=False) + bold(html, ui=True) if "→" in b]
    assert paths, lang
    assert [p for p in paths if p not in menus] == [], sorted(menus)
    texts = {plain(t.split(":", 1)[1]) for t in window_texts(main_window)}
    texts |= {re.sub(r" \(\d+\)$", "", t) for t in texts}  # a tab without its badge
    labels = [b for b in bold(html, ui=True) if "→" not in b]
    assert labels, lang
    assert [b for b in labels if b not in texts] == []


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang != "en"])
def test_a_translated_guide_has_every_section_and_picture_of_the_english_one(lang):
    english, translated = guide("en"), guide(lang)
    for attribute in ("name", "href", "src"):
        found = re.findall(rf'{attribute}="([^"]+)"', translated)
        assert found == re.findall(rf'{attribute}="([^"]+)"', english), (lang, attribute)
    assert f'<html lang="{lang}"' in translated
    for src in re.findall(r'src="([^"]+)"', translated):
        assert (GUIDES / lang / src).is_file(), (lang, src)  # its own screenshots


def test_f1_in_a_french_window_opens_the_french_guide(qtbot, main_window):
    main_window.apply_language("fr")
    main_window.a_guide.trigger()
    qtbot.waitUntil(lambda: getattr(main_window, "guide_dialog", None) is not None)
    text = main_window.guide_dialog.browser.toPlainText()
    assert text.startswith("Guide d’utilisation de Cortège"), text[:80]
    assert "Fichier → Sauvegarde…" in text
    main_window.guide_dialog.close()
