"""Full-text search over people, CSOs and ideas.

The text is folded before it reaches FTS5 (lower case, every apostrophe variant removed) by
the same function that folds the query, so "марʼяна", "Мар'яна" and "МАР’ЯНА" are one word.
A phone number is indexed as its international, national and local digits, so an operator can
type "067…", "38067…" or the last digits.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Sequence
from typing import NamedTuple

from desktop.domain.names import fold

#: A word as the index's unicode61 tokenizer cuts one: letters and digits. An underscore
#: parts words there, unlike in Python's \w, so it parts the typed words too.
WORD = re.compile(r"[^\W_]+")


def phone_tokens(e164: str | None) -> str:
    if not e164:
        return ""
    digits = "".join(ch for ch in e164 if ch.isdigit())
    if digits.startswith("380") and len(digits) == 12:
        return f"{digits} 0{digits[3:]} {digits[-7:]}"
    return digits


def _people(row: dict) -> tuple[str, str]:
    name = " ".join(filter(None, (row.get("last_name"), row.get("first_name"),
                                  row.get("patronymic"))))
    extra = " ".join(filter(None, (phone_tokens(row.get("phone")), fold(row.get("email") or ""))))
    return fold(name), extra


def _organizations(row: dict) -> tuple[str, str]:
    name = " ".join(filter(None, (row.get("name"), row.get("short_name"))))
    extra = " ".join(filter(None, (row.get("edrpou"), fold(row.get("email") or ""))))
    return fold(name), extra


def _ideas(row: dict) -> tuple[str, str]:
    return fold(row.get("title") or ""), fold((row.get("description") or "")[:4000])


SEARCH_DOC_BUILDERS: dict[str, Callable[[dict], tuple[str, str]]] = {
    "people": _people,
    "organizations": _organizations,
    "ideas": _ideas,
}


def search_doc(table: str, row: dict) -> dict:
    name, extra = SEARCH_DOC_BUILDERS[table](row)
    return {"kind": table, "record_id": row["id"], "name": name, "extra": extra}


def match_expression(query: str) -> str | None:
    """Every word of the query must match the start of some indexed word."""
    words = WORD.findall(fold(query))
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)


def person_words(text: str) -> list[str]:
    """The words of a search for a person as the index stores them (folded once, here).
    Digits typed in groups ("067 123 45 67") are one number; a phone's country code is left
    out ("38", "380"), and "38067…" is looked up as "067…": every Ukrainian number is
    indexed in its national form too, and the country code alone matches everyone. Every
    person search uses it: the desk, the pickers and the People list find the same people."""
    merged: list[str] = []
    for word in WORD.findall(fold(text)):
        if word.isdigit() and merged and merged[-1].isdigit():
            merged[-1] += word
        else:
            merged.append(word)
    words = []
    for word in merged:
        if word.isdigit():
            if word in ("3", "38", "380"):
                continue
            if word.startswith("380"):
                word = "0" + word[3:]
        words.append(word)
    return words


def specific_enough(words: Sequence[str]) -> bool:
    """Two letters, or three digits of a phone number (two digits match a third of all
    numbers, and say nothing)."""
    length = sum(len(w) for w in words)
    return length >= 3 if words and all(w.isdigit() for w in words) else length >= 2


def words_expression(words: Sequence[str]) -> str:
    """Every word must match the start of some indexed word."""
    return " ".join(f'"{w}"*' for w in words)


class Hit(NamedTuple):
    """One record the search found; `rank` is SQLite's bm25 (lower is better)."""

    kind: str
    record_id: str
    rank: float


def search(
    conn: sqlite3.Connection, query: str, kinds: Sequence[str] = tuple(SEARCH_DOC_BUILDERS),
    limit: int = 50,
) -> list[Hit]:
    expression = match_expression(query)
    if expression is None:
        return []
    marks = ",".join("?" for _ in kinds)
    rows = conn.execute(
        f"""SELECT d.kind, d.record_id, f.rank
            FROM search_docs_fts AS f JOIN search_docs AS d ON d.doc_id = f.rowid
            WHERE search_docs_fts MATCH ? AND d.kind IN ({marks})
            ORDER BY f.rank LIMIT ?""",
        (expression, *kinds, limit),
    ).fetchall()
    return [Hit(kind, record_id, rank) for kind, record_id, rank in rows]


def rebuild(conn: sqlite3.Connection, rows_by_table: dict[str, Sequence[dict]]) -> None:
    """Recreate every search document (used by `check --repair` and after a restore)."""
    conn.execute("DELETE FROM search_docs")
    for table, rows in rows_by_table.items():
        conn.executemany(
            "INSERT INTO search_docs(kind, record_id, name, extra) "
            "VALUES(:kind, :record_id, :name, :extra)",
            (search_doc(table, r) for r in rows if not r.get("deleted")),
        )
