"""Full-text search on Ukrainian text: case, apostrophes, prefixes, phones."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.store.search import match_expression


def add(store, last, first, patronymic=None, phone=None, gender="female"):
    return store.insert("people", {"last_name": last, "first_name": first,
                                   "patronymic": patronymic, "phone": phone, "gender": gender})


def ids(hits):
    return [h.record_id for h in hits]


def test_prefix_of_surname_and_first_name(store):
    olena = add(store, "Коваленко", "Олена", "Петрівна")
    add(store, "Коваль", "Іван", "Петрович", gender="male")
    assert set(ids(store.search("Ковал"))) == {olena["id"], ids(store.search("Коваль Ів"))[0]}
    assert ids(store.search("ковал оле")) == [olena["id"]]
    assert ids(store.search("ОЛЕНА КОВАЛЕНКО")) == [olena["id"]]
    assert ids(store.search("Петрівна")) == [olena["id"]]


def test_every_apostrophe_variant_matches_every_other(store):
    variants = ["Мʼякота", "М'якота", "М’якота"]
    people = [add(store, v, "Марʼяна") for v in variants]
    for query in ["мʼяк", "м'як", "м’як", "МЯКОТА", "Мар'яна", "марʼ"]:
        assert set(ids(store.search(query))) == {p["id"] for p in people}, query


def test_ukrainian_letters_are_not_folded_together(store):
    """й is not и and ї is not і: remove_diacritics would merge them."""
    yi = add(store, "Їжак", "Ігор", gender="male")
    i = add(store, "Іжак", "Ігор", gender="male")
    assert ids(store.search("їжа")) == [yi["id"]]
    assert ids(store.search("іжа")) == [i["id"]]


def test_phone_digits_find_a_person(store):
    p = add(store, "Дзюба", "Ганна", phone="+380671234567")
    for query in ["067123", "+38067", "380671234567", "1234567", "0671234567"]:
        assert ids(store.search(query)) == [p["id"]], query


def test_index_follows_updates_and_deletes(store):
    p = add(store, "Ткачук", "Оксана")
    store.update("people", p["id"], {"last_name": "Савчук"})
    assert store.search("Ткачук") == []
    assert ids(store.search("Савчук")) == [p["id"]]
    store.delete("people", p["id"])
    assert store.search("Савчук") == []
    store.undelete("people", p["id"])
    assert ids(store.search("Савчук")) == [p["id"]]


def test_organizations_and_ideas_are_searchable_by_kind(store):
    org = store.insert("organizations", {"name": "Громадська організація «Світанок»",
                                         "legal_form": "public_organization",
                                         "edrpou": "14360570"})
    idea = store.insert("ideas", {"title": "Освітлення вулиці Шевченка",
                                  "description": "Немає ліхтарів біля школи", "channel": "appeal",
                                  "office_id": store.insert("offices", {"name": "Офіс"})["id"],
                                  "received_on": "2026-11-01",
                                  "status": "new"})
    assert ids(store.search("світан")) == [org["id"]]
    assert ids(store.search("1436057")) == [org["id"]]
    assert ids(store.search("ліхтар")) == [idea["id"]]
    assert store.search("світан", kinds=("people",)) == []


@given(st.text(max_size=40))
@settings(max_examples=300)
def test_any_query_text_is_safe(text):
    """Operators type anything; quotes, stars and FTS operators must never break a query."""
    expression = match_expression(text)
    assert expression is None or all(part.endswith("*") for part in expression.split(" "))


def test_hostile_queries_do_not_raise(store):
    add(store, "Бойко", "Люба")
    for query in ['"', "AND", "OR NOT", "*", "бой*", "NEAR(бой)", "'", "--", "(", "бойко OR"]:
        store.search(query)
