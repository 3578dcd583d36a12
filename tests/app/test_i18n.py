"""Translations: catalogues complete, plural rules, the reader's locale for dates and numbers, the
compiled-catalogue cache, and the check that guards all of it."""

from __future__ import annotations

import re
import textwrap
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import i18n
from app.i18n import Translator
from tests.conftest import DEMO_DAY

SOURCE = textwrap.dedent(
    """
    from app.i18n import _, pgettext


    def labels(tr, n):
        return [
            _("Call time"),
            tr.gettext("Meeting point"),
            tr.ngettext("{n} participant", "{n} participants", n),
            pgettext("menu", "File"),
        ]
    """
)
FRENCH = {
    "Call time": "Heure de rendez-vous",
    "Meeting point": "Point de rendez-vous",
    "{n} participant": ("{n} participant", "{n} participants"),
    "File": "Fichier",
}


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A tiny project (app/ with marked strings) whose translations/ app.i18n reads."""
    (tmp_path / "app").mkdir()
    (tmp_path / "ui").mkdir()
    (tmp_path / "app" / "labels.py").write_text(SOURCE, encoding="utf-8")
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", tmp_path / "translations")
    i18n.reload_catalogues()
    yield tmp_path
    i18n.reload_catalogues()


def _po(root: Path, lang: str) -> Path:
    return root / "translations" / lang / "LC_MESSAGES" / "messages.po"


def _edit(po: Path, lang: str, change) -> None:
    from babel.messages.pofile import read_po, write_po

    with po.open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    for message in catalog:
        if message.id:
            change(message, catalog.num_plurals)
    with po.open("wb") as fh:
        write_po(fh, catalog)
    i18n.reload_catalogues()


def _fill(mapping: dict):
    def change(message, num_plurals: int) -> None:
        key = message.id if isinstance(message.id, str) else message.id[0]
        if key in mapping:
            value = mapping[key]
            if isinstance(value, tuple):
                # Newer CLDR (babel >= 2.19) gives French a third, "many" form (for a
                # million): it reads like the plural.
                value = value + (value[-1],) * (num_plurals - len(value))
            message.string = value
            message.flags.discard("fuzzy")

    return change


def _kinds(problems) -> dict[str, str]:
    return {p.msgid: p.kind for p in problems}


def test_check_finds_untranslated_fuzzy_missing_and_broken_placeholders(project):
    from app.i18n_tools import EMPTY, FUZZY, MISSING, PLACEHOLDERS, check, init_language

    init_language("fr", root=project)
    assert _kinds(check(project)) == {
        "Call time": EMPTY,
        "Meeting point": EMPTY,
        "{n} participant": EMPTY,
        "File": EMPTY,
    }

    _edit(_po(project, "fr"), "fr", _fill(FRENCH))
    assert check(project) == []

    def fuzzy_and_wrong(message, _num_plurals: int = 2) -> None:
        if message.id == "Call time":
            message.flags.add("fuzzy")
        if message.id == "Meeting point":
            message.string = "Point de rendez-vous {lieu}"

    _edit(_po(project, "fr"), "fr", fuzzy_and_wrong)
    source = project / "app" / "labels.py"
    source.write_text(SOURCE + '\nEXTRA = _("Fallback plan")\n', encoding="utf-8")
    problems = check(project)
    assert _kinds(problems) == {
        "Call time": FUZZY,
        "Meeting point": PLACEHOLDERS,
        "Fallback plan": MISSING,
    }
    missing = next(p for p in problems if p.kind == MISSING)
    assert missing.lang == "fr"
    assert missing.where == f"app/labels.py:{len(source.read_text().splitlines())}"


def test_update_keeps_translations_and_marks_changed_strings_fuzzy(project):
    from app.i18n_tools import FUZZY, check, init_language, update

    init_language("fr", root=project)
    _edit(_po(project, "fr"), "fr", _fill(FRENCH))
    source = project / "app" / "labels.py"
    source.write_text(SOURCE.replace("Meeting point", "Meeting points"), encoding="utf-8")

    changed = update(project)

    assert _po(project, "fr") in changed
    assert (project / "translations" / "messages.pot").exists()
    assert _kinds(check(project)) == {"Meeting points": FUZZY}
    assert Translator("fr").gettext("Call time") == "Heure de rendez-vous"
    assert Translator("fr").gettext("Meeting points") == "Meeting points"  # fuzzy: not used
    assert update(project) == []  # nothing changed: no file rewritten


def test_french_plural_rule_makes_zero_and_one_singular(project):
    from app.i18n_tools import init_language

    init_language("fr", root=project)
    _edit(
        _po(project, "fr"),
        "fr",
        _fill(FRENCH | {"{n} participant": ("{n} inscrit", "{n} inscrits")}),
    )
    fr, en = Translator("fr"), Translator("en")

    def say(tr: Translator, n: int) -> str:
        return tr.ngettext("{n} participant", "{n} participants", n).format(n=n)

    assert [say(fr, n) for n in (0, 1, 2, 5)] == [
        "0 inscrit",
        "1 inscrit",
        "2 inscrits",
        "5 inscrits",
    ]
    assert [say(en, n) for n in (0, 1, 2)] == ["0 participants", "1 participant", "2 participants"]
    assert Translator("fr").pgettext("menu", "File") == "Fichier"


def test_catalogue_compiled_once_into_the_cache_and_rebuilt_when_the_po_changes(project):
    from app.i18n_tools import init_language
    from app.paths import data_dir

    init_language("fr", root=project)
    _edit(_po(project, "fr"), "fr", _fill(FRENCH))
    assert Translator("fr").gettext("Call time") == "Heure de rendez-vous"
    cache = data_dir() / "cache" / "translations"
    first = list(cache.glob("fr-*.mo"))
    assert len(first) == 1

    _edit(_po(project, "fr"), "fr", _fill({"Call time": "Heure d'arrivée"}))
    assert Translator("fr").gettext("Call time") == "Heure d'arrivée"
    second = list(cache.glob("fr-*.mo"))
    assert len(second) == 1 and second != first


def test_real_plural_forms_in_french_and_english():
    def cues(lang: str, n: int) -> str:
        return Translator(lang).ngettext("{n} cue", "{n} cues", n).format(n=n)

    assert [cues("en", n) for n in (0, 1, 2)] == ["0 cues", "1 cue", "2 cues"]
    french = [cues("fr", n) for n in (0, 1, 2)]
    assert french[0].startswith("0 ") and french[1].startswith("1 ")
    assert french[0][2:] == french[1][2:]  # French: 0 takes the singular
    assert french[2][2:] != french[1][2:]
    assert "cue" not in " ".join(french)


def test_greek_volunteer_gets_greek_dates_and_labels_and_english_for_the_rest():
    """Greek is a documents-only catalogue: sheet labels are Greek, window strings it does not
    translate fall back to English."""
    el = Translator("el")
    assert el.date(DEMO_DAY, "long") == "28 Μαΐου 2024"
    assert el.has_catalogue
    assert el.gettext("Call time") == "Ώρα προσέλευσης"
    assert el.gettext("&Preferences…") == "&Preferences…"
    assert Translator("fr").gettext("Call time") not in ("", "Call time")


def test_regional_and_unknown_codes():
    assert Translator("fr-CA").lang == "fr_CA"
    assert Translator("fr_CA").gettext("Call time") == Translator("fr").gettext("Call time")
    assert Translator("fr_CA").date(date(2024, 5, 28), "short") == "2024-05-28"  # Canadian order
    assert Translator("xx-nonsense").lang == "en"
    assert Translator(None).gettext("Call time") == "Call time"


def test_numbers_currency_and_durations_follow_the_locale():
    fr, de, es, en = (Translator(code) for code in ("fr", "de", "es", "en"))
    assert fr.number(1234.5) == "1\u202f234,5"
    assert de.currency(1234.5, "EUR") == "1.234,50\xa0€"
    assert en.currency(1234.5, "EUR") == "€1,234.50"
    assert fr.duration(90) == "1\u202fh 30\xa0min"
    assert es.duration(60) == "1 h"  # not babel's "1 horas"
    assert en.duration(45) == "45 min"
    assert fr.join(["Ana", "Bo", "Cy"]) == "Ana, Bo et Cy"


def test_right_to_left_languages():
    assert i18n.is_rtl("ar") and i18n.is_rtl("he") and i18n.is_rtl("fa")
    assert not i18n.is_rtl("fr") and not i18n.is_rtl(None)


def test_ui_language_follows_the_system_unless_chosen(monkeypatch):
    for var in ("CORTEGE_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert i18n.set_ui_language(None) == "fr_FR"
    assert i18n._("Call time") == Translator("fr").gettext("Call time") != "Call time"
    assert i18n.set_ui_language("de") == "de"
    monkeypatch.setenv("LANGUAGE", "es:en")
    assert i18n.system_language() == "es"
    monkeypatch.setenv("CORTEGE_LANG", "en")
    assert i18n.set_ui_language(None) == "en"


def test_hardcoded_strings_are_listed(tmp_path):
    from app.i18n_tools import hardcoded_strings

    (tmp_path / "ui").mkdir()
    (tmp_path / "ui" / "w.py").write_text(
        "label = QLabel('Meeting point')\n"
        "label.setText(_('Call time'))\n"
        "label.setObjectName('meeting_point')\n"
        "button.setToolTip(f'Delete {name}')\n",
        encoding="utf-8",
    )
    found = hardcoded_strings(tmp_path, dirs=("ui",))
    assert found == [("ui/w.py", 1, "Meeting point"), ("ui/w.py", 4, "Delete ")]


def test_committed_catalogues_are_complete(cli):
    """Runs ``python main.py i18n check`` on the repository's own code and catalogues: a string
    added to app/ or ui/ without its French, German and Spanish translation fails here."""
    from app.i18n_tools import catalogue_languages

    assert {"fr", "de", "es"} <= set(catalogue_languages())
    ui_languages = ("fr", "de", "es", "it", "pt", "ar")  # the window's languages: complete
    result = cli(
        "i18n", "check", "--complete", *(a for lang in ui_languages for a in ("--lang", lang))
    )
    assert result.code == 0, result.err
    assert "fr, de, es, it, pt, ar" in result.out
    assert "fr: 100" in result.out


def test_a_partly_translated_language_lands_but_a_broken_entry_fails(project, cli, monkeypatch):
    """A new language can land half done (English fills the gaps); a translation that loses a
    placeholder or a menu's accelerator fails ``i18n check``."""
    from app import i18n_tools

    monkeypatch.setattr(i18n_tools, "ROOT", project)
    (project / "app" / "menu.py").write_text(
        'from app.i18n import _\n\nFILE = _("&File")\n', encoding="utf-8"
    )
    i18n_tools.init_language("it", root=project)
    _edit(_po(project, "it"), "it", _fill({"Call time": "Orario di ritrovo", "&File": "&File"}))

    result = cli("i18n", "check", "--lang", "it")
    assert result.code == 0, result.err
    assert "it: 40" in result.out and "(2 of 5)" in result.out
    assert cli("i18n", "check", "--lang", "it", "--complete").code == 1

    _edit(_po(project, "it"), "it", _fill({"&File": "File"}))
    result = cli("i18n", "check", "--lang", "it")
    assert result.code == 1
    assert "keyboard accelerator" in result.err and "&File" in result.err


def test_init_never_replaces_a_catalogue_that_holds_translations(project, cli, monkeypatch):
    from app import i18n_tools

    monkeypatch.setattr(i18n_tools, "ROOT", project)
    i18n_tools.init_language("fr", root=project)
    _edit(_po(project, "fr"), "fr", _fill(FRENCH))

    result = cli("i18n", "init", "fr")
    assert result.code == 2
    assert "already holds 4 translations" in result.err and "--force" in result.err
    assert Translator("fr").gettext("Call time") == "Heure de rendez-vous"

    assert cli("i18n", "init", "fr", "--force").code == 0
    i18n.reload_catalogues()
    assert Translator("fr").gettext("Call time") == "Call time"


def test_a_cldr_plural_form_left_empty_reads_like_its_neighbour(project):
    """babel 2.19 gives Spanish three forms (one, many, other): a translator who fills one and
    other gets Spanish for a million too, never a silent English word."""
    from app.i18n_tools import check, init_language

    init_language("es", root=project)

    def one_and_other(message, num_plurals: int) -> None:
        if isinstance(message.id, tuple):
            forms = ["{n} participante"] + [""] * (num_plurals - 2) + ["{n} participantes"]
            message.string = tuple(forms)

    _edit(_po(project, "es"), "es", one_and_other)
    es = Translator("es")
    say = [es.ngettext("{n} participant", "{n} participants", n).format(n=n) for n in (1, 2)]
    assert say == ["1 participante", "2 participantes"]
    million = es.ngettext("{n} participant", "{n} participants", 1_000_000)
    assert million == "{n} participantes"
    assert "{n} participant" not in {p.msgid for p in check(project)}


def test_command_line_speaks_the_ui_language_argparse_included(cli, capsys):
    i18n.set_ui_language("fr")
    assert cli("export", "runsheet").code == 2
    err = capsys.readouterr().err  # argparse writes to sys.stderr itself
    assert "utilisation\u00a0:" in err  # French: a no-break space before the colon
    assert "les arguments suivants sont obligatoires\u00a0: SLUG" in err
    assert "usage:" not in err and "required" not in err
    cli("--help")
    help_text = capsys.readouterr().out
    assert "préparer des actions symboliques" in help_text
    assert "afficher ce message d’aide et quitter" in help_text


def test_french_typography_no_break_spaces_and_apostrophes():
    """French puts a no-break space before : ; ! ? and inside « », so a label never wraps
    before its colon; apostrophes between letters are typographic (’), one style throughout."""
    from babel.messages.pofile import read_po

    from app.i18n_tools import ROOT

    with (ROOT / "translations" / "fr" / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        catalogue = read_po(fh, locale="fr")
    bad = []
    for message in catalogue:
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in forms:
            plain = re.sub(r"\{[^{}]*\}", "X", text or "")
            if re.search(r" [:;!?]|« | »|\u00a0\u00a0", plain) or re.search(
                r"[^\W\d_]'[^\W\d_]", plain
            ):
                bad.append(text)
    assert bad == []


def test_the_press_editors_dateline_reads_as_its_languages_own_word():
    """The Portuguese and Italian press editors said "Local da dateline" and "Modifica
    dateline": an English newsroom word a Lisbon or Milan press officer does not use. The
    place before the date is the place of issue, as in French ("Lieu d’émission")."""
    from app.i18n import Translator

    for lang in ("pt", "it", "fr", "es", "de"):
        tr = Translator(lang)
        for msgid in ("Dateline place", "Dateline place:", "Edit dateline"):
            assert "dateline" not in tr.gettext(msgid).lower(), (lang, msgid)
    assert Translator("pt").gettext("Dateline place:") == "Local de emissão:"
    assert Translator("it").gettext("Edit dateline") == "Modifica il luogo di emissione"


#: Arabic accelerators left on a letter with a dot below: every other letter of the label is
#: taken in its menu, page or dialog (ج keeps its dot inside the bowl, above the underline)
DOTS_BELOW_KEPT = {
    "&Instructions:",
    "&New",
    "&New action…",
    "&New…",
    "&Press release…",
    "Countr&y:",
    "Ne&w release…",
    "Re&ference:",
    "Sele&ction",
}


def test_arabic_accelerators_leave_the_dots_below_letters_readable():
    """The Alt+letter underline of an Arabic label is drawn where the dots below "ب", "ي"
    and the hamza of "إ" are: "ال&بريد" read as "البريد" without its dot. Each label takes a
    letter without marks below unless its menu, page or dialog leaves none (listed above)."""
    from pathlib import Path

    from app.i18n_tools import _read

    root = Path(__file__).resolve().parents[2]
    catalogue = _read(root / "translations" / "ar" / "LC_MESSAGES" / "messages.po", "ar")
    hidden = []
    for message in catalogue:
        texts = [message.string] if isinstance(message.string, str) else list(message.string)
        for text in texts:
            at = (text or "").find("&")
            if 0 <= at < len(text) - 1 and text[at + 1] in "بجيإ":
                hidden.append(message.id)
    assert sorted(set(hidden) - DOTS_BELOW_KEPT) == []


def test_arabic_lines_about_a_person_do_not_make_them_a_man():
    """Arabic verbs and pronouns agree with their subject's gender: "{alias} يحمل …" (he
    carries), "محتفَظ به" (he is kept) made every volunteer a man, where French writes
    "photographié·e". These lines are written around the person: "… بحوزة {alias}"."""
    from app.i18n import Translator

    ar = Translator("ar")
    lines = [
        ar.gettext("{alias} carries {name}"),
        ar.ngettext("{alias} carries {n} prop", "{alias} carries {n} props", 1),
        ar.ngettext("{alias} carries {n} prop", "{alias} carries {n} props", 3),
        ar.gettext("kept: {alias} ({why})"),
        ar.gettext("Did not consent to photos: keep them behind the banner"),
    ]
    for line in lines:
        assert not any(word in line for word in ("يحمل", "محتفَظ به", "لم يوافق", "أبقِه")), line
    assert ar.gettext("{alias} carries {name}") == "{name} بحوزة {alias}"


def test_the_packs_leftover_drafts_are_listed_in_the_window_language():
    from app.exports.pack.drafts import stale_warning
    from app.i18n import set_ui_language

    try:
        set_ui_language("ar")
        assert "Crow.eml، Finch.eml" in stale_warning(["Crow.eml", "Finch.eml"])
        set_ui_language("en")
        assert stale_warning(["Crow.eml", "Finch.eml"]).endswith(": Crow.eml, Finch.eml")
    finally:
        set_ui_language("en")


@settings(max_examples=60, deadline=None)
@given(
    lang=st.sampled_from(["en", "fr", "de", "es", "it", "pt", "ar", "el", "pl", "tr", "uk"]),
    value=st.integers(min_value=-10080, max_value=10080),
    unit=st.sampled_from(["duration-day", "duration-minute"]),
)
def test_a_spin_box_unit_never_swallows_or_repeats_the_number(lang, value, unit):
    """The spin box shows the number itself: a unit's affixes hold no placeholder and no digit,
    and they name the unit (not empty) at every number in every language."""
    from app.i18n import Translator

    before, after = Translator(lang).unit_affixes(value, unit)
    assert (before + after).strip()
    assert "{" not in before + after
    assert not any(ch.isdigit() for ch in before + after)


def test_every_literal_given_to_gettext_is_in_the_catalogue_even_inside_an_f_string():
    """Python 3.11's tokenizer hands an f-string over whole: the extractor never saw
    ``{tr.gettext('Master')}`` in one, and every master sheet's PDF title said "— Master" in
    English. Each literal message in the code, wherever written, must be in the template."""
    import tokenize

    from babel.messages.pofile import read_po

    root = Path(__file__).resolve().parents[2]
    with open(root / "translations" / "messages.pot", "rb") as fh:
        known = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fh) if m.id}
    call = re.compile(r"""(?<![\w])(?:gettext|_)\(\s*(['"])((?:(?!\1)[^\\\n])+)\1\s*[),]""")
    missing = []
    for folder in ("app", "ui"):
        for path in sorted((root / folder).rglob("*.py")):
            with open(path, "rb") as fh:
                tokens = list(tokenize.tokenize(fh.readline))
            for token in tokens:
                prefix = re.match(r"[A-Za-z]*", token.string).group(0).lower()
                if token.type != tokenize.STRING or "f" not in prefix:
                    continue  # the extractor reads every call outside an f-string
                for match in call.finditer(token.string):
                    if match.group(2) not in known:
                        missing.append(f"{path.relative_to(root)}: {match.group(2)!r}")
    assert not missing, "\n".join(missing)
