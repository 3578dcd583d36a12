"""``export press`` and ``media`` on the command line."""

from __future__ import annotations

import email
from email import policy

from pypdf import PdfReader

SLUG = "funeral-for-privacy"


def test_export_each_format_by_language(cli, demo_db, tmp_path):
    for lang, embargo in (
        ("fr", "SOUS EMBARGO jusqu'au 28 mai 2024 à 09:30 (heure de Paris)"),
        ("en", "EMBARGOED UNTIL 28 May 2024, 09:30 (Paris time)"),
    ):
        for fmt in ("txt", "html"):
            out = tmp_path / f"{lang}.{fmt}"
            r = cli(
                "--db", demo_db, "export", "press", SLUG, "--lang", lang, "--format", fmt, "-o", out
            )
            assert (r.code, r.out.strip(), r.err) == (0, str(out), "")
            assert embargo in out.read_text(encoding="utf-8")
    out = tmp_path / "en.pdf"
    r = cli(
        "--db", demo_db, "export", "press", SLUG, "--release", "pr-en", "--format", "pdf", "-o", out
    )
    assert r.code == 0
    text = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert "PARIS, 28 May 2024 —" in text


def test_eml_bcc_follows_the_release_language(cli, demo_db, tmp_path):
    out = tmp_path / "fr.eml"
    r = cli("--db", demo_db, "export", "press", SLUG, "--lang", "fr", "--format", "eml", "-o", out)
    assert r.code == 0
    assert "1 e-mail address of the media list is in the draft's Bcc" in r.err
    msg = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    assert msg["To"] is None
    assert msg["Bcc"] == "redaction@example.com"
    r = cli(
        "--db",
        demo_db,
        "export",
        "press",
        SLUG,
        "--lang",
        "fr",
        "--format",
        "eml",
        "--bcc",
        "all",
        "-o",
        out,
    )
    msg = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    assert "desk@example.net" in msg["Bcc"] and "redaction@example.com" in msg["Bcc"]
    r = cli(
        "--db",
        demo_db,
        "export",
        "press",
        SLUG,
        "--lang",
        "fr",
        "--format",
        "eml",
        "--bcc",
        "none",
        "-o",
        out,
    )
    msg = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    assert msg["Bcc"] is None


def test_eml_for_sending_writes_the_sent_log(cli, demo_db, tmp_path):
    from app.services.media import sent_log
    from app.storage.engine import open_store

    out = tmp_path / "en.eml"
    r = cli(
        "--db",
        demo_db,
        "export",
        "press",
        SLUG,
        "--release",
        "pr-en",
        "--format",
        "eml",
        "--for-sending",
        "-o",
        out,
    )
    assert r.code == 0
    store = open_store(str(demo_db))
    try:
        with store.read() as session:
            from app.services.press_docs import find_release

            rel = find_release(session, 1, key="pr-en")
            log = sent_log(session, rel.id)
    finally:
        store.close()
    assert [(s.email, s.note) for s in log] == [
        ("desk@example.net", "e-mail draft exported for sending")
    ]


def test_unknown_release_or_language_exits_2(cli, demo_db, tmp_path):
    out = tmp_path / "x.pdf"
    r = cli("--db", demo_db, "export", "press", SLUG, "--lang", "it", "--format", "pdf", "-o", out)
    assert r.code == 2
    assert r.err.strip() == "--lang: no press release in 'it' (releases: en, fr)"
    r = cli(
        "--db", demo_db, "export", "press", SLUG, "--release", "nope", "--format", "pdf", "-o", out
    )
    assert (r.code, r.err.strip()) == (2, "--release: no press release with key 'nope'")
    r = cli(
        "--db", demo_db, "export", "press", "no-such", "--lang", "fr", "--format", "pdf", "-o", out
    )
    assert r.code == 2 and "no-such" in r.err
    assert not out.exists()


def test_lang_and_release_are_exclusive_and_one_is_required(cli, demo_db, tmp_path, capsys):
    out = tmp_path / "x.pdf"
    base = ("--db", demo_db, "export", "press", SLUG)
    r = cli(*base, "--lang", "fr", "--release", "pr-fr", "--format", "pdf", "-o", out)
    assert r.code == 2 and "not allowed with argument" in capsys.readouterr().err
    r = cli(*base, "--format", "pdf", "-o", out)
    err = capsys.readouterr().err
    assert r.code == 2 and "one of the arguments --lang --release is required" in err
    r = cli(*base, "--lang", "fr", "--format", "doc", "-o", out)
    assert r.code == 2 and "invalid choice: 'doc'" in capsys.readouterr().err
    assert not out.exists()


def test_media_import_and_list(cli, demo_db, tmp_path):
    csv_file = tmp_path / "media.csv"
    csv_file.write_text(
        "outlet,name,email,language\n"
        "Radio Libre,C. Voix,c.voix@example.fr,fr\n"
        "Tech Daily,T. Writer,not-an-address,en\n",
        encoding="utf-8",
    )
    r = cli("--db", demo_db, "media", "import", SLUG, csv_file, "--dry-run")
    assert r.code == 2
    assert r.err.strip() == "row 3, email: 'not-an-address' is not an e-mail address"
    assert r.out.strip() == "1 row can be imported, 1 refused"
    assert "Radio Libre" not in cli("--db", demo_db, "media", "list", SLUG).out
    r = cli("--db", demo_db, "media", "import", SLUG, csv_file)
    assert r.code == 2
    assert "1 new contact, 0 already known, 1 added to the list, 1 row skipped" in r.out
    r = cli("--db", demo_db, "media", "list", SLUG)
    assert r.code == 0
    assert "Radio Libre\tC. Voix\tc.voix@example.fr\t\tfr\t" in r.out.splitlines()
    r = cli("--db", demo_db, "media", "import", SLUG, tmp_path / "missing.csv")
    assert r.code == 2 and "no such file" in r.err


def test_the_organisation_name_is_set_from_the_cli_and_names_the_sender(cli, demo_db, tmp_path):
    import email
    from email import policy

    r = cli("--db", demo_db, "organisation", "--name", "Collectif  Vie\nPrivée")
    assert r.code == 0 and r.out.strip() == "Collectif Vie Privée"
    assert cli("--db", demo_db, "organisation").out.strip() == "Collectif Vie Privée"
    out = tmp_path / "r.eml"
    r = cli("--db", demo_db, "export", "press", "funeral-for-privacy", "--lang", "fr",
            "--format", "eml", "-o", out)  # fmt: skip
    assert r.code == 0, r.err
    msg = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    assert msg["From"].addresses[0].display_name == "Collectif Vie Privée"
    r = cli("--db", demo_db, "export", "press", "funeral-for-privacy", "--lang", "fr",
            "--format", "eml", "-o", out, "--from-name", "Service de presse")  # fmt: skip
    msg = email.message_from_bytes(out.read_bytes(), policy=policy.default)
    assert msg["From"].addresses[0].display_name == "Service de presse"
    assert cli("--db", demo_db, "organisation", "--name", "x" * 201).err.startswith("--name:")
