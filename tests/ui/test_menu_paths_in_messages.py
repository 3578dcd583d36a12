"""A message that tells the user where to go ("…with File → Change passphrase…") names a menu
item the window has, in every language: the English text names a real menu path, and each
catalogue's translation names that same item as the window shows it in that language (the
overview's empty page said "Action → New", a menu item that does not exist; German "Aktion →
Neu")."""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po

from tests.ui.test_guide_languages import menu_paths

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("fr", "de", "es", "it", "pt", "ar")  # the catalogues that translate the window


def _plain(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("←", "→")
    return " ".join(text.split())


def _names(text: str, path: str) -> bool:
    """``text`` names the menu item ``path``, with or without its "…"."""
    return path in text or path.removesuffix("…") in text


def test_every_menu_a_message_names_is_in_the_window_in_every_language(main_window):
    # the same item at the same place in every language: the menus walked in window order
    en_walk = menu_paths(main_window)
    walks = {}
    for lang in LANGS:
        main_window.apply_language(lang)
        walks[lang] = menu_paths(main_window)
    main_window.apply_language("en")
    assert all(len(w) == len(en_walk) for w in walks.values())
    with (ROOT / "translations" / "messages.pot").open("rb") as fh:
        template = read_po(fh)
    catalogues = {}
    for lang in LANGS:
        with (ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po").open("rb") as fh:
            catalogues[lang] = read_po(fh, locale=lang)
    nowhere, wrong = [], []
    for message in template:
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        for msgid in ids:
            if not msgid or "→" not in msgid or "{menu}" in msgid:
                continue
            text = _plain(msgid)
            hits = [i for i, p in enumerate(en_walk) if _names(text, p)]
            hits = [i for i in hits if not any(i != j and en_walk[i] in en_walk[j] for j in hits)]
            if not hits:
                nowhere.append(msgid)
                continue
            for lang in LANGS:
                found = catalogues[lang].get(message.id, context=message.context)
                if found is None or not found.string:
                    continue
                strings = [found.string] if isinstance(found.string, str) else found.string
                for string in strings:
                    for i in hits:
                        if not _names(_plain(string), walks[lang][i]):
                            wrong.append((lang, walks[lang][i], string))
    assert nowhere == []
    assert wrong == []
