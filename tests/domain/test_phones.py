"""Phone numbers: E.164 storage, display format, digits for search."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.errors import ValidationError
from desktop.domain.phones import format_phone, normalize_phone, phone_digits


@pytest.mark.parametrize(
    "raw",
    [
        "067 123 45 67",
        "+380671234567",
        "0671234567",
        "380671234567",
        "(067) 123-45-67",
        "+38 (067) 123-45-67",
        "8 067 123 45 67",
        "00380671234567",
        " 067-123-45-67 ",
    ],
)
def test_ways_of_typing_a_ukrainian_mobile_give_one_e164(raw):
    assert normalize_phone(raw) == "+380671234567"


def test_landline_and_foreign_numbers():
    assert normalize_phone("(044) 123-45-67") == "+380441234567"
    assert normalize_phone("+48 601 234 567") == "+48601234567"


@pytest.mark.parametrize("raw", ["12345", "067 123", "+3806712345", "067-CALL-NOW", "ab"])
def test_invalid_numbers_raise_a_plain_message(raw):
    with pytest.raises(ValidationError) as info:
        normalize_phone(raw)
    (error,) = info.value.errors
    assert error.field == "phone"
    assert raw.strip() in error.message
    assert "not a valid" in error.message


def test_message_names_a_ukrainian_number():
    with pytest.raises(ValidationError, match="Phone number 12345 is not a valid Ukrainian number"):
        normalize_phone("12345")


def test_error_is_reported_on_the_given_field():
    with pytest.raises(ValidationError) as info:
        normalize_phone("1", field="contact_phone")
    assert info.value.fields == {"contact_phone"}


def test_empty_input_is_empty():
    assert normalize_phone("") == ""
    assert normalize_phone("   ") == ""
    assert normalize_phone(None) == ""


def test_format_phone():
    assert format_phone("+380671234567") == "+380 67 123 4567"
    assert format_phone("") == ""
    assert format_phone("not a number") == "not a number"


def test_phone_digits():
    assert phone_digits("+38 (067) 123-45-67") == "380671234567"
    assert phone_digits(None) == ""


mobile = st.tuples(
    st.sampled_from(["50", "63", "66", "67", "68", "73", "93", "95", "96", "97", "98", "99"]),
    st.integers(min_value=0, max_value=9_999_999),
).map(lambda t: f"0{t[0]}{t[1]:07d}")


@given(mobile, st.sampled_from(["{}", "+38{}", "38{}", "({}) ", "{} "]))
def test_normalize_phone_is_idempotent(national, template):
    e164 = normalize_phone(template.format(national))
    assert e164 == "+38" + national
    assert normalize_phone(e164) == e164
    assert normalize_phone(format_phone(e164)) == e164


@given(st.integers(100_000_000, 999_999_999))
def test_a_stored_ukrainian_number_is_judged_as_phonenumbers_judges_it(national):
    """The short path for numbers already in the stored form accepts exactly what parsing
    and formatting them again would."""
    import phonenumbers

    text = f"+380{national}"
    number = phonenumbers.parse(text, None)
    expected = text if phonenumbers.is_valid_number(number) else None
    try:
        got = normalize_phone(text)
    except ValidationError:
        got = None
    assert got == expected


@given(st.integers(min_value=100_000_000, max_value=999_999_999))
def test_stored_form_is_judged_as_phonenumbers_judges_it(national: int) -> None:
    """The compiled validity test for stored numbers agrees with the library on any number."""
    import phonenumbers

    number = phonenumbers.PhoneNumber(country_code=380, national_number=national)
    expected = phonenumbers.is_valid_number(number)
    stored = f"+380{national}"
    if expected:
        assert normalize_phone(stored) == stored
    else:
        with pytest.raises(ValidationError):
            normalize_phone(stored)


@pytest.mark.parametrize("prefix", range(10, 100))
def test_every_operator_prefix_is_judged_as_phonenumbers_judges_it(prefix: int) -> None:
    import random

    import phonenumbers

    from desktop.domain.phones import _valid_ua_national

    rng = random.Random(prefix)
    for _ in range(30):
        national = f"{prefix}{rng.randrange(10**7):07d}"
        number = phonenumbers.PhoneNumber(country_code=380, national_number=int(national))
        assert _valid_ua_national()(national) == phonenumbers.is_valid_number(number), national
