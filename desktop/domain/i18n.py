"""Translation marker for user-visible strings in the domain.

The domain must not import Qt (the CLI and the server use it without a GUI), yet its labels
and messages must reach the translators. `pyside6-lupdate` extracts every literal
`QT_TRANSLATE_NOOP("Context", "text")` call from Python sources regardless of where the name
comes from, so this identity function is enough: the domain keeps English text, and the UI
translates it at display time with `QCoreApplication.translate(context, text)`.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Return `text` unchanged; only marks it for extraction under `context`."""
    return text
