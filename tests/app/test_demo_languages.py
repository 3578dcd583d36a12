"""The demo is written in the UI language (French, German, Spanish, Italian, Portuguese,
Arabic; anything else English):
every English sentence of the demo is replaced, and nothing else changes (times, people,
aliases, counts, photo flags)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from app.services.demo import demo_bundle

ROOT = Path(__file__).resolve().parents[2]
ON, TODAY = date(2024, 5, 28), date(2024, 5, 18)
#: words that are names in every language: people, streets, places, outlets, the authority
NAMES = {
    "Cimetière du Père-Lachaise",
    "16 rue du Repos, 75020 Paris",
    "Boulevard de Ménilmontant",
    "Rue de la Roquette",
    "Préfecture de police",
    "Le Quotidien d'exemple",
    "Example Wire",
    "R. Journaliste",
    "A. Reporter",
    "tech",  # the French outlet's beat: the same word in French, German and Spanish
}


#: fields whose one-word values are words too ("Megaphone", "Steward")
WORDS = {"name", "title", "label", "instructions", "notes", "place", "beat"}


def _leaves(value, path=()):
    """(path, text) of every string in a bundle; a release's text is under its language."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _leaves(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _leaves(v, (*path, i))
    elif isinstance(value, str) and value.strip():
        yield path, value


def _sentences(bundle: dict, *, skip_english_release: bool) -> set[str]:
    out = set()
    for path, text in _leaves(bundle):
        if path[0] == "press_releases":
            language = bundle["press_releases"][path[1]]["language"]
            if language == "fr" or (skip_english_release and language == "en"):
                continue  # the French release is French already
        if path[0] == "participants" and path[-1] == "full_name":
            continue
        if text in NAMES or "@" in text or text.startswith("+33"):
            continue  # names, e-mail addresses and phone numbers
        if " " in text.strip() or path[-1] in WORDS:
            out.add(text)
    return out


@pytest.mark.parametrize("lang", ["fr", "de", "es", "it", "pt", "ar"])
def test_the_demo_has_no_english_sentence_left(lang):
    english = _sentences(demo_bundle(ON, today=TODAY, language="en"), skip_english_release=False)
    local = demo_bundle(ON, today=TODAY, language=lang)
    left = _sentences(local, skip_english_release=True) & english
    assert left == set()
    if lang != "fr":  # the translation of the French release is in this language
        assert [r["language"] for r in local["press_releases"]] == ["fr", lang]
        assert local["action"]["languages"] == ["fr", lang]


@pytest.mark.parametrize("lang", ["fr", "de", "es", "de-AT", "it", "pt-BR", "pl", "en"])
def test_only_the_words_change(lang):
    english = demo_bundle(ON, today=TODAY, language="en")
    local = demo_bundle(ON, today=TODAY, language=lang)
    for key in ("participants", "assignments", "props", "schedule", "tasks", "roles"):
        assert len(local[key]) == len(english[key])
    strip = ("title", "place", "instructions", "name", "notes", "scope")

    def skeleton(rows):
        return [
            {k: v for k, v in r.items() if k not in strip and k != "consent"}
            | ({"photos": r["consent"]["photos"]} if "consent" in r else {})
            for r in rows
        ]

    for key in ("participants", "assignments", "schedule"):
        assert skeleton(local[key]) == skeleton(english[key]), key
    assert [p["alias"] for p in local["participants"]] == [
        p["alias"] for p in english["participants"]
    ]
    for a, b in zip(local["props"], english["props"], strict=True):
        assert (a["key"], a["quantity"], a["carried_by"], a["cost"]) == (
            b["key"],
            b["quantity"],
            b["carried_by"],
            b["cost"],
        )
    for a, b in zip(local["tasks"], english["tasks"], strict=True):
        assert (a["due"], a["assignee"], a["done"]) == (b["due"], b["assignee"], b["done"])
    assert local["action"]["starts_at"] == english["action"]["starts_at"]
    if lang in ("pl", "en"):
        assert local == english  # any other language: English


def test_the_demo_command_follows_the_ui_language(tmp_path):
    db = tmp_path / "de.sqlite3"
    env = dict(os.environ, CORTEGE_DATA_DIR=str(tmp_path / "data"), CORTEGE_LANG="de")
    for argv in (["demo"], ["list"]):
        proc = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "--db", str(db), *argv],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert proc.returncode == 0, proc.stderr
    assert "Trauerfeier für die Privatsphäre am Père-Lachaise" in proc.stdout


@pytest.mark.parametrize(
    ("lang", "city"),
    [("ar", "باريس"), ("es", "París"), ("it", "Parigi"), ("de", "Paris"), ("pt", "Paris")],
)
def test_the_translated_release_writes_its_dateline_city_in_its_language(lang, city):
    release = demo_bundle(ON, today=TODAY, language=lang)["press_releases"][1]
    assert release["language"] == lang and release["dateline"] == city
