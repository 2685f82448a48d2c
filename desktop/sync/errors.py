"""The sync client's errors, apart from the transport that raises most of them.

Why a module of their own: the app's entry point (`desktop.cli`) and the UI name these
classes in `except` clauses on every start, and the transport brings requests, urllib3 and the
wire models (pydantic) with it: more than 0.1 s that a start which never syncs paid before
its window showed (issue 11). `desktop.sync.transport` re-exports them.
"""

from __future__ import annotations


class SyncError(Exception):
    """A sync problem explained in plain words (shown to the user as it is)."""


class Offline(SyncError):
    """The platform could not be reached; the app retries when the link comes back.

    `midway`: the link carried part of the exchange and then failed (a cut, a reset, a read
    that timed out), as opposed to a platform that could not be reached at all. A push lost
    midway is a sign that the link cannot carry a push that big right now."""

    def __init__(self, message: str, *, midway: bool = False) -> None:
        super().__init__(message)
        self.midway = midway


class TooLarge(SyncError):
    """The platform refused a request for its size (HTTP 413): a smaller one may pass."""


class Unprocessable(SyncError):
    """The platform found the request not valid (HTTP 422); its message says why."""


class CertificateProblem(SyncError):
    """The platform's TLS certificate could not be verified (never retried silently)."""


class GapRefused(SyncError):
    def __init__(self, expected: int) -> None:
        super().__init__(f"the platform expects mutation {expected} next")
        self.expected = expected


class Diverged(SyncError):
    """The platform holds some of our mutation numbers with other changes (our store went
    back in time); the engine renumbers the outbox from `diverged_at` to `expected`."""

    def __init__(self, expected: int, diverged_at: int) -> None:
        super().__init__(f"the platform expects change {expected} next; ours differ from "
                         f"change {diverged_at}")
        self.expected = expected
        self.diverged_at = diverged_at
