"""One sync run: upload attachments, push the outbox, pull the feed, verify, record the result.

Everything a run needs to resume lives in the store (the outbox is the change log, the cursor
moves with each applied page), so a run that is cut off, crashes or is killed simply leaves
work for the next one. Nothing is ever wiped to recover.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain.errors import ValidationError
from desktop.domain.i18n import QT_TRANSLATE_NOOP
from desktop.domain.validation import validate
from desktop.store import syncstate
from desktop.store.duplicates import record_possible_duplicates
from desktop.store.ids import utc_now
from desktop.store.records import Store
from desktop.store.schema import RECORD_TABLES
from desktop.sync.transport import (
    Diverged,
    GapRefused,
    Offline,
    SyncError,
    TooLarge,
    Transport,
    Unprocessable,
)
from desktop.sync.wire import (
    CHECKSUM_MODULUS,
    DEFAULT_PUSH_BATCH,
    MAX_PULL_LIMIT,
    MAX_PUSH_CHANGES,
    PUSH_MAX_BYTES,
    SYNCED_TABLES,
    Change,
    PullResponse,
    PushRequest,
    PushResponse,
    checksum_term,
    field_errors,
)

LOCK_KEY = "sync.lock"
STALE_LOCK_SECONDS = 15 * 60
CHUNK = 256 * 1024
MAX_DUPLICATE_CHECKS = 5000
# A store that went back in time renumbers once; more in one run means another copy of this
# device is pushing at the same moment (a copied data folder): stop and say so.
MAX_RENUMBERS = 10
# The smallest push a lost one shrinks the next to (a few KB on the wire).
MIN_PUSH_BATCH = 25

log = logging.getLogger(__name__)


class Cancelled(SyncError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "SyncErrors", "Sync was cancelled; it will continue where it stopped."))


@dataclass
class SyncReport:
    pushed: int = 0
    duplicates: int = 0
    rejected: list[str] = field(default_factory=list)
    pulled: int = 0
    skipped: int = 0
    uploaded_files: int = 0
    downloaded_files: int = 0
    full_resync: bool = False
    refetched: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    pending_after: int = 0
    checksums_ok: bool = False
    new_duplicates: int = 0
    renumbered: int = 0
    set_aside: list[str] = field(default_factory=list)

    @property
    def up_to_date(self) -> bool:
        return self.pending_after == 0 and self.checksums_ok


class SyncEngine:
    def __init__(self, store: Store, transport: Transport, data_dir: Path, *,
                 push_batch: int | None = None, pull_limit: int = MAX_PULL_LIMIT,
                 cancel: Callable[[], bool] | None = None,
                 progress: Callable[[str], None] | None = None) -> None:
        self.store = store
        self.transport = transport
        self.data_dir = data_dir
        self.push_batch = push_batch
        self.pull_limit = pull_limit
        self.cancel = cancel or (lambda: False)
        self.progress = progress or (lambda _message: None)

    # -- the run ------------------------------------------------------------------------

    def run(self) -> SyncReport:
        report = SyncReport()
        self._take_lock()
        log_id = self._start_log(report)
        try:
            self._upload_files(report)
            self._push(report)
            self._pull(report)
            self._verify(report)
            self._download_files(report)
            report.pending_after = syncstate.pending_count(self.store)
        except SyncError as exc:
            self._finish_log(log_id, "failed", report, str(exc))
            raise
        except BaseException as exc:
            self._finish_log(log_id, "failed", report, f"unexpected problem: {exc}")
            raise
        finally:
            self._release_lock()
        self.store.set_meta("sync.last_success", utc_now())
        self._finish_log(log_id, "ok" if report.up_to_date else "partial", report,
                         "; ".join(report.notes))
        return report

    def _check_cancel(self) -> None:
        if self.cancel():
            raise Cancelled()

    # -- push ---------------------------------------------------------------------------

    def _ceiling(self) -> int:
        """The most changes a push carries: `push_batch` when given, else what the platform
        said it takes (`syncstate.PUSH_LIMIT`), else what every platform takes."""
        if self.push_batch is not None:
            return self.push_batch
        said = self.store.get_meta(syncstate.PUSH_LIMIT)
        if said and said.isdigit() and int(said) > 0:
            return min(int(said), MAX_PUSH_CHANGES)  # never more than this app's wire takes
        return DEFAULT_PUSH_BATCH

    def _push_batch(self) -> int:
        """How many changes the next push carries: the ceiling, or less while the link is
        losing bigger pushes (`syncstate.PUSH_BATCH`)."""
        ceiling = self._ceiling()
        kept = self.store.get_meta(syncstate.PUSH_BATCH)
        if kept and kept.isdigit():
            return max(1, min(ceiling, max(MIN_PUSH_BATCH, int(kept))))
        return ceiling

    def _keep_push_batch(self, size: int) -> int:
        ceiling = self._ceiling()
        size = max(1, min(ceiling, max(MIN_PUSH_BATCH, size)))
        value = None if size >= ceiling else str(size)
        if self.store.get_meta(syncstate.PUSH_BATCH) != value:
            self.store.set_meta(syncstate.PUSH_BATCH, value)
        return size

    def _note_platform_limit(self, said: int | None) -> bool:
        """Remember how many changes the platform takes in a push, as it said (None: it did
        not say); whether that is news."""
        value = str(said) if said and said > 0 else None
        if self.store.get_meta(syncstate.PUSH_LIMIT) == value:
            return False
        self.store.set_meta(syncstate.PUSH_LIMIT, value)
        return True

    def _push(self, report: SyncReport) -> None:
        """Send the outbox in batches of at most `_push_batch()` changes and PUSH_MAX_BYTES.

        A push the link loses midway halves the next one (kept for the next run, as the link
        is slow or dropping now); each push that passes doubles it back. A push the platform
        refuses for its size is halved at once. So no batch can stick the outbox: one that
        cannot pass becomes smaller until it does."""
        renumbers = 0
        batch = self._push_batch()
        while True:
            self._check_cancel()
            changes = syncstate.pending_changes(self.store, batch, max_bytes=PUSH_MAX_BYTES)
            if not changes:
                return
            self.progress(f"sending {len(changes)} changes")
            request = PushRequest(device_id=self.store.device_id, changes=[
                Change(mutation=c.mutation, table=c.table, record_id=c.record_id, op=c.op,
                       fields=c.fields,  # type: ignore[arg-type]
                       base_rev=c.base_rev, hlc=c.hlc, changed_at=c.changed_at,
                       user_id=c.user_id)
                for c in changes
            ])
            try:
                raw = self.transport.post("/v1/push", request.compact(), echo=1, limits=1)
            except Unprocessable:
                # A platform that takes fewer changes than it once said (put back to an
                # older version): send what every platform takes, and ask again.
                if len(changes) <= DEFAULT_PUSH_BATCH:
                    raise
                self._note_platform_limit(None)
                batch = self._keep_push_batch(DEFAULT_PUSH_BATCH)
                continue
            except TooLarge:
                if len(changes) == 1:  # not made by this app: each field is capped
                    raise SyncError(QT_TRANSLATE_NOOP(
                        "SyncErrors", "The platform refuses one change as too large; tell "
                        "the platform's administrator.")) from None
                batch = max(1, len(changes) // 2)
                self._keep_push_batch(batch)
                continue
            except Offline as lost:
                if lost.midway and len(changes) > MIN_PUSH_BATCH:
                    self._keep_push_batch(len(changes) // 2)
                raise
            except GapRefused as gap:
                # The platform has less than we were told (e.g. it was restored from a
                # backup): resend from where it is. Our outbox still has every change.
                if gap.expected - 1 < syncstate.last_acked(self.store):
                    self.store.set_meta(syncstate.LAST_ACKED, str(gap.expected - 1))
                    report.notes.append(f"the platform asked to resend from change "
                                        f"{gap.expected}")
                    continue
                raise SyncError(f"the platform and this device disagree about the outbox "
                                f"(expected {gap.expected})") from gap
            except Diverged as diverged:
                # Our store went back in time (restored backup, power cut, copied folder):
                # the platform holds some of our numbers with other changes. Ours are new to
                # it, so they go again under numbers after its last one.
                renumbers += 1
                if renumbers > MAX_RENUMBERS:
                    raise SyncError(QT_TRANSLATE_NOOP(
                        "SyncErrors", "Another computer is sending changes as this device "
                        "(a copied data folder?). Enroll each computer separately.")) from None
                moved = syncstate.renumber_outbox(self.store, diverged.diverged_at,
                                                  diverged.expected)
                # What it sent before going back in time may be missing here now.
                self.store.set_meta(syncstate.REREAD_OWN, "1")
                report.renumbered += moved
                report.notes.append(
                    f"this device's data went back in time (a restored backup?): {moved} "
                    f"changes renumbered from {diverged.expected} and sent again")
                continue
            response = PushResponse.model_validate(raw)
            at_ceiling = batch >= self._ceiling()
            if self._note_platform_limit(response.max_changes) and at_ceiling:
                batch = self._ceiling()
            by_mutation = {c.mutation: c for c in changes}
            rejections = []
            # The platform's record now equals ours: note its revision, so the pull need not
            # send it back (half the bytes of a push used to come back down).
            echoed = [(by_mutation[r.mutation].table, by_mutation[r.mutation].record_id, r.rev)
                      for r in response.results
                      if r.rev is not None and r.mutation in by_mutation]
            for result in response.results:
                change = by_mutation.get(result.mutation)
                if result.status == "applied":
                    report.pushed += 1
                elif result.status == "duplicate":
                    report.duplicates += 1
                elif change is not None:
                    reason = result.reason or "refused"
                    rejections.append((result.mutation, change.table, change.record_id, reason))
                    report.rejected.append(f"{change.table} {change.record_id}: {reason}")
            # Never acknowledge past what this batch carried: numbers above it that the
            # platform holds may be other changes (a store that went back in time); the
            # next batch finds out.
            syncstate.acknowledge(self.store, min(response.last_mutation, changes[-1].mutation),
                                  rejections, echoed)
            if batch < self._ceiling():
                batch = self._keep_push_batch(batch * 2)

    # -- pull ---------------------------------------------------------------------------

    def _pull(self, report: SyncReport, *, from_zero: bool = False) -> None:
        try:
            self._pull_pages(report, from_zero=from_zero)
        finally:
            # A pull cut short (no connection, cancelled) may have left the report's rows of
            # people reached for its last page: they are brought up to date here, in the
            # sync's worker, not in the next check-in's commit.
            try:
                syncstate.settle_reach(self.store)
            except sqlite3.Error as exc:  # the next commit or report does it then
                log.warning("people reached not brought up to date after the pull: %s", exc)

    def _pull_pages(self, report: SyncReport, *, from_zero: bool = False) -> None:
        cursor = 0 if from_zero else int(self.store.get_meta(syncstate.CURSOR, "0") or 0)
        full = from_zero
        # People who arrived from other laptops are checked for duplicates of ours; not on a
        # first or full read, which brings everyone at once and has nothing new to compare.
        check_people = cursor > 0
        arrived: list[str] = []
        seen: dict[str, set[str]] = defaultdict(set)
        reread_own = bool(self.store.get_meta(syncstate.REREAD_OWN))
        while True:
            self._check_cancel()
            page = PullResponse.model_validate(
                self.transport.get("/v1/pull", cursor=cursor, limit=self.pull_limit,
                                   **({} if full or reread_own else {
                                       "skip_echo": 1,
                                       "acked": syncstate.last_acked(self.store)})))
            if page.full_resync:
                report.full_resync = full = True
                report.notes.append("this device was away longer than the platform keeps "
                                    "deletions; all data was read again")
                cursor = 0
                seen.clear()
                continue
            rows, refused = self._checked_rows(page, report)
            if full:
                check_people = False
                for r in page.rows:
                    seen[r.table].add(r.id)
            if check_people and len(arrived) < MAX_DUPLICATE_CHECKS:
                arrived += [r.id for r in page.rows if r.table == "people" and not r.deleted]
            applied, skipped = syncstate.apply_pulled(self.store, rows, page.cursor, refused,
                                                      more=page.more)
            report.pulled += applied
            report.skipped += skipped
            cursor = page.cursor
            self.progress(f"received {report.pulled} changes")
            if not page.more:
                self._last_checksums = page.checksums or {}
                if reread_own:
                    self.store.set_meta(syncstate.REREAD_OWN, None)
                break
        if full:
            for table in SYNCED_TABLES:
                syncstate.forget_missing(self.store, table, seen.get(table, set()))
        if report.set_aside:
            report.notes.append(f"{len(report.set_aside)} received records could not be stored "
                                "here and were set aside: " + "; ".join(report.set_aside[:5]))
        if check_people and arrived:
            report.new_duplicates += record_possible_duplicates(
                self.store, arrived[:MAX_DUPLICATE_CHECKS])

    @staticmethod
    def _checked_rows(
        page: PullResponse, report: SyncReport,
    ) -> tuple[list[syncstate.PulledRow], list[syncstate.Refused]]:
        """Split a page into rows to apply and rows outside the wire schema, which are set
        aside (visible in the app) rather than allowed to fail the whole page. Fields this
        version does not know are ignored, so a newer platform can add some."""
        rows, refused = [], []
        for r in page.rows:
            row = syncstate.PulledRow(r.table, r.id, r.rev, r.deleted, r.data, r.hlc)
            if r.table not in RECORD_TABLES:
                continue
            columns = RECORD_TABLES[r.table][0]
            known = {k: v for k, v in r.data.items() if k in columns}
            errors = field_errors(r.table, known)
            if not errors and not r.deleted:
                # The domain's rules too (dates, choices, ranges): a bad date from an older
                # platform must not reach a screen that reads it.
                try:
                    validate(r.table, known)
                except ValidationError as exc:
                    errors = exc.errors
            if errors:
                problem = "; ".join(str(e) for e in errors)
                refused.append((row, f"not valid: {problem}", errors))
                report.set_aside.append(f"{r.table} {r.id}: {problem}")
            else:
                rows.append(row)
        return rows, refused

    def _verify(self, report: SyncReport, *, retried: bool = False) -> None:
        expected = getattr(self, "_last_checksums", {})
        # Tables with unsent changes, or with received rows set aside, differ on purpose.
        busy = syncstate.tables_with_pending(self.store) | syncstate.tables_with_set_aside(
            self.store)
        mismatched = []
        for table in SYNCED_TABLES:
            if table in busy:
                continue
            count = total = 0
            for record_id, rev in syncstate.live_revs(self.store, table):
                count += 1
                total = (total + checksum_term(record_id, rev)) % CHECKSUM_MODULUS
            want = expected.get(table)
            wanted = (want.count, want.sum) if want else (0, 0)
            if wanted != (count, total):
                mismatched.append(table)
        if not mismatched:
            report.checksums_ok = True
            return
        if retried:
            report.notes.append("data still differs from the platform in: "
                                + ", ".join(mismatched))
            return
        report.refetched = mismatched
        report.notes.append("re-read from the platform because counts differed: "
                            + ", ".join(mismatched))
        self._pull(report, from_zero=True)
        self._verify(report, retried=True)

    # -- attachments --------------------------------------------------------------------

    def _upload_files(self, report: SyncReport) -> None:
        for sha in syncstate.unsent_attachment_hashes(self.store):
            self._check_cancel()
            path = self.data_dir / "attachments" / sha[:2] / sha
            if not path.is_file():
                report.notes.append(f"attachment file {sha[:12]}… is missing on this device")
                continue
            status = self.transport.get(f"/v1/attachments/{sha}/status")
            if status.get("complete"):
                continue
            offset = int(status.get("received") or 0)
            size = path.stat().st_size
            with path.open("rb") as handle:
                handle.seek(offset)
                while offset < size or size == 0:
                    chunk = handle.read(CHUNK)
                    result = self.transport.put_bytes(f"/v1/attachments/{sha}", chunk,
                                                      offset=offset, total=max(size, 1))
                    offset += len(chunk)
                    if result.get("complete") or not chunk:
                        break
            report.uploaded_files += 1

    def _download_files(self, report: SyncReport) -> None:
        """Fetch the files of attachments recorded elsewhere (a photo taken at another
        laptop, or shown to the council); each is checked against its hash before use."""
        folder = self.data_dir / "attachments"
        for sha in syncstate.attachment_hashes(self.store):
            target = folder / sha[:2] / sha
            if target.is_file():
                continue
            self._check_cancel()
            try:
                data = self.transport.get_bytes(f"/v1/attachments/{sha}")
            except SyncError as exc:
                if isinstance(exc, Offline):
                    raise
                report.notes.append(f"attachment {sha[:12]}… is not on the platform yet")
                continue
            if hashlib.sha256(data).hexdigest() != sha:
                report.notes.append(f"attachment {sha[:12]}… arrived damaged; will retry")
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(".part")
            tmp.write_bytes(data)
            tmp.replace(target)
            report.downloaded_files += 1

    # -- bookkeeping --------------------------------------------------------------------

    def _take_lock(self) -> None:
        mine = f"{os.getpid()}:{time.time():.0f}"
        with self.store.write():
            held = self.store.get_meta(LOCK_KEY)
            if held:
                pid, _, started = held.partition(":")
                alive = _pid_alive(int(pid)) if pid.isdigit() else False
                fresh = time.time() - float(started or 0) < STALE_LOCK_SECONDS
                if alive and fresh and int(pid) != os.getpid():
                    raise SyncError(QT_TRANSLATE_NOOP(
                        "SyncErrors", "Another sync is already running on this device."))
            self.store.set_meta(LOCK_KEY, mine)

    def _release_lock(self) -> None:
        self.store.set_meta(LOCK_KEY, None)

    def _start_log(self, report: SyncReport) -> int:
        log_id, interrupted = syncstate.start_sync_log(self.store)
        if interrupted:
            report.notes.append("the previous sync was interrupted; it was resumed")
        return log_id

    def _finish_log(self, log_id: int, outcome: str, report: SyncReport, message: str) -> None:
        syncstate.finish_sync_log(self.store, log_id, outcome, report.pushed, report.pulled,
                                  message)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
