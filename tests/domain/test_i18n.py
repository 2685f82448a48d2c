"""The domain stays free of Qt, yet its strings reach the translators."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.domain.i18n import QT_TRANSLATE_NOOP

DOMAIN = Path(__file__).resolve().parents[2] / "desktop" / "domain"


def test_marker_returns_the_text():
    assert QT_TRANSLATE_NOOP("Vocab", "Female") == "Female"


def test_importing_the_domain_does_not_import_qt():
    code = (
        "import sys, desktop.domain.validation, desktop.domain.dedupe, desktop.domain.vocab;"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=DOMAIN.parents[1])
    assert out.stdout.strip() == "[]"


def test_lupdate_extracts_domain_strings(tmp_path):
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    ts = tmp_path / "domain.ts"
    sources = sorted(str(p) for p in DOMAIN.glob("*.py"))
    subprocess.run([lupdate, *sources, "-ts", str(ts)], capture_output=True, check=True,
                   timeout=120)
    text = ts.read_text(encoding="utf-8")
    for context in ("Vocab", "Field", "Validation", "Dedupe"):
        assert f"<name>{context}</name>" in text
    for source in ("Female", "Last name", "{label} is required",
                   "Phone number {value} is not a valid Ukrainian number",
                   "EDRPOU code {value} has a wrong check digit"):
        assert f"<source>{source}</source>" in text
