"""The release body's Markdown subset: what each format shows, and that nothing leaks through."""

from __future__ import annotations

from app.exports.press.markdown import Span, parse, to_html, to_reportlab, to_text


def html(text: str) -> str:
    return "".join(to_html(p) for p in parse(text))


def test_bold_italic_and_links_in_each_format():
    [para] = parse("We **will** *not* stop: see [our report](https://example.org/r?a=1&b=2).")
    assert to_html(para) == (
        "We <strong>will</strong> <em>not</em> stop: see "
        '<a href="https://example.org/r?a=1&amp;b=2">our report</a>.'
    )
    assert to_text(para) == "We will not stop: see our report (https://example.org/r?a=1&b=2)."
    assert "<b>will</b>" in to_reportlab(para)
    assert "<i>not</i>" in to_reportlab(para)


def test_paragraphs_split_on_blank_lines_and_lines_join():
    paras = parse("first line\nsame paragraph\n\n\n  second  \r\n\r\nthird")
    assert [to_text(p) for p in paras] == ["first line same paragraph", "second", "third"]


def test_html_is_escaped_everywhere():
    out = html('<script>alert("x")</script> & **<b>bold</b>**')
    assert "<script>" not in out
    assert "&lt;script&gt;" in out
    assert "<strong>&lt;b&gt;bold&lt;/b&gt;</strong>" in out
    assert "&amp;" in out


def test_unsafe_links_stay_text():
    [para] = parse("[click](javascript:alert(1)) and [mail](mailto:press@example.org)")
    assert all(s.href != "javascript:alert(1)" for s in para)
    assert "[click](javascript:alert(1))" in to_text(para)
    assert '<a href="mailto:press@example.org">mail</a>' in to_html(para)
    assert to_text(para).endswith("mail (press@example.org)")


def test_lonely_and_spaced_asterisks_are_literal():
    assert to_text(parse("2 * 3 * 4")[0]) == "2 * 3 * 4"
    assert parse("a *b")[0] == [Span("a *b")]
    assert to_text(parse(r"\*not italic\*")[0]) == "*not italic*"


def test_nested_styles():
    [para] = parse("**bold *both* bold**")
    assert Span("both", bold=True, italic=True) in para
    assert to_html(para) == (
        "<strong>bold </strong><strong><em>both</em></strong><strong> bold</strong>"
    )


def test_reportlab_markup_escapes_its_own_syntax():
    [para] = parse("1 < 2 & <font size=40>big</font>")
    markup = to_reportlab(para)
    assert "<font" not in markup
    assert "&lt;font size=40&gt;" in markup
