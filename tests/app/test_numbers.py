"""The one number rule: strict in the locale, the other separator only where it cannot group."""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from app.numbers import NumberInputError, number_text, parse_number, parse_whole

LOCALES = ["en", "de", "es", "fr"]
MONEY = st.decimals(min_value=0, max_value=Decimal("9999999999.99"), places=2, allow_nan=False)
BOUNDS = st.sampled_from([Decimal("0"), Decimal("0.01"), Decimal("9999999999.99")])


def _swap(text: str) -> str:
    return text.translate(str.maketrans({".": ",", ",": "."}))


@settings(max_examples=200, deadline=None)
@given(lang=st.sampled_from(LOCALES), value=st.one_of(MONEY, BOUNDS))
def test_an_amount_reads_back_as_written_grouped_or_not(lang, value):
    assert parse_number(number_text(value, locale=lang, decimals=2), locale=lang, decimals=2) == (
        value
    )
    grouped = format_decimal(value, format="#,##0.00", locale=lang)
    assert parse_number(grouped, locale=lang, decimals=2) == value


@settings(max_examples=200, deadline=None)
@given(lang=st.sampled_from(LOCALES), value=st.one_of(MONEY, BOUNDS))
def test_the_other_notation_is_refused_or_means_the_same_never_another_value(lang, value):
    for text in (
        _swap(number_text(value, locale=lang, decimals=2)),
        _swap(format_decimal(value, format="#,##0.00", locale=lang)),
        _swap(format_decimal(value, format="#,##0.##", locale=lang)),
    ):
        try:
            read = parse_number(text, locale=lang, decimals=2)
        except NumberInputError as exc:
            assert f"“{text}”" in str(exc)
            continue
        assert read == value, (text, read)


@settings(max_examples=100, deadline=None)
@given(lang=st.sampled_from(LOCALES), n=st.integers(min_value=0, max_value=10**9))
def test_a_whole_number_never_takes_a_decimal_separator(lang, n):
    assert parse_whole(format_decimal(n, format="#,##0", locale=lang), locale=lang) == n
    text = f"{n}.5"
    with pytest.raises(NumberInputError):
        parse_whole(text, locale=lang)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "45.50", Decimal("45.50")),
        ("en", "1,500", Decimal("1500")),
        ("de", "45,50", Decimal("45.50")),
        ("de", "1.500", Decimal("1500")),
        ("fr", "12.50", Decimal("12.50")),  # "." never groups in French
        ("fr", "1 500,5", Decimal("1500.5")),  # a plain space for the thin one
        ("en", "−3", Decimal("-3")),
        ("en", "", None),
    ],
)
def test_accepted(lang, text, expected):
    assert parse_number(text, locale=lang, decimals=2) == expected


@pytest.mark.parametrize(
    ("lang", "text", "message"),
    [
        ("en", "45,50", "“45,50” — did you mean 45.50? (decimal separator: “.”)"),
        ("en", "1,5", "“1,5” — did you mean 1.50? (decimal separator: “.”)"),
        ("de", "12.50", "“12.50” — did you mean 12,50? (decimal separator: “,”)"),
        ("es", "12.50", "“12.50” — did you mean 12,50? (decimal separator: “,”)"),
        ("en", "1.500", "has more than 2 decimals: “1.500” — did you mean 1500.00?"),
        ("en", "1e5", "“1e5” is not a number (like 1234.50)"),
        ("en", "€12", "“€12” is not a number (like 1234.50)"),
    ],
)
def test_refused_with_how_it_would_be_read(lang, text, message):
    with pytest.raises(NumberInputError) as caught:
        parse_number(text, locale=lang, decimals=2)
    assert str(caught.value) == message
