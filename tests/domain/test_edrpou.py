"""EDRPOU codes: 8 digits with a check digit."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.edrpou import edrpou_problem, is_valid_edrpou, make_edrpou

# Real, publicly listed codes: PrivatBank, Oschadbank, Ukreximbank, Ukrtelecom and others.
REAL_CODES = ["14360570", "00032129", "00032112", "21560766", "00032945", "30991664"]


@pytest.mark.parametrize("code", REAL_CODES)
def test_real_codes_are_accepted(code):
    assert edrpou_problem(code) is None
    assert is_valid_edrpou(code)


@pytest.mark.parametrize("code", REAL_CODES)
def test_any_other_check_digit_is_rejected(code):
    for digit in "0123456789":
        if digit != code[7]:
            wrong = code[:7] + digit
            assert edrpou_problem(wrong) == f"EDRPOU code {wrong} has a wrong check digit"


@pytest.mark.parametrize("code", ["", "1436057", "143605700", "1436057a", "１４３６０５７０"])
def test_anything_but_8_ascii_digits_is_rejected(code):
    assert edrpou_problem(code) == "EDRPOU code must be exactly 8 digits"
    assert not is_valid_edrpou(code)


def test_second_round_of_weights_is_used():
    # Weights 1..7: 3*7 = 21 % 11 = 10, too big; weights 3..9: 3*9 = 27 % 11 = 5.
    assert make_edrpou("0000003") == "00000035"


def test_mid_band_uses_rotated_weights():
    # 3000000x: 3*7 = 21 % 11 = 10 -> 3*9 = 27 % 11 = 5 with the rotated weights (+2).
    assert make_edrpou("3000000") == "30000005"
    # With the low weights it would have been 3*1 = 3.
    assert not is_valid_edrpou("30000003")


def test_top_edge_of_mid_band_is_decided_by_the_whole_code():
    # 60000000 is inside the band (weights 7,1,...) but 6000000x with x > 0 is above it.
    code = make_edrpou("6000000")
    assert code == "60000006"
    assert is_valid_edrpou(code)


@given(st.integers(min_value=0, max_value=9_999_999))
def test_make_edrpou_always_produces_valid_codes(n):
    prefix = f"{n:07d}"
    code = make_edrpou(prefix)
    assert code.startswith(prefix) and len(code) == 8
    assert is_valid_edrpou(code)


@pytest.mark.parametrize("prefix", ["123456", "12345678", "abcdefg"])
def test_make_edrpou_needs_7_digits(prefix):
    with pytest.raises(ValueError):
        make_edrpou(prefix)
