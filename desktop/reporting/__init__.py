"""Writing finished reports to files (no Qt here; the PDF, which needs Qt, is in
`desktop.ui.report_pdf`).

Both writers go through `atomic_target`: the file is written under a temporary name in the
same folder and renamed over the target only when complete, so a crash, a full USB stick or
Excel holding the old file open never leaves a half-written report behind.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_target(target: Path) -> Iterator[Path]:
    """A temporary path next to `target`; on success it replaces `target` in one step.

    The temporary file is not created here: the writer creates it (with the usual
    permissions), and it is removed if the writer fails.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.stem}-{uuid.uuid4().hex[:12]}{target.suffix}.part")
    try:
        yield temporary
        os.replace(temporary, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
