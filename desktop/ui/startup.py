"""A cost of starting a PySide6 app that the window does not need to wait for.

Why (issue 11, start-up within 2x a bare PySide6 window): PySide6 replaces Python's
`__import__`, and the first time after its own import that any module is imported by name -
even one loaded long before, like `logging` - it reads that module's whole source file to see
whether the text "PySide6" occurs in it. The answer only matters for
`from __feature__ import snake_case, true_property`, which this app never uses
(`tests/ui/test_startup.py` holds it to that). So the answer is written down once here, for
the modules already loaded and for the UI's own: 56 source files were read before the main
window showed. Best effort: should a later PySide6 change these internals, the app starts
as it would without this.

Tried and left out: setting fontconfig up (a quarter of building the window) on a helper
thread through ctypes. It took fewer instructions on the main thread but made the start
slower on the clock (the helper's Python competed for the interpreter lock and the second
core): median 0.378 -> 0.404 s in twenty interleaved starts.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

#: PySide's values: "does not use PySide, leave it alone" and "uses PySide, no features".
_IGNORE, _NO_FEATURES = -1, 0


def spare_pyside_source_reads() -> int:
    """Mark the modules loaded so far, and this package's own, as ones PySide need not read.

    Returns how many were marked."""
    try:
        from PySide6.support import feature
    except ImportError:
        return 0
    marks = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(marks, dict):
        return 0
    before = len(marks)
    for name in list(sys.modules):
        marks.setdefault(name, _IGNORE)
    for name in _ui_module_names():
        marks.setdefault(name, _NO_FEATURES)
    return len(marks) - before


def _ui_module_names() -> list[str]:
    """The dotted names of this package's modules (none in a frozen build, which has no
    sources for PySide to read either)."""
    package = Path(__file__).parent
    names = []
    for folder, subfolders, files in os.walk(package):
        subfolders[:] = [d for d in subfolders if not d.startswith(("_", "."))]
        prefix = ".".join((__package__ or "desktop.ui",
                           *Path(folder).relative_to(package).parts))
        names += [prefix if f == "__init__.py" else f"{prefix}.{f[:-3]}"
                  for f in files if f.endswith(".py")]
    return names


def prepare() -> None:
    """What the UI package does when it is first imported."""
    spare_pyside_source_reads()
