"""Vocabularies: codes, labels in two languages, seeds."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from desktop.domain import vocab
from desktop.domain.vocab import (
    EVENT_KIND_SEEDS,
    IDEA_CATEGORY_SEEDS,
    VOCABULARIES,
    code_for,
    codes,
    label,
)

# The lists the data model spells out; the vocabularies must hold exactly these codes.
DATA_MODEL = {
    "genders": ["female", "male", "other", "not_stated"],
    "age_groups": ["under_18", "18_35", "36_59", "60_plus"],
    "consent_methods": ["paper", "verbal", "electronic"],
    "legal_forms": [
        "public_organization", "charitable_organization", "public_union", "self_organization",
        "religious_organization", "trade_union", "initiative_group", "other",
    ],
    "org_member_roles": ["head", "deputy", "member", "volunteer", "contact"],
    "event_statuses": ["planned", "held", "cancelled"],
    "participation_levels": ["information", "consultation", "dialogue", "partnership"],
    "attendance_statuses": ["registered", "attended", "no_show", "cancelled"],
    "attendance_roles": ["participant", "speaker", "organiser", "facilitator", "volunteer"],
    "consultation_methods": [
        "public_hearing", "discussion", "survey", "round_table", "written", "online", "other",
    ],
    "consultation_statuses": ["planned", "open", "closed", "results_published"],
    "received_via": ["paper", "in_person", "email", "phone", "online"],
    "visit_tools": [
        "public_budget", "petition", "appeal", "hearing", "cso_registration", "grant", "other",
    ],
    "idea_channels": ["public_budget", "petition", "appeal", "proposal", "grant_application"],
    "idea_statuses": [
        "new", "forwarded", "under_review", "answered", "accepted", "rejected", "implemented",
    ],
    "settlement_kinds": ["city", "town", "village", "settlement"],
    "office_kinds": ["liaison_office", "cso_hub"],
    "staff_roles": ["administrator", "operator", "council_officer"],
    "event_kinds": [
        "public_hearing", "discussion", "training", "forum", "meeting", "consultation_session",
        "other",
    ],
}


@pytest.mark.parametrize(("name", "expected"), DATA_MODEL.items())
def test_vocabularies_match_the_data_model_in_order(name, expected):
    assert list(codes(name)) == expected


def test_every_vocabulary_has_both_languages_for_every_code():
    for name, v in VOCABULARIES.items():
        assert list(v.uk) == list(v.en), name
        for code in v.codes:
            assert re.fullmatch(r"[a-z0-9_]+", code), code
            assert v.en[code].strip() and v.uk[code].strip()
            assert re.search("[А-Яа-яІіЇїЄєҐґ]", v.uk[code]), (name, code)
            assert "'" not in v.uk[code] and "’" not in v.uk[code], "use ʼ in Ukrainian labels"


def test_shared_english_labels_have_the_same_ukrainian_label():
    # Qt keeps one translation per (context, text): "Other" cannot mean two things.
    meanings = defaultdict(set)
    for v in VOCABULARIES.values():
        for code in v.codes:
            meanings[v.en[code]].add(v.uk[code])
    assert {en: uk for en, uk in meanings.items() if len(uk) > 1} == {}


def test_cso_areas_cover_the_main_fields():
    assert {"youth", "veterans", "education", "ecology", "culture", "social_services",
            "human_rights", "local_development", "health", "sport", "idp_support"} <= set(
        codes("cso_areas"))


def test_labels():
    assert label("genders", "female") == "Жінка"
    assert label("genders", "female", "en") == "Female"
    assert label("genders", "female", "uk_UA") == "Жінка"
    assert label("office_kinds", "liaison_office") == "Офіс звʼязку"
    assert label("genders", None) == ""


def test_unknown_code_is_shown_as_is():
    assert label("idea_statuses", "escalated") == "escalated"


def test_unknown_vocabulary_is_a_programming_error():
    with pytest.raises(KeyError):
        label("colours", "red")


@pytest.mark.parametrize(
    ("name", "text", "code"),
    [
        ("genders", "female", "female"),
        ("genders", "ЖІНКА", "female"),
        ("genders", "Male", "male"),
        ("age_groups", "18-35", "18_35"),
        ("legal_forms", "громадська організація", "public_organization"),
        ("legal_forms", "Public organization", "public_organization"),
        ("office_kinds", "офіс зв'язку", "liaison_office"),
        ("received_via", "In person", "in_person"),
        ("genders", "robot", None),
        ("genders", None, None),
    ],
)
def test_code_for_accepts_codes_and_labels_in_either_language(name, text, code):
    assert code_for(name, text) == code


@pytest.mark.parametrize("seeds", [EVENT_KIND_SEEDS, IDEA_CATEGORY_SEEDS])
def test_seeds_are_complete_rows(seeds):
    assert len({s["code"] for s in seeds}) == len(seeds)
    orders = [s["sort_order"] for s in seeds]
    assert orders == sorted(orders) and len(set(orders)) == len(orders)
    for seed in seeds:
        assert set(seed) == {"code", "name_uk", "name_en", "sort_order"}


def test_idea_categories_seed():
    assert {"roads", "lighting", "landscaping", "education", "culture", "sport", "social",
            "ecology", "transport", "safety", "other"} <= {s["code"] for s in IDEA_CATEGORY_SEEDS}
    assert label("idea_categories", "roads") == "Дороги"


def test_vocabularies_are_read_only():
    with pytest.raises(TypeError):
        vocab.GENDERS.en["robot"] = "Robot"  # type: ignore[index]
