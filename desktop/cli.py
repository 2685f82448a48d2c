"""The `hromada-desk` command: the app with no sub-command, headless tools with one.

Every user mistake (a wrong path, an unknown kind, a damaged backup) ends as one plain line on
stderr and a non-zero exit; a traceback means a bug in the app, never in what was typed.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from desktop import APP_NAME, __version__
from desktop.paths import DataPaths, resolve_data_dir

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class UserError(Exception):
    """Something the user can fix; printed as one line."""


def _add_app_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="in a temporary folder: make an office, open the window "
                        "offscreen, check a person in, save a report as PDF and XLSX; exit 0 "
                        "if all worked (for installers and packagers)")
    parser.add_argument(
        "--data-dir", metavar="DIR",
        help="folder with the database and attachments (default: $HROMADA_DATA_DIR, else "
        "the user data folder)",
    )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The arguments; for the app itself (no command) without building the whole parser.

    Why: the commands' parsers (and the export module their choices come from) took ~10 ms
    of every start, 2-4% of opening the window (issue 11). Anything that names a command or asks for
    help, and anything the short parser does not take, goes to the full parser, so its
    messages stay the same."""
    words = list(sys.argv[1:] if argv is None else argv)
    if not any(word in COMMANDS or word in ("-h", "--help") for word in words):
        short = argparse.ArgumentParser(prog="hromada-desk", add_help=False,
                                        exit_on_error=False)
        _add_app_options(short)
        with contextlib.suppress(argparse.ArgumentError):
            args, rest = short.parse_known_args(words)
            if not rest:
                args.command = None
                return args
    return build_parser().parse_args(words)


def build_parser() -> argparse.ArgumentParser:
    from desktop.store.export import EXPORT_KINDS, FORMATS

    parser = argparse.ArgumentParser(
        prog="hromada-desk",
        description=f"{APP_NAME}: registration, ideas, consultations and CSO directory for "
        "liaison offices and CSO hubs. With no command, opens the app.",
    )
    _add_app_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="fill the database with realistic demo data")
    demo.add_argument("--people", type=_non_negative, default=2000, metavar="N")
    demo.add_argument("--events", type=_non_negative, default=120, metavar="M")
    demo.add_argument("--seed", type=int, default=1, help="same seed, same data (default 1)")
    demo.add_argument("--visits-per-person", type=_positive_float, default=5, metavar="X",
                      help="how many events an average resident comes to (default 5; the "
                      "benchmark's store uses more)")

    export = sub.add_parser("export", help="write records as CSV or JSON")
    export.add_argument("kind", choices=EXPORT_KINDS, metavar="KIND",
                        help="one of: " + ", ".join(EXPORT_KINDS))
    export.add_argument("--format", choices=FORMATS, default="csv")
    export.add_argument("-o", "--output", metavar="FILE", help="default: standard output")

    check = sub.add_parser("check", help="check the database; exit 1 with a list of problems")
    check.add_argument("--repair", action="store_true",
                       help="rebuild the search index if it is out of step")

    backup = sub.add_parser("backup", help="copy the database safely, even while the app runs")
    backup.add_argument("-o", "--output", metavar="FILE",
                        help="default: a dated file in the data folder's backups/")

    enroll = sub.add_parser("enroll", help="connect this device to the council's platform")
    enroll.add_argument("url", metavar="URL", help="the platform's address, https://...")
    enroll.add_argument("code", metavar="CODE", help="the one-time enrollment code")
    enroll.add_argument("--allow-http", action="store_true",
                        help="allow a plain http:// address on another computer (the code and "
                        "the data travel unencrypted; for a test network only)")

    sub.add_parser("sync", help="send local changes and receive the platform's; exit 0 only "
                   "when both directions are up to date")

    person = sub.add_parser(
        "person", help="a resident's rights: a copy of everything kept about them, or "
        "forgetting them everywhere")
    person_actions = person.add_subparsers(dest="person_action", metavar="ACTION",
                                           required=True)
    about = person_actions.add_parser(
        "export", help="everything this device holds about the resident (their right of "
        "access): JSON, or a PDF in Ukrainian when FILE ends in .pdf")
    about.add_argument("person_id", metavar="ID")
    about.add_argument("-o", "--output", metavar="FILE", help="default: JSON on standard "
                       "output")
    erase = person_actions.add_parser(
        "forget", help="remove the resident's name, contacts, notes, files and the text about "
        "them here, in the backups and, with the next sync, on the platform and every "
        "device; the statistics stay")
    erase.add_argument("person_id", metavar="ID")
    erase.add_argument("--yes", action="store_true",
                       help="do it (without --yes, only says what would be removed)")

    demo_platform = sub.add_parser(
        "demo-platform", help="start a council platform on this computer for the demo data "
        "folder, fill it with the demo community and connect the demo device to it")
    demo_platform.add_argument("--stop", action="store_true", help="stop it instead")

    sub.add_parser("smoke-test", help="open the app's window offscreen and close it (for "
                   "installers and packagers)")

    restore = sub.add_parser(
        "restore", help="replace the database with a backup (the current one is kept)")
    restore.add_argument("file", metavar="FILE")

    imp = sub.add_parser(
        "import", help="bring in a list from CSV or XLSX: every row, or none",
        description="Read a list made in Excel, LibreOffice or Google Sheets (CSV in UTF-8 or "
        "Windows-1251 with commas, semicolons or tabs, or XLSX); columns are found by their "
        "headers in Ukrainian or English. A file with bad rows imports nothing and lists "
        "every bad row.")
    imp.add_argument("kind", choices=("people", "organizations", "attendance"), metavar="KIND",
                     help="people, organizations or attendance (with --event)")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--event", metavar="ID", help="the event an attendance list is for")
    imp.add_argument("--only-valid", action="store_true",
                     help="import the good rows and leave out the bad ones")
    imp.add_argument("--dry-run", action="store_true",
                     help="check the file and say what would happen; change nothing")
    imp.add_argument("--update-existing", action="store_true",
                     help="fill in people or CSOs already here from the file (default: skip)")
    return parser


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} is negative")
    return value


def _open_store(paths: DataPaths):
    from desktop.store import open_store

    paths.ensure()
    return open_store(paths.database, paths.backups)


@contextlib.contextmanager
def _atomic_output(target: str | None) -> Iterator[IO[str]]:
    """Write to a temporary file beside the target and rename it only on success."""
    if target is None:
        yield sys.stdout
        return
    path = Path(target).expanduser()
    if not path.parent.is_dir():
        raise UserError(f"folder {path.parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig" if path.suffix == ".csv" else "utf-8",
                       newline="") as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 < value <= 100:
        raise argparse.ArgumentTypeError("must be more than 0 and at most 100")
    return value


def cmd_demo(args: argparse.Namespace, paths: DataPaths) -> int:
    from desktop.demo.generator import generate
    from desktop.demo.identity import choose_demo_identity
    from desktop.store import syncstate

    store = _open_store(paths)
    try:
        platform_url = store.get_meta(syncstate.SERVER_URL)
        if platform_url:
            raise UserError(
                f"this data folder is connected to the platform at {platform_url}; demo data "
                "would be sent there. Make the demo in a new folder: hromada-desk --data-dir "
                "DEMO-FOLDER demo")
        def progress(stage: str, done: int, total: int) -> None:
            if sys.stderr.isatty():
                print(f"\r{stage}: {done}/{total}   ", end="", file=sys.stderr, flush=True)

        counts = generate(store, people=args.people, events=args.events, seed=args.seed,
                          visits_per_person=args.visits_per_person,
                          progress=progress)
        choose_demo_identity(store)
    finally:
        store.close()
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(", ".join(f"{table}: {n}" for table, n in counts.items()))
    return EXIT_OK


def cmd_export(args: argparse.Namespace, paths: DataPaths) -> int:
    from desktop.store.export import write_export

    if args.output and not Path(args.output).expanduser().parent.is_dir():
        raise UserError(f"folder {Path(args.output).expanduser().parent} does not exist")
    if not paths.database.exists():
        raise UserError(f"there is no database in {paths.root}")
    store = _open_store(paths)
    try:
        with _atomic_output(args.output) as out:
            count = write_export(store.conn, args.kind, args.format, out)
    finally:
        store.close()
    if args.output:
        print(f"{count} {args.kind} records written to {args.output}", file=sys.stderr)
    return EXIT_OK


def cmd_check(args: argparse.Namespace, paths: DataPaths) -> int:
    from desktop.domain.errors import ValidationError
    from desktop.domain.validation import validate
    from desktop.store.integrity import MAX_PER_CHECK, all_problems
    from desktop.store.schema import RECORD_TABLES

    if not paths.database.exists():
        raise UserError(f"there is no database in {paths.root}")
    store = _open_store(paths)
    try:
        if args.repair:
            store.rebuild_search()
        problems = list(all_problems(store.conn, paths.attachments))
        checked = 0
        for table in RECORD_TABLES:
            invalid = []
            for row in store.conn.execute(f"SELECT * FROM [{table}] WHERE deleted = 0"):
                record = dict(zip(store._columns(table), row, strict=True))
                checked += 1
                try:
                    validate(table, record)
                except ValidationError as exc:
                    invalid.append(f"{table} {record['id']}: {exc}")
            problems += invalid[:MAX_PER_CHECK]
            if len(invalid) > MAX_PER_CHECK:
                problems.append(f"... and {len(invalid) - MAX_PER_CHECK} more invalid {table}")
    finally:
        store.close()
    if problems:
        for line in problems:
            print(line)
        print(f"{len(problems)} problem(s) found", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"OK: {checked} records checked, no problems found")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, paths: DataPaths) -> int:
    from desktop.store.backup import backup, default_backup_name

    if not paths.database.exists():
        raise UserError(f"there is no database in {paths.root} to back up")
    target = Path(args.output).expanduser() if args.output else (
        paths.ensure().backups / default_backup_name())
    if not target.parent.is_dir():
        raise UserError(f"folder {target.parent} does not exist")
    if target.resolve() == paths.database.resolve():
        raise UserError("the backup cannot overwrite the database itself")
    backup(paths.database, target)
    print(target)
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, paths: DataPaths) -> int:
    from desktop.store.backup import restore

    candidate = Path(args.file).expanduser()
    if paths.database.exists() and candidate.resolve() == paths.database.resolve():
        raise UserError("that file is the current database; choose a backup file")
    kept = restore(candidate, paths.database, paths.ensure().backups)
    store = _open_store(paths)  # upgrades an older backup's schema, with its own backup
    store.close()
    print(f"Restored {candidate}." + (f" The previous database was kept as {kept}." if kept
                                      else ""))
    return EXIT_OK


def cmd_enroll(args: argparse.Namespace, paths: DataPaths) -> int:
    from desktop.sync.client import enroll

    store = _open_store(paths)
    try:
        if args.allow_http and args.url.startswith("http://"):
            print("warning: http:// sends the code and the data unencrypted", file=sys.stderr)
        answer, warning = enroll(store, paths.root, args.url, args.code,
                                 allow_http=args.allow_http)
    finally:
        store.close()
    where = f"office {answer.office_name or answer.office_id}" if answer.office_id else "council"
    print(f"Enrolled as a device of the {where}.")
    if warning:
        print(f"warning: {warning}", file=sys.stderr)
    return EXIT_OK


def cmd_sync(args: argparse.Namespace, paths: DataPaths) -> int:
    from desktop.sync.client import sync_once

    if not paths.database.exists():
        raise UserError(f"there is no database in {paths.root}")
    store = _open_store(paths)
    try:
        report = sync_once(store, paths.root)
    finally:
        store.close()
    print(f"sent {report.pushed} changes, received {report.pulled}"
          + (f", {len(report.rejected)} refused by the platform" if report.rejected else ""))
    for line in report.rejected[:20]:
        print(f"  refused: {line}")
    for line in report.set_aside[:20]:
        print(f"  set aside: {line}")
    for note in report.notes:
        print(f"  note: {note}")
    if report.new_duplicates:
        print(f"  {report.new_duplicates} possible duplicate people to review (People screen)")
    if not report.up_to_date:
        print(f"not up to date: {report.pending_after} changes still waiting", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def cmd_import(args: argparse.Namespace, paths: DataPaths) -> int:
    from desktop.domain.importing import ImportFileError, mapping_problem
    from desktop.store import importer

    if args.kind == "attendance" and not args.event:
        raise UserError("an attendance list needs the event: --event ID")
    if not paths.database.exists():
        raise UserError(f"there is no database in {paths.root}")
    source = Path(args.file).expanduser()
    if not source.is_file():
        raise UserError(f"{source} does not exist or is not a file")
    store = _open_store(paths)
    try:
        try:
            from desktop.domain.importing import read_table

            table = read_table(source, args.kind)
        except ImportFileError as exc:
            raise UserError(str(exc)) from exc
        mapping = importer.mapping_for(store, args.kind, table.headers)
        problem = mapping_problem(args.kind, mapping)
        if problem:
            raise UserError(problem)
        plan = importer.plan(store, args.kind, table, mapping, event_id=args.event)
        for row in plan.bad:
            for column, error in row.errors:
                where = f"line {row.line}" + (f", column «{column}»" if column else "")
                print(f"{where}: {error.message}", file=sys.stderr)
        summary = (f"{len(plan.rows)} rows: {plan.new} new, {plan.matched} already here"
                   f"{' (to update)' if args.update_existing else ' (to skip)'}, "
                   f"{plan.possible_duplicates} possible duplicates, {len(plan.bad)} with "
                   "problems")
        if plan.bad and not args.only_valid:
            print(summary, file=sys.stderr)
            raise UserError(f"{len(plan.bad)} rows have problems; nothing was imported. Fix "
                            "the file, or run again with --only-valid to leave them out")
        if args.dry_run:
            print(summary + "; nothing was changed (--dry-run)")
            return EXIT_OK
        result = importer.run(store, plan, update_existing=args.update_existing,
                              only_valid=args.only_valid, office_id=store.get_meta("office_id"),
                              user_id=store.user_id)
        importer.remember_mapping(store, args.kind, table.headers, mapping)
    finally:
        store.close()
    what = {"people": "people", "attendance": "people", "organizations": "CSOs"}[args.kind]
    parts = [f"{result.created} new", f"{result.updated} updated", f"{result.skipped} skipped"]
    if args.kind == "attendance":
        parts.append(f"{result.checked_in} on the event's list")
    if result.without_consent:
        parts.append(f"{result.without_consent} without recorded consent (kept for statistics "
                     "only)")
    if result.possible_duplicates:
        parts.append(f"{result.possible_duplicates} possible duplicates to review (People)")
    if result.bad_rows:
        parts.append(f"{result.bad_rows} bad rows left out")
    if result.members:
        parts.append(f"{result.members} members linked")
    if result.members_not_linked:
        parts.append(f"{result.members_not_linked} members not linked (not known here by "
                     "phone, and no consent in the file)")
    print(f"Imported {what}: " + ", ".join(parts) + ".")
    return EXIT_OK


def cmd_person(args: argparse.Namespace, paths: DataPaths) -> int:
    if not paths.database.exists():
        raise UserError(f"there is no database in {paths.root}")
    if args.person_action == "forget":
        return _forget_person(args, paths)
    import json

    from desktop.store.queries.person_data import everything_about

    store = _open_store(paths)
    try:
        data = everything_about(store.conn, args.person_id.strip())
        office = _office_of(store, data)
    finally:
        store.close()
    if data is None:
        raise UserError(f"there is no person with id {args.person_id} on this device")
    if args.output and args.output.lower().endswith(".pdf"):
        target = Path(args.output).expanduser()
        if not target.parent.is_dir():
            raise UserError(f"folder {target.parent} does not exist")
        _qt_for_documents()
        from desktop.ui.person_access import save_access

        save_access(data, target, office)
        print(f"written to {target}", file=sys.stderr)
        return EXIT_OK
    with _atomic_output(args.output) as out:
        json.dump(data, out, ensure_ascii=False, indent=1)
        out.write("\n")
    if args.output:
        print(f"written to {args.output}", file=sys.stderr)
    return EXIT_OK


def _office_of(store: Any, data: dict | None) -> str:
    row = store.conn.execute(
        "SELECT coalesce(nullif(o.name, ''), o.short_name) FROM people AS p JOIN offices AS o "
        "ON o.id = p.office_id WHERE p.id = ?",
        ((data or {}).get("person_id"),)).fetchone()
    return str(row[0]) if row and row[0] else ""


def _qt_for_documents() -> None:
    """A QGuiApplication (offscreen unless a display is set) with the Ukrainian strings, for
    the PDF renderer."""
    import os

    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") \
            and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    from desktop.ui.app import install_translations

    install_translations(app, "uk")  # type: ignore[arg-type]


def _forget_person(args: argparse.Namespace, paths: DataPaths) -> int:
    from desktop.domain.names import full_name
    from desktop.store import forget

    store = _open_store(paths)
    try:
        person_id = args.person_id.strip()
        person = store.get("people", person_id, include_deleted=True)
        if person is None:
            raise UserError(f"there is no person with id {person_id} on this device")
        name = full_name(person.get("last_name"), person.get("first_name"),
                         person.get("patronymic"))
        ids = forget.related_ids(store.conn, person_id)
        about = sum(len(v) for k, v in ids.items() if k not in ("people", "conflicts"))
        if not args.yes:
            print(f"{name}: the record and {about} records about them would lose the name, "
                  "contacts, notes, files and text about the person, here, in the backups "
                  "and (after the next sync) on the platform and every device. Gender, age "
                  "group, settlement and check-ins stay for the statistics. Run again with "
                  "--yes to do it.")
            return EXIT_OK
        done = forget.forget_person(store, person_id, attachments_dir=paths.attachments)
    finally:
        store.close()
    print(f"forgotten: {name} — {done.records} records changed, {done.history} earlier "
          f"values removed from the history, {done.files} files deleted, "
          f"{len(done.backups)} backups cleaned"
          + (f", {len(done.backups_failed)} backups could not be opened"
             if done.backups_failed else "")
          + ". The platform and other devices follow with the next sync.")
    return EXIT_OK if not done.backups_failed else EXIT_PROBLEMS


def cmd_demo_platform(args: argparse.Namespace, paths: DataPaths) -> int:
    from desktop.demo.platform import DemoPlatform, DemoPlatformError

    platform = DemoPlatform(paths.root)
    if args.stop:
        print("stopped" if platform.stop() else "the demo platform was not running")
        return EXIT_OK
    if not paths.database.exists():
        raise UserError(f"there is no database in {paths.root}; run the demo command first")
    store = _open_store(paths)
    try:
        url = platform.set_up(store, paths.root,
                              progress=lambda text: print(f"{text}...", file=sys.stderr))
    except DemoPlatformError as exc:
        raise UserError(str(exc)) from exc
    finally:
        store.close()
    print(f"demo platform at {url} (data in {platform.folder}); the app stops it when it "
          "closes")
    return EXIT_OK


def cmd_smoke_test(args: argparse.Namespace, paths: DataPaths) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.ui.app import smoke_test

    return smoke_test(paths)


def cmd_gui(args: argparse.Namespace, paths: DataPaths) -> int:
    # The store first: the modules it loads (sqlite3, json, datetime, ...) are then marked
    # as ones PySide need not read when the UI package loads (desktop/ui/startup.py).
    import desktop.store  # noqa: F401
    from desktop.ui.app import run

    return run(paths)


COMMANDS = {
    None: cmd_gui, "demo": cmd_demo, "export": cmd_export, "check": cmd_check,
    "backup": cmd_backup, "restore": cmd_restore, "enroll": cmd_enroll, "sync": cmd_sync,
    "smoke-test": cmd_smoke_test, "import": cmd_import, "demo-platform": cmd_demo_platform,
    "person": cmd_person,
}


def main(argv: Sequence[str] | None = None) -> int:
    from desktop.store.errors import StoreError
    from desktop.sync.errors import SyncError

    args = parse_args(argv)
    if args.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from desktop.ui.self_test import run_self_test

        return run_self_test()
    paths = DataPaths(resolve_data_dir(args.data_dir))
    try:
        return COMMANDS[args.command](args, paths)
    except (UserError, StoreError, SyncError) as exc:
        print(f"hromada-desk: error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    except PermissionError as exc:
        print(f"hromada-desk: error: no permission to use {exc.filename}", file=sys.stderr)
        return EXIT_PROBLEMS
    except BrokenPipeError:  # `hromada-desk export people | head` is fine
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silences the exit flush
        return EXIT_OK
    except KeyboardInterrupt:
        print("hromada-desk: interrupted; nothing was half-written", file=sys.stderr)
        return 130
    except Exception as exc:  # a fault of ours: one line here, the traceback in a file
        where = _log_unexpected(paths, args.command, exc)
        print(f"hromada-desk: error: an unexpected problem stopped {args.command or 'the app'} "
              f"({type(exc).__name__}: {str(exc)[:200]}); nothing was half-written. "
              f"Details: {where}", file=sys.stderr)
        return EXIT_PROBLEMS


def _log_unexpected(paths: DataPaths, command: str | None, exc: Exception) -> str:
    """Keep the traceback of a fault for whoever fixes it, without showing it to the user."""
    import traceback

    from desktop.store.ids import utc_now

    try:
        folder = paths.logs
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / "errors.log"
        with target.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {utc_now()} hromada-desk {command or ''}\n")
            handle.write("".join(traceback.format_exception(exc)))
        return str(target)
    except OSError:
        return "not saved (the data folder cannot be written)"
