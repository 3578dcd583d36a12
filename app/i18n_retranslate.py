"""A text already shown in one language, written again in another: the undo history's texts
("Undo Delete “Funeral”") were rendered when the edit was made, and a language switch must not
leave them in the old language.

The text is matched against the old language's catalogue: exactly, or, for a message with
``{placeholders}``, as a pattern whose fields capture the values; the new language's
translation of the same message is then formatted with those values. Plural messages take their
count from the ``{n}`` field. A text that matches no message (a user's own words) is returned
unchanged.
"""

from __future__ import annotations

import functools
import re

from app.i18n import Translator, catalogue_language, po_path

_FIELD = re.compile(r"\{(\w+)(?:![rsa])?(?::[^{}]*)?\}")
MIN_LITERAL = 3  # a pattern needs this many fixed letters: "{title}" alone matches anything


@functools.lru_cache(maxsize=16)
def _messages(lang: str) -> tuple[tuple[str, str | None, tuple[str, ...], tuple[str, ...]], ...]:
    """(msgid, context, English forms, translated forms) of every message of ``lang``'s
    catalogue (English: the forms of any catalogue present, translated = English)."""
    from babel.messages.pofile import read_po

    source = catalogue_language(lang)
    english = source is None
    if english:
        from app.i18n import available_languages

        others = [code for code in available_languages() if catalogue_language(code)]
        if not others:
            return ()
        source = others[0]
    with po_path(source).open("rb") as fh:
        catalog = read_po(fh, locale=source)
    out = []
    for m in catalog:
        if not m.id:
            continue
        ids = tuple(m.id) if isinstance(m.id, tuple | list) else (m.id,)
        if english:
            strings = ids
        else:
            strings = tuple(m.string) if isinstance(m.string, tuple | list) else (m.string,)
            if not any(strings) or m.fuzzy:
                strings = ids  # untranslated: shown in English
        out.append((ids[0], m.context, ids, tuple(s or ids[-1] for s in strings)))
    return tuple(out)


@functools.lru_cache(maxsize=16)
def _index(lang: str) -> tuple[dict, list]:
    """``lang``'s messages as {text: (context, ids)} for those without fields, and
    [(context, ids, pattern)] for those with (longest first: the most specific wins)."""
    exact: dict[str, tuple[str | None, tuple[str, ...]]] = {}
    shaped = []
    for _msgid, context, ids, strings in _messages(lang):
        for form in strings:
            if "{" not in form:
                exact.setdefault(form, (context, ids))
            else:
                pattern = _pattern(form)
                if pattern is not None:
                    shaped.append((len(form), context, ids, pattern))
    shaped.sort(key=lambda item: -item[0])
    return exact, [item[1:] for item in shaped]


def _pattern(text: str) -> re.Pattern | None:
    pieces = _FIELD.split(text)
    literal = "".join(pieces[0::2])
    if sum(ch.isalpha() for ch in literal) < MIN_LITERAL:
        return None
    regex, seen = [], set()
    for i, piece in enumerate(pieces):
        if i % 2 == 0:
            regex.append(re.escape(piece))
        elif piece in seen:
            regex.append(f"(?P={piece})")
        else:
            seen.add(piece)
            regex.append(f"(?P<{piece}>.+?)")
    return re.compile("".join(regex) + r"\Z", re.S)


def _render(tr: Translator, ids: tuple[str, ...], context: str | None, values: dict) -> str:
    if len(ids) > 1:
        try:
            n = int(re.sub(r"\D", "", str(values.get("n", ""))) or 1)
        except ValueError:
            n = 2
        text = (
            tr.npgettext(context, ids[0], ids[1], n) if context else tr.ngettext(ids[0], ids[1], n)
        )
    else:
        text = tr.pgettext(context, ids[0]) if context else tr.gettext(ids[0])
    try:
        return text.format(**values) if values else text
    except (KeyError, IndexError, ValueError):
        return text


def retranslate_text(text: str, old: str, new: str, *, patterns: bool = True) -> str:
    """``text``, written in ``old``, in ``new``; unchanged when no message matches. The values
    a pattern captured are retranslated only when they are a whole message ("cue")."""
    if not text or old == new:
        return text
    tr = Translator(new)
    exact, shaped = _index(old)
    found = exact.get(text)
    if found is not None:
        return _render(tr, found[1], found[0], {})
    if not patterns:
        return text
    for context, ids, pattern in shaped:
        match = pattern.match(text)
        if match:
            values = {
                k: retranslate_text(v, old, new, patterns=False)
                for k, v in match.groupdict().items()
            }
            return _render(tr, ids, context, values)
    return text
