"""Photos and scans attached to ideas and other records, kept once by content hash.

The bytes live at attachments/<sha[:2]>/<sha> in the data folder; the `attachments` record
points to them. The same photo attached twice (or to two records) is stored once, and sync
uploads it once.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import shutil
import tempfile
from pathlib import Path

from desktop.store.errors import StoreError
from desktop.store.records import Store

MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024


def blob_path(attachments_dir: Path, sha256: str) -> Path:
    return attachments_dir / sha256[:2] / sha256


def attach_file(store: Store, attachments_dir: Path, owner_table: str, owner_id: str,
                source: Path, *, user_id: str | None = None) -> dict:
    """Copy `source` into the data folder (if not there yet) and record the attachment."""
    if not source.is_file():
        raise StoreError(f"{source} does not exist or is not a file")
    size = source.stat().st_size
    if size > MAX_ATTACHMENT_BYTES:
        raise StoreError(f"{source.name} is {size // (1024 * 1024)} MB; attachments are "
                         f"limited to {MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB")
    digest = hashlib.sha256()
    target_dir = attachments_dir / "incoming"
    target_dir.mkdir(parents=True, exist_ok=True)
    # Copy and hash in one pass into a temporary file, then move it into place: a crash
    # never leaves a half-copied file under a hash name.
    fd, tmp_name = tempfile.mkstemp(dir=target_dir)
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            for block in iter(lambda: src.read(1 << 20), b""):
                digest.update(block)
                out.write(block)
        sha = digest.hexdigest()
        final = blob_path(attachments_dir, sha)
        if final.exists():
            os.unlink(tmp_name)
        else:
            final.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(tmp_name, final)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    mime = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
    return store.insert("attachments", {
        "owner_table": owner_table, "owner_id": owner_id, "sha256": sha,
        "filename": source.name, "mime": mime, "size": size,
    }, user_id=user_id)
