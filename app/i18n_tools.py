"""Maintaining the catalogues: extract the strings of ``app/`` and ``ui/`` into
``translations/messages.pot``, merge them into every ``<lang>/LC_MESSAGES/messages.po``, and check
that every catalogue is complete (``python main.py i18n update`` / ``i18n check``).

Everything takes a project ``root`` so tests can work on a copy. Files are rewritten only when a
message changed (dates in the header alone do not count), without line numbers in the locations,
so catalogues diff cleanly.
"""

from __future__ import annotations

import ast
import os
import re
import string
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from app.i18n import CATALOGUE_DOMAIN, N_, SOURCE_LANGUAGE, _, ngettext

ROOT = Path(__file__).resolve().parent.parent  # the project (app/, ui/, translations/)
SOURCE_DIRS = ("app", "ui")
# babel's defaults: _, gettext, ngettext, pgettext, npgettext, N_ … A call through an object
# (``tr.gettext("…")``, ``tr.ngettext(…)``) is matched by its last name, so documents' strings
# are extracted too.
COMMENT_TAGS = ("Translators:",)
PROJECT = "Cortège"
TEAM = "Cortège contributors"
BUGS = ""
HEADER = (
    "# Translations template for PROJECT.\n"
    "# Copyright (C) YEAR ORGANIZATION\n"
    "# This file is distributed under the same license as the PROJECT project.\n"
    "# Update with `python main.py i18n update`; see docs/translations.md.\n#"
)
_DATE_LINES = ('"POT-Creation-Date:', '"PO-Revision-Date:')

# Problem kinds (shown by ``i18n check``).
MISSING = N_("missing")
EMPTY = N_("not translated")
FUZZY = N_("fuzzy")
PLACEHOLDERS = N_("placeholders differ")
FORMAT = N_("format error")
NO_CATALOGUE = N_("no catalogue")
ACCELERATOR = N_("keyboard accelerator differs")
# A catalogue may land partly translated (untranslated strings fall back to English); what it
# must never contain is a broken entry, which would crash a format() or lose a shortcut.
INCOMPLETE = frozenset({MISSING, EMPTY, FUZZY})
_ACCELERATOR = re.compile(r"&(?=[^&\s])")


@dataclass(frozen=True, order=True)
class Problem:
    lang: str
    msgid: str
    kind: str
    where: str = ""
    detail: str = ""


def keywords() -> dict:
    from babel.messages.extract import DEFAULT_KEYWORDS

    return dict(DEFAULT_KEYWORDS)


def translations_dir(root: Path) -> Path:
    return Path(root) / "translations"


def catalogue_languages(root: Path = ROOT) -> list[str]:
    """Languages with a catalogue in ``root/translations`` (the English source excluded)."""
    tdir = translations_dir(root)
    return sorted(
        p.parent.parent.name
        for p in tdir.glob(f"*/LC_MESSAGES/{CATALOGUE_DOMAIN}.po")
        if p.parent.parent.name != SOURCE_LANGUAGE
    )


def _key(message) -> tuple[str | None, str]:
    mid = message.id if isinstance(message.id, str) else message.id[0]
    return (message.context, mid)


# --- extraction -------------------------------------------------------------------------------


def extract(root: Path = ROOT, dirs: tuple[str, ...] = SOURCE_DIRS):
    """A template catalogue of every string marked in ``dirs`` (babel's Python extractor)."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    template = Catalog(
        project=PROJECT,
        version="1.0",
        copyright_holder=TEAM,
        msgid_bugs_address=BUGS,
        header_comment=HEADER,
        charset="utf-8",
        fuzzy=False,
    )
    root = Path(root)
    for folder in dirs:
        base = root / folder
        if not base.is_dir():
            continue
        for filename, lineno, message, comments, context in extract_from_dir(
            base,
            method_map=[("**.py", "python")],
            keywords=keywords(),
            comment_tags=COMMENT_TAGS,
            strip_comment_tags=True,
        ):
            if "__pycache__" in filename:
                continue
            ids = message if isinstance(message, tuple) else (message,)
            if not ids or not ids[0]:
                continue
            path = f"{folder}/{Path(filename).as_posix()}"
            template.add(message, None, [(path, lineno)], auto_comments=comments, context=context)
    return template


def _render(catalog) -> bytes:
    from babel.messages.pofile import write_po

    buf = BytesIO()
    write_po(
        buf,
        catalog,
        width=100,
        sort_output=True,
        include_lineno=False,
        ignore_obsolete=True,
        include_previous=False,
    )
    return buf.getvalue()


def _without_dates(data: bytes) -> list[bytes]:
    return [
        line
        for line in data.splitlines()
        if not line.startswith(tuple(d.encode() for d in _DATE_LINES))
    ]


def _write_if_changed(path: Path, catalog) -> bool:
    data = _render(catalog)
    if path.exists() and _without_dates(path.read_bytes()) == _without_dates(data):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return True


def _read(path: Path, lang: str):
    from babel.messages.pofile import read_po

    with path.open("rb") as fh:
        return read_po(fh, locale=lang, abort_invalid=False)


def update(root: Path = ROOT, *, langs: list[str] | None = None) -> list[Path]:
    """Re-extract, rewrite the template and merge it into each catalogue (changed strings get
    the old translation marked fuzzy; strings no longer in the code are dropped). Returns the
    files rewritten."""
    template = extract(root)
    tdir = translations_dir(root)
    changed: list[Path] = []
    pot = tdir / f"{CATALOGUE_DOMAIN}.pot"
    if _write_if_changed(pot, template):
        changed.append(pot)
    for lang in langs or catalogue_languages(root):
        po = tdir / lang / "LC_MESSAGES" / f"{CATALOGUE_DOMAIN}.po"
        if not po.exists():
            changed.append(init_language(lang, root=root, template=template))
            continue
        catalog = _read(po, lang)
        catalog.update(template, no_fuzzy_matching=False, update_creation_date=False)
        catalog.revision_date = datetime.now(UTC)
        if _write_if_changed(po, catalog):
            changed.append(po)
    from app.i18n import reload_catalogues

    reload_catalogues()
    return changed


def translated_count(po: Path, lang: str) -> int:
    """How many entries of the catalogue at ``po`` carry a translation."""
    return sum(1 for m in _read(po, lang) if m.id and _is_translated(m))


def _is_translated(message) -> bool:
    if message.fuzzy:
        return False
    if isinstance(message.string, tuple | list):
        # The first form and one plural form are enough: the compiler fills CLDR's extra forms
        # ("many" in French, Spanish and Italian since babel 2.19) from their neighbours.
        return bool(message.string and message.string[0]) and (
            len(message.string) == 1 or any(message.string[1:])
        )
    return bool(message.string)


def init_language(lang: str, *, root: Path = ROOT, template=None, force: bool = False) -> Path:
    """Start the catalogue of a new language (its plural rule from CLDR). A catalogue that
    already holds translations is never replaced unless ``force``."""
    from babel import Locale
    from babel.messages.catalog import Catalog

    from app.domain.errors import DomainError
    from app.i18n import normalise_language

    code = normalise_language(lang)
    if not code:
        raise DomainError(_("unknown language code: {code}").format(code=lang), field="lang")
    po = translations_dir(root) / code / "LC_MESSAGES" / f"{CATALOGUE_DOMAIN}.po"
    if po.exists() and not force:
        done = translated_count(po, code)
        if done:
            raise DomainError(
                ngettext(
                    "{path} already holds {n} translation: run `i18n update` to bring it up to "
                    "date, or add --force to start it again from nothing",
                    "{path} already holds {n} translations: run `i18n update` to bring it up to "
                    "date, or add --force to start it again from nothing",
                    done,
                ).format(path=po.relative_to(root), n=done),
                field="lang",
            )
    template = template if template is not None else extract(root)
    catalog = Catalog(
        locale=code,
        project=PROJECT,
        version="1.0",
        copyright_holder=TEAM,
        msgid_bugs_address=BUGS,
        last_translator=TEAM,
        language_team=f"{Locale.parse(code).english_name} ({TEAM})",
        header_comment=HEADER,
        charset="utf-8",
        fuzzy=False,
    )
    catalog.update(template, no_fuzzy_matching=True)
    _write_if_changed(po, catalog)
    return po


# --- the completeness check -------------------------------------------------------------------


def _fields(text: str) -> set[str] | None:
    """The ``{name}`` fields of a str.format string; None when it is not one."""
    try:
        return {
            name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None
        }
    except ValueError:
        return None


def _placeholder_problem(message) -> str:
    if isinstance(message.id, str):
        want = _fields(message.id)
        got = _fields(message.string) if isinstance(message.string, str) else None
        if want is None:
            return ""
        if got is None:
            return "unbalanced braces"
        if got != want:
            return f"{sorted(want)} != {sorted(got)}"
        return ""
    allowed: set[str] = set()
    for mid in message.id:
        fields = _fields(mid)
        if fields is None:
            return ""
        allowed |= fields
    plural_fields = _fields(message.id[-1]) or set()
    forms = list(message.string)
    for i, form in enumerate(forms):
        got = _fields(form)
        if got is None:
            return "unbalanced braces"
        if not got <= allowed:
            return f"unknown {sorted(got - allowed)}"
        if i == len(forms) - 1 and got != plural_fields and len(forms) > 1:
            return f"{sorted(plural_fields)} != {sorted(got)}"
    return ""


def check(root: Path = ROOT, *, langs: list[str] | None = None) -> list[Problem]:
    """Every message in the code must be in each catalogue, translated, not fuzzy, with the
    same placeholders. Returns the problems (empty: all complete)."""
    template = extract(root)
    tdir = translations_dir(root)
    problems: list[Problem] = []
    for lang in langs or catalogue_languages(root):
        po = tdir / lang / "LC_MESSAGES" / f"{CATALOGUE_DOMAIN}.po"
        if not po.exists():
            problems.append(Problem(lang, "", NO_CATALOGUE, str(po)))
            continue
        catalog = _read(po, lang)
        entries = {_key(m): m for m in catalog if m.id}
        nplurals = catalog.num_plurals
        for tmsg in template:
            if not tmsg.id:
                continue
            key = _key(tmsg)
            where = ", ".join(f"{f}:{n}" for f, n in tmsg.locations[:3])
            msg = entries.get(key)
            if msg is None:
                problems.append(Problem(lang, key[1], MISSING, where))
                continue
            if msg.fuzzy:
                problems.append(Problem(lang, key[1], FUZZY, where))
                continue
            if isinstance(tmsg.id, tuple) != isinstance(msg.id, tuple):
                problems.append(Problem(lang, key[1], MISSING, where, "plural"))
                continue
            if isinstance(msg.string, tuple | list) and len(msg.string) != nplurals:
                problems.append(Problem(lang, key[1], EMPTY, where, "plural forms"))
                continue
            if not _is_translated(msg):
                problems.append(Problem(lang, key[1], EMPTY, where))
                continue
            detail = _placeholder_problem(msg)
            if detail:
                problems.append(Problem(lang, key[1], PLACEHOLDERS, where, detail))
            detail = _accelerator_problem(msg)
            if detail:
                problems.append(Problem(lang, key[1], ACCELERATOR, where, detail))
        for msg, errors in catalog.check():
            if msg.id and _key(msg) in {_key(t) for t in template if t.id} and errors:
                problems.append(
                    Problem(lang, _key(msg)[1], FORMAT, "", "; ".join(str(e) for e in errors))
                )
    return sorted(set(problems))


def _accelerators(text: str) -> int:
    return len(_ACCELERATOR.findall(text.replace("&&", "")))


def _accelerator_problem(message) -> str:
    """A menu label's ``&`` must survive translation (once), or the shortcut letter is lost."""
    source = message.id if isinstance(message.id, str) else message.id[0]
    want = _accelerators(source)
    forms = message.string if isinstance(message.string, tuple | list) else [message.string]
    for form in forms:
        if form and _accelerators(form) != want:
            return f"{want} != {_accelerators(form)}"
    return ""


def coverage(root: Path = ROOT, *, langs: list[str] | None = None) -> dict[str, tuple[int, int]]:
    """lang -> (translated, total) over the strings in the code."""
    template = extract(root)
    keys = {_key(t) for t in template if t.id}
    tdir = translations_dir(root)
    result: dict[str, tuple[int, int]] = {}
    for lang in langs or catalogue_languages(root):
        po = tdir / lang / "LC_MESSAGES" / f"{CATALOGUE_DOMAIN}.po"
        done = 0
        if po.exists():
            done = sum(1 for m in _read(po, lang) if m.id and _key(m) in keys and _is_translated(m))
        result[lang] = (done, len(keys))
    return result


def describe(problem: Problem) -> str:
    text = _("{lang}: {kind}: {msgid}").format(
        lang=problem.lang, kind=_(problem.kind), msgid=repr(problem.msgid)
    )
    if problem.detail:
        text += f" [{problem.detail}]"
    if problem.where:
        text += f" ({problem.where})"
    return text


# --- hard-coded user-visible strings (a lint, for reviews) ------------------------------------

_UI_SETTERS = {
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setStatusTip",
    "setWhatsThis", "setTitle", "setLabelText", "addTab", "setTabText", "setTabToolTip",
    "showMessage", "setAccessibleName", "setAccessibleDescription", "setSuffix", "setPrefix",
    "setSpecialValueText", "addAction", "addMenu", "setItemText", "setInformativeText",
    "setDetailedText", "setHeaderLabels", "setHorizontalHeaderLabels", "information",
    "warning", "critical", "question", "about", "getText", "getItem", "getOpenFileName",
    "getSaveFileName", "getExistingDirectory", "setCancelButtonText", "addRow", "insertTab",
    "setWindowIconText", "setButtonText", "addButton", "setStatusText",
}  # fmt: skip
_UI_CLASSES = {
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction",
    "QToolButton", "QMenu", "QProgressDialog", "QCommandLinkButton", "QMessageBox",
}  # fmt: skip
_APP_CALLS = {"print", "warn", "add_argument", "add_parser", "Paragraph", "DomainError"}
_WORDS = re.compile(r"[^\W\d_]{2,}")
_IDENTIFIER = re.compile(r"^[\w.:/@%{}\-#]*$")


def _looks_user_visible(text: str) -> bool:
    if not _WORDS.search(text) or not any(c.islower() for c in text):
        return False
    if _IDENTIFIER.match(text) and " " not in text and not text[:1].isupper():
        return False  # an object name, a key, a path, a format
    return True


def _literal_text(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
    return None


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def hardcoded_strings(root: Path = ROOT, dirs: tuple[str, ...] = SOURCE_DIRS) -> list[tuple]:
    """(path, line, text) of string literals handed straight to a widget, a message or an
    argparse help without ``_()`` — a heuristic for reviews, not a proof."""
    found: list[tuple] = []
    root = Path(root)
    for folder in dirs:
        for path in sorted((root / folder).rglob("*.py")):
            if "__pycache__" in path.parts or "migrations" in path.parts:
                continue
            try:
                tree = ast.parse(path.read_text(encoding="utf-8"))
            except (SyntaxError, UnicodeDecodeError):
                continue
            rel = path.relative_to(root).as_posix()
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                name = _call_name(node)
                is_error = name.endswith("Error") and name not in {"EditFailed"}
                if not (
                    name in _UI_SETTERS or name in _UI_CLASSES or name in _APP_CALLS or is_error
                ):
                    continue
                args = list(node.args)
                if name in {"add_argument", "add_parser"}:
                    args = [k.value for k in node.keywords if k.arg in {"help", "description"}]
                elif name not in {"print", "warn", "Paragraph"}:
                    args += [
                        k.value for k in node.keywords if k.arg in {"text", "title", "message"}
                    ]
                for arg in args:
                    if isinstance(arg, ast.List | ast.Tuple):
                        items = list(arg.elts)
                    else:
                        items = [arg]
                    for item in items:
                        text = _literal_text(item)
                        if text and _looks_user_visible(text):
                            found.append((rel, item.lineno, text))
    return found
