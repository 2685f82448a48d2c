"""Showing the domain's English strings in the UI language.

Why: the domain (`desktop.domain`) must not import Qt, so it marks its labels with
`QT_TRANSLATE_NOOP(context, text)` and keeps English text; the UI translates at display
time through the translators installed in `desktop.ui.app`. The contexts are fixed:
"Vocab" for choice labels, "Field" for field labels, "Validation" for error templates,
"Dedupe" for duplicate reasons.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain import vocab
from desktop.domain.errors import FieldError
from desktop.domain.validation import field_label


def translate(context: str, text: str) -> str:
    """QCoreApplication.translate with the domain's (context, text) signature."""
    return QCoreApplication.translate(context, text)


def tr_vocab(vocab_name: str, code: str | None) -> str:
    """The label of a vocabulary code in the UI language; an unknown code is shown as is."""
    if not code:
        return ""
    english = vocab.label(vocab_name, code, "en")
    if english == code and code not in vocab.codes(vocab_name):
        return code  # a code from a newer app version: show it rather than nothing
    return translate("Vocab", english)


def vocab_items(vocab_name: str) -> list[tuple[str, str]]:
    """(code, translated label) pairs in the vocabulary's display order, for combo boxes."""
    return [(code, tr_vocab(vocab_name, code)) for code in vocab.codes(vocab_name)]


def tr_field(field: str) -> str:
    """A field's label ("last_name" -> "Прізвище") in the UI language."""
    return translate("Field", field_label(field))


def render_error(error: FieldError) -> str:
    """A validation problem as a plain sentence in the UI language."""
    return error.render(QCoreApplication.translate)


_running_language = "en"


def set_running_language(code: str) -> None:
    """Called by `desktop.ui.app.install_translations` once the translators are in place."""
    global _running_language
    _running_language = code


def running_language() -> str:
    """The language the UI is shown in now ("uk" or "en"); a language chosen in Settings
    only takes effect after a restart, so this is not necessarily the stored preference."""
    return _running_language


def is_ukrainian() -> bool:
    """Whether the UI runs in Ukrainian (decides between name_uk and name_en columns)."""
    return _running_language == "uk"
