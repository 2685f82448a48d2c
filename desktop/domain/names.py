"""Personal names: apostrophes, hyphens, capitalisation, folding for search and dedupe.

Ukrainian spelling uses the apostrophe (Мʼячин, Обʼєднана), and people type it as any of half
a dozen look-alike characters. Unless they are unified, "Мар'яна" and "Марʼяна" are two
different people to the database, the search index and the duplicate check. Operators also
mix Latin look-alike letters into Cyrillic words (a Latin "i" in "Iваненко" is very common),
which causes the same problem.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: The orthographic Ukrainian apostrophe (MODIFIER LETTER APOSTROPHE), stored everywhere.
APOSTROPHE = "\u02bc"

#: Everything people type in its place: ' ’ ‘ ` ′ ´ ＇ ʻ ʹ, plus ʼ itself.
APOSTROPHE_VARIANTS = "'\u2019\u2018`\u2032\u00b4\uff07\u02bb\u02b9\u02bc"

# Hyphen look-alikes (‐ ‑ ‒ – — − ﹣ －) that word processors and phones substitute for "-".
_HYPHENS = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d]")
_APOSTROPHES = re.compile(f"[{re.escape(APOSTROPHE_VARIANTS)}]")
_SPACED_HYPHEN = re.compile(r"\s*-\s*")
_WORD_PARTS = re.compile(r"([\s-]+)")
_CYRILLIC = re.compile("[\u0400-\u04ff]")

# Latin letters that look exactly like Cyrillic ones; replaced only inside words that already
# contain Cyrillic, so genuinely Latin names ("Olena", "Smith") are never touched.
_LATIN_TO_CYRILLIC = str.maketrans(
    "aABcCeEHiIKkMoOpPTxXyYïÏ",
    "аАВсСеЕНіІКкМоОрРТхХуУїЇ",
)


def normalize_apostrophes(s: str) -> str:
    """Replace every apostrophe variant with ʼ (U+02BC), the one Ukrainian orthography uses."""
    return _APOSTROPHES.sub(APOSTROPHE, s)


def normalize_hyphens(s: str) -> str:
    """Replace dash look-alikes with a plain hyphen-minus."""
    return _HYPHENS.sub("-", s)


_LATIN_LOOKALIKES = re.compile("[aABcCeEHiIKkMoOpPTxXyYïÏ]")


def _fix_mixed_script(s: str) -> str:
    if not _LATIN_LOOKALIKES.search(s):
        return s  # nothing to replace (most names): one scan instead of one per word
    words = s.split(" ")
    return " ".join(
        w.translate(_LATIN_TO_CYRILLIC) if _CYRILLIC.search(w) else w for w in words
    )


def _capitalise(part: str) -> str:
    # Not str.title(): it would upper-case the letter after an apostrophe (МʼЯчин).
    return part[:1].upper() + part[1:].lower()


# Names repeat (a community has a few hundred surnames and first names, and the platform
# checks every pushed person's): each spelling is tidied once.
@lru_cache(maxsize=16_384)
def clean_name(s: str | None) -> str:
    """A name as it should be stored: tidy spacing, ʼ apostrophes, proper capitals.

    Capitals are fixed only when the input is entirely lower or upper case (typed in a hurry,
    or copied from a list in capitals); mixed case is the user's deliberate choice
    (McDonald, деВіто) and is kept.
    """
    if not s:
        return ""
    s = unicodedata.normalize("NFC", s)
    s = normalize_hyphens(normalize_apostrophes(s))
    s = " ".join(s.split())
    s = _SPACED_HYPHEN.sub("-", s)
    s = _fix_mixed_script(s)
    if s == s.lower() or s == s.upper():
        s = "".join(_capitalise(p) for p in _WORD_PARTS.split(s))
    return s


def clean_text(s: str | None) -> str:
    """Light tidy-up for organisation and place names: spacing and apostrophes only.

    Their capitalisation is often meaningful ("ГО «Молодь Полтавщини»", "ОСББ"), so it is
    never changed.
    """
    if not s:
        return ""
    s = unicodedata.normalize("NFC", s)
    return _fix_mixed_script(" ".join(normalize_apostrophes(s).split()))


def fold(s: str | None) -> str:
    """The form used for matching and search: case, apostrophes and look-alikes erased.

    Both the indexed text and the query go through this, so any spelling variant of the same
    word compares equal. Ukrainian letters are kept distinct (ґ is not г, ї is not і).
    """
    if not s:
        return ""
    s = _APOSTROPHES.sub("", s)
    s = unicodedata.normalize("NFKC", s)
    s = unicodedata.normalize("NFKC", s.casefold())
    s = normalize_hyphens(_APOSTROPHES.sub("", s))
    return _fix_mixed_script(" ".join(s.split()))


#: The Ukrainian alphabet in its official order (Є after Е, І and Ї after И, Ґ after Г, the
#: soft sign before Ю). Code-point order puts Є, І, Ї before А and Ґ last.
UKRAINIAN_ALPHABET = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
_ALPHABET_ORDER = str.maketrans({ch: chr(0xE000 + i) for i, ch in enumerate(UKRAINIAN_ALPHABET)})


def sort_key(*parts: str | None) -> str:
    """A key whose plain (binary) order is Ukrainian alphabetical order.

    Stored in an indexed column, so a list of 200,000 people pages in dictionary order
    without a collation function on every connection. Letters map into a private-use range
    in alphabet order; parts are joined by a space, which sorts before every letter, so
    "Коваль" comes before "Ковальчук".
    """
    text = fold(" ".join(p for p in parts if p))
    return text.translate(_ALPHABET_ORDER)


def full_name(last: str | None, first: str | None, patronymic: str | None = None) -> str:
    """"Іваненко Олена Петрівна": surname first, as in Ukrainian official lists."""
    return " ".join(p.strip() for p in (last, first, patronymic) if p and p.strip())


def _initials(name: str | None) -> str:
    # A double-barrelled first name gives hyphenated initials: Анна-Марія -> А.-М.
    parts = [p for p in (name or "").strip().split("-") if p]
    return "-".join(p[0].upper() + "." for p in parts)


def short_name(last: str | None, first: str | None, patronymic: str | None = None) -> str:
    """"Іваненко О. П.": the compact form for lists, badges and signatures."""
    parts = [(last or "").strip(), _initials(first), _initials(patronymic)]
    return " ".join(p for p in parts if p)


def name_key(last: str | None, first: str | None, patronymic: str | None = None) -> str:
    """Key under which two spellings of the same full name collide (duplicate detection)."""
    return fold(" ".join(clean_name(p) for p in (last, first, patronymic) if p))


def person_from_search(text: str) -> dict[str, str]:
    """What was typed in a person search, as the start of a new person's record, so nobody
    types it twice: "коваль олена 067 123" gives surname, first name and phone. Words with
    digits are the phone; the others are surname, first name and patronymic in the order
    Ukrainian lists write them, each with a capital letter."""
    words = text.split()
    digits = [w for w in words if any(ch.isdigit() for ch in w)]
    names = [w for w in words if not any(ch.isdigit() for ch in w)]
    values = {name: word[:1].upper() + word[1:] for name, word in
              zip(("last_name", "first_name", "patronymic"), names, strict=False)}
    if digits:
        values["phone"] = " ".join(digits)
    return values
