"""Lists follow the Ukrainian alphabet (Є after Е, І and Ї after И, Ґ after Г), not code
points, through an indexed key the store keeps in step with the names."""

from __future__ import annotations

import sqlite3

from desktop.domain.names import sort_key
from desktop.store import open_store, schema
from desktop.store.queries import organizations, people

SURNAMES = ["Яковенко", "Іваненко", "Їжакевич", "Ґудзь", "Гончар", "Андрієнко", "Євтушенко",
            "Ельштейн", "Бойко", "Шевчук", "Щербак", "Юрченко", "Ковальчук", "Коваль", "Мʼякота",
            "Мирний", "Йосипенко", "Жук"]
EXPECTED = ["Андрієнко", "Бойко", "Гончар", "Ґудзь", "Ельштейн", "Євтушенко", "Жук",
            "Іваненко", "Їжакевич", "Йосипенко", "Коваль", "Ковальчук", "Мирний", "Мʼякота",
            "Шевчук", "Щербак", "Юрченко", "Яковенко"]


def test_sort_key_orders_like_a_ukrainian_dictionary():
    assert sorted(SURNAMES, key=sort_key) == EXPECTED
    assert sort_key("МАР'ЯНА") == sort_key("марʼяна")  # case and apostrophes do not matter


def test_people_list_pages_in_alphabetical_order_and_follows_renames(store):
    ids = {n: store.insert("people", {"last_name": n, "first_name": "Тест", "gender": "male"})
           ["id"] for n in SURNAMES}
    select = people.people_list()
    last_name = select.names.index("last_name")
    assert [r[last_name] for r in select.all(store.conn)] == EXPECTED
    store.update("people", ids["Яковенко"], {"last_name": "Авраменко"})
    assert select.page(store.conn, 0, 1)[0][last_name] == "Авраменко"
    # One letter means "surnames starting with it", in order, through the index.
    only_i = people.people_list("і")
    assert [r[last_name] for r in only_i.all(store.conn)] == ["Іваненко"]
    plan = " ".join(r[3] for r in store.conn.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM people WHERE deleted = 0 ORDER BY sort_key LIMIT 50"))
    assert "INDEX" in plan


def test_the_cso_list_uses_the_alphabet(store):
    for name in SURNAMES:
        store.insert("organizations", {"name": f"{name} клуб", "legal_form": "other"})
    select = organizations.organizations_list()
    name = select.names.index("name")
    assert [r[name] for r in select.all(store.conn)] == [f"{n} клуб" for n in EXPECTED]


def test_migration_fills_keys_for_existing_records(tmp_path, monkeypatch):
    db = tmp_path / "h.sqlite3"
    current = list(schema.MIGRATIONS)
    monkeypatch.setattr(schema, "MIGRATIONS", current[:2])
    old = open_store(db)
    for name in SURNAMES:
        old.insert("people", {"last_name": name, "first_name": "Тест", "gender": "male"})
    old.close()
    monkeypatch.setattr(schema, "MIGRATIONS", current)
    open_store(db).close()
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT last_name FROM people ORDER BY sort_key").fetchall()
    assert [r[0] for r in rows] == EXPECTED
