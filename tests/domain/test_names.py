"""Names: apostrophes, hyphens, capitals and folding."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.names import (
    APOSTROPHE,
    APOSTROPHE_VARIANTS,
    clean_name,
    clean_text,
    fold,
    full_name,
    name_key,
    normalize_apostrophes,
    person_from_search,
    short_name,
)

VARIANTS = ["'", "\u2019", "\u02bc", "`", "\u2018", "\u2032"]


@pytest.mark.parametrize("mark", VARIANTS)
def test_every_apostrophe_variant_becomes_the_modifier_letter(mark):
    assert normalize_apostrophes(f"Мар{mark}яна") == "Мар\u02bcяна"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("мʼячин", "Мʼячин"),
        ("МʼЯЧИН", "Мʼячин"),
        ("мар'яна", "Марʼяна"),
        ("ОБ’ЄДНАНА", "Обʼєднана"),
        ("  олена   петрівна ", "Олена Петрівна"),
        ("іваненко-петренко", "Іваненко-Петренко"),
        ("ІВАНЕНКО - ПЕТРЕНКО", "Іваненко-Петренко"),
        ("анна–марія", "Анна-Марія"),  # en dash typed by a word processor
        ("ґудзь", "Ґудзь"),
        ("їжакевич", "Їжакевич"),
    ],
)
def test_clean_name_fixes_spacing_apostrophes_and_capitals(raw, expected):
    assert clean_name(raw) == expected


def test_clean_name_keeps_deliberate_mixed_case():
    assert clean_name("McDonald") == "McDonald"
    assert clean_name("деВіто") == "деВіто"


def test_clean_name_fixes_latin_lookalikes_only_in_cyrillic_words():
    assert clean_name("Iваненко") == "Іваненко"  # Latin I
    assert clean_name("Iваненко")[0] == "\u0406"
    assert clean_name("Олeна") == "Олена"  # Latin e
    assert clean_name("Olena") == "Olena"  # a Latin name is left alone


def test_clean_name_empty():
    assert clean_name(None) == ""
    assert clean_name("   ") == ""


def test_clean_text_keeps_capitals_of_organisation_names():
    assert clean_text("  ГО  «Молодь   Полтавщини» ") == "ГО «Молодь Полтавщини»"
    assert clean_text("ОСББ Обʼєднання") == "ОСББ Обʼєднання"
    assert clean_text("Кам'янське") == "Камʼянське"


def test_fold_erases_case_and_apostrophes_but_keeps_ukrainian_letters():
    assert fold("  МАР’ЯНА   Ґудзь ") == "маряна ґудзь"
    assert fold("Їжак") == "їжак"
    assert fold("Їжак") != fold("Іжак")
    assert fold("Ґава") != fold("Гава")
    assert fold("ЙОГО") == "його"


def test_fold_composes_decomposed_letters():
    decomposed = "и\u0306"  # й typed as и + combining breve
    assert fold(decomposed) == "й"


def test_fold_empty():
    assert fold(None) == ""
    assert fold("") == ""


names = st.lists(
    st.sampled_from(list("абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВГҐДЕЄЖЗИІЇЙ -")),
    min_size=1, max_size=20,
).map("".join)


@given(st.text())
def test_fold_is_idempotent(s):
    assert fold(fold(s)) == fold(s)


@given(names, names, st.sampled_from(VARIANTS), st.sampled_from(VARIANTS))
def test_fold_ignores_which_apostrophe_was_typed(left, right, a, b):
    assert fold(left + a + right) == fold(left + b + right) == fold(left + right)


@given(st.text())
def test_fold_leaves_no_apostrophe_and_no_upper_case(s):
    folded = fold(s)
    assert not set(folded) & set(APOSTROPHE_VARIANTS)
    assert "  " not in folded
    assert folded == folded.strip()


@given(names)
def test_clean_name_is_idempotent(s):
    assert clean_name(clean_name(s)) == clean_name(s)


@given(names, st.sampled_from(VARIANTS))
def test_clean_name_uses_only_the_orthographic_apostrophe(s, mark):
    cleaned = clean_name(s + mark + s)
    assert APOSTROPHE in cleaned
    assert not set(cleaned) & (set(APOSTROPHE_VARIANTS) - {APOSTROPHE})


def test_full_and_short_name():
    assert full_name("Іваненко", "Олена", "Петрівна") == "Іваненко Олена Петрівна"
    assert full_name("Іваненко", "Олена", None) == "Іваненко Олена"
    assert full_name("Іваненко", " ", "") == "Іваненко"
    assert short_name("Іваненко", "Олена", "Петрівна") == "Іваненко О. П."
    assert short_name("Іваненко", "Олена") == "Іваненко О."
    assert short_name("Коваль", "Анна-Марія", "Юріївна") == "Коваль А.-М. Ю."


def test_name_key_matches_spelling_variants_of_the_same_name():
    a = name_key("МАР'ЯНЕНКО", "олена", "петрівна")
    b = name_key("Марʼяненко", "Олена", "Петрівна")
    c = name_key("Мар’яненко ", " Oлена", "Петрівна")  # Latin O
    assert a == b == c == "маряненко олена петрівна"
    assert name_key("Марʼяненко", "Олена", None) != a


@pytest.mark.parametrize(("typed", "record"), [
    ("коваль", {"last_name": "Коваль"}),
    ("коваль олена петрівна", {"last_name": "Коваль", "first_name": "Олена",
                               "patronymic": "Петрівна"}),
    ("коваль олена 067 123", {"last_name": "Коваль", "first_name": "Олена",
                              "phone": "067 123"}),
    ("067 123 45 67", {"phone": "067 123 45 67"}),
    ("  ", {}),
])
def test_a_search_text_starts_the_new_persons_record(typed, record):
    assert person_from_search(typed) == record
