"""Attachments are stored once by content hash and checked by `check`."""

from __future__ import annotations

import hashlib

import pytest

from desktop.store import StoreError
from desktop.store.attachments import attach_file, blob_path
from desktop.store.integrity import attachment_problems


def test_same_file_twice_is_stored_once(store, data_dir, tmp_path):
    photo = tmp_path / "яма на дорозі.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"photo" * 1000)
    office = store.insert("offices", {"name": "Офіс"})["id"]
    idea = store.insert("ideas", {"title": "Яма", "description": "Глибока", "channel": "appeal",
                                  "received_on": "2026-11-20", "status": "new",
                                  "office_id": office})
    folder = data_dir / "attachments"
    first = attach_file(store, folder, "ideas", idea["id"], photo)
    second = attach_file(store, folder, "ideas", idea["id"], photo)
    sha = hashlib.sha256(photo.read_bytes()).hexdigest()
    assert first["sha256"] == second["sha256"] == sha
    assert first["mime"] == "image/jpeg" and first["filename"] == "яма на дорозі.jpg"
    assert blob_path(folder, sha).read_bytes() == photo.read_bytes()
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert files == [blob_path(folder, sha)]
    assert list(attachment_problems(store.conn, folder)) == []
    blob_path(folder, sha).write_bytes(b"tampered")
    assert any("does not match" in p for p in attachment_problems(store.conn, folder))


def test_missing_file_is_refused_without_a_record(store, data_dir, tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        attach_file(store, data_dir / "attachments", "ideas", "x", tmp_path / "nope.jpg")
    assert store.count("attachments") == 0
