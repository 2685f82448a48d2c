"""The app's start, up to the main window's first frame, and what waits for that frame.

Why (issue 11, start-up within 2x a bare PySide6 window), three things:

* PySide's source reads. PySide6 replaces Python's `__import__`, and the first time after its
  own import that any module is imported by name - even one loaded long before, like
  `logging` - it reads that module's whole source file to see whether the text "PySide6"
  occurs in it. The answer only matters for `from __feature__ import snake_case,
  true_property`, which this app never uses (`tests/ui/test_startup.py` holds it to that). So
  the answer is written down once here, for the modules already loaded and for the app's own:
  56 source files were read before the main window showed. Best effort: should a later
  PySide6 change these internals, the app starts as it would without this. (The entry point
  loads the store before the UI, so that the standard modules it needs are marked too.)
* The cycle collector waits for the first frame (`pause_collection`, `resume_collection`).
* `window_painted`: the main window calls it once its first frame is done; what the start
  needs but the window does not (`after_first_paint`: the single-instance socket, the
  rotating log) runs then, and `make bench` reads `first_paint_at`.

Tried and left out: setting fontconfig up (a quarter of building the window) on a helper
thread through ctypes. It took fewer instructions on the main thread but made the start
slower on the clock (the helper's Python competed for the interpreter lock and the second
core): median 0.378 -> 0.404 s in twenty interleaved starts; again in the sixth session,
through the real entry point: median 341 -> 352 ms.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

#: PySide's values: "does not use PySide, leave it alone" and "uses PySide, no features".
_IGNORE, _NO_FEATURES = -1, 0


def spare_pyside_source_reads() -> int:
    """Mark the modules loaded so far, and this app's own, as ones PySide need not read.

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
    for name in _own_module_names():
        # PySide's own answers: the UI's modules use PySide, the rest never import it.
        marks.setdefault(name, _NO_FEATURES if name.startswith(f"{__package__}.") else _IGNORE)
    return len(marks) - before


def _own_module_names() -> list[str]:
    """The dotted names of the app's modules, UI or not: the store's, the domain's and the
    sync's are imported after the UI package too (none in a frozen build, which has no sources
    for PySide to read either)."""
    package = Path(__file__).parents[1]
    names = []
    for folder, subfolders, files in os.walk(package):
        subfolders[:] = [d for d in subfolders if not d.startswith(("_", "."))]
        prefix = ".".join((package.name, *Path(folder).relative_to(package).parts))
        names += [prefix if f == "__init__.py" else f"{prefix}.{f[:-3]}"
                  for f in files if f.endswith(".py")]
    return names


#: How many new objects the cycle collector lets pass while the app starts: the whole start,
#: PySide's modules and the first window included, makes about 33,000.
START_THRESHOLD = 100_000

_paused_threshold: int | None = None


def pause_collection() -> None:
    """Let the cycle collector wait until the first window has been drawn.

    Why (issue 11): at Python's default (a collection every 700 new objects) it walked the
    modules, classes and enums being made fifty times before the first paint (46 young and
    4 middle collections): 1.5% of the start's instructions. Nothing made while starting is
    garbage worth collecting. A raised threshold rather than `gc.disable()`: whatever
    imports the UI without ever drawing a window (a test run, a command-line import) still
    has its garbage collected, every 100,000 objects instead of 700."""
    global _paused_threshold
    threshold = gc.get_threshold()[0]
    if _paused_threshold is None and gc.isenabled() and 0 < threshold < START_THRESHOLD:
        _paused_threshold = threshold
        gc.set_threshold(START_THRESHOLD, *gc.get_threshold()[1:])


def resume_collection() -> None:
    """Back to the threshold the collector had (the main window calls this once it has
    painted), after one collection of what the start left over and freezing the rest.

    Why freeze: what the start made (modules, classes, enums, the window) lives as long as
    the app. Left to the collector, those ~36,000 objects moved into its middle generation at
    once, and its next two collections walked all of them: 10-20 ms stalls landed on the
    first keys typed at the check-in desk. Frozen, no later collection walks them again."""
    global _paused_threshold
    if _paused_threshold is not None:
        gc.collect()
        gc.freeze()
        if gc.get_threshold()[0] == START_THRESHOLD:  # nobody else has changed it meanwhile
            gc.set_threshold(_paused_threshold, *gc.get_threshold()[1:])
        _paused_threshold = None


#: Set, the app quits as soon as its main window has been drawn the first time: how
#: `make bench` times a real start (`hromada-desk` with its arguments, through `desktop.cli`).
QUIT_AFTER_FIRST_PAINT_ENV = "HROMADA_QUIT_AFTER_FIRST_PAINT"

#: `time.perf_counter()` when the main window's first paint was done; None before.
first_paint_at: float | None = None

#: The start counts as over this long after the main window was made, painted or not (a
#: window started minimised paints only when restored; a second launch must still find the
#: first one listening, and the collector must not wait for ever).
FIRST_PAINT_LATEST_MS = 1500

_after_first_paint: list[Callable[[], None]] = []


def after_first_paint(work: Callable[[], None]) -> None:
    """Do `work` once the main window is on the screen (at once if it already is): what the
    start needs, but not before the window shows."""
    if first_paint_at is None:
        _after_first_paint.append(work)
    else:
        work()


def window_painted() -> None:
    """The main window's first frame is on the screen: the start is over.

    Called from the event loop right after that paint (or `FIRST_PAINT_LATEST_MS` after the
    window was made, whichever comes first; only the first call counts). Lets the cycle
    collector run again, does what waited for the window, and quits if asked to
    (`QUIT_AFTER_FIRST_PAINT_ENV`)."""
    global first_paint_at
    if first_paint_at is not None:
        return
    first_paint_at = time.perf_counter()
    resume_collection()
    while _after_first_paint:
        _after_first_paint.pop(0)()
    if os.environ.get(QUIT_AFTER_FIRST_PAINT_ENV):
        from PySide6.QtCore import QCoreApplication

        QCoreApplication.quit()


def prepare() -> None:
    """What the UI package does when it is first imported."""
    pause_collection()
    spare_pyside_source_reads()
