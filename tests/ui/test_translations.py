"""The Ukrainian translation is complete, compiled from the committed .ts, and current."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.domain import vocab
from desktop.paths import resources_dir
from desktop.ui.i18n_sync import unfinished, vocab_translations

I18N = resources_dir() / "i18n"
TS = I18N / "hromada_uk.ts"
QM = I18N / "hromada_uk.qm"
ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    path = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed")
    return path


def test_no_unfinished_translations():
    missing = unfinished(TS.read_text(encoding="utf-8"))
    assert missing == [], "translate these in resources/i18n/hromada_uk.ts: " + repr(missing)


def test_qm_is_compiled_from_the_committed_ts(tmp_path):
    target = tmp_path / "hromada_uk.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(target)], check=True,
                   capture_output=True)
    assert target.read_bytes() == QM.read_bytes(), "run `make translations`"


def test_ts_has_every_string_in_the_sources(tmp_path):
    """lupdate over today's sources finds nothing the committed .ts lacks."""
    copy = tmp_path / "hromada_uk.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "desktop").rglob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-locations", "none", "-no-obsolete",
                    "-target-language", "uk_UA", "-ts", str(copy)], check=True,
                   capture_output=True)
    missing = unfinished(copy.read_text(encoding="utf-8"))
    assert missing == [], "new strings; run `make translations` and translate: " + repr(missing)


def test_vocabulary_translations_match_vocab_py():
    text = TS.read_text(encoding="utf-8")
    from desktop.ui.i18n_sync import fill

    _, changed = fill(text, vocab_translations(), overwrite=True)
    assert changed == 0, "run `make translations` to copy the labels from vocab.py"


def test_translated_vocab_is_shown_in_ukrainian(app):
    from desktop.ui.translate import tr_vocab, vocab_items

    assert tr_vocab("genders", "female") == "Жінка"
    assert tr_vocab("idea_statuses", "future_status") == "future_status"
    for name in vocab.VOCABULARIES:
        assert [label for _, label in vocab_items(name)] == [
            vocab.label(name, code, "uk") for code in vocab.codes(name)]


def test_validation_messages_are_translated(app):
    from desktop.domain.errors import ValidationError
    from desktop.domain.validation import validate
    from desktop.ui.translate import render_error

    with pytest.raises(ValidationError) as caught:
        validate("people", {"first_name": "Олена", "birth_year": "тисяча"})
    messages = [render_error(e) for e in caught.value.errors]
    assert "«Рік народження»: має бути ціле число, а не «тисяча»" in messages
    assert "Заповніть поле «Прізвище»" in messages
