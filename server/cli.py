"""`hromada-server`: run the platform, and the administrator's commands.

Errors a person can fix (a bad database URL, an unknown office) are one line on stderr and
exit code 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from desktop.sync.wire import MAX_PUSH_CHANGES, SYNCED_TABLES


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hromada-server",
        description="The city council's sync platform for liaison offices and CSO hubs. "
        "With no command, serves HTTP.",
    )
    parser.add_argument("--db", metavar="URL",
                        help="sqlite:///path (default: a file in the server's data folder) or "
                        "postgresql://user@host/dbname")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    serve = sub.add_parser("serve", help="serve the API (the default)")
    for p in (parser, serve):
        p.add_argument("--host", default="127.0.0.1")
        p.add_argument("--port", type=int, default=8000)
        p.add_argument("--workers", type=int, default=1,
                       help="processes serving requests (PostgreSQL: one per core)")
        p.add_argument("--push-changes", type=int, default=MAX_PUSH_CHANGES, metavar="N",
                       help=f"the most changes a device may send in one push, 1 to "
                       f"{MAX_PUSH_CHANGES} (default); devices are told")
    office = sub.add_parser("create-office", help="register an office; prints its id")
    office.add_argument("name")
    office.add_argument("--kind", choices=["liaison_office", "cso_hub"], default="liaison_office")
    code = sub.add_parser("enrollment-code", help="print a one-time code to enroll a device")
    code.add_argument("--office", metavar="ID", help="the office (required for --role office)")
    code.add_argument("--role", choices=["office", "council"], default="office")
    code.add_argument("--hours", type=int, default=72, help="validity (default 72 hours)")
    export = sub.add_parser("export", help="print all records of a kind as JSON")
    export.add_argument("kind", choices=SYNCED_TABLES, metavar="KIND",
                        help="one of: " + ", ".join(SYNCED_TABLES))
    export.add_argument("--format", choices=["json"], default="json")
    purge = sub.add_parser("purge", help="drop tombstones older than the retention")
    purge.add_argument("--days", type=int, default=90)
    sub.add_parser("load-reference-lists",
                   help="add the districts, settlements, event kinds and idea categories "
                   "bundled with the app (offices that started on their own refer to them)")
    admin = sub.add_parser("create-admin", help="make a council staff account for the web "
                           "console (asks for the password)")
    admin.add_argument("login")
    admin.add_argument("--name", required=True, help="the person's name, as pages show it")
    admin.add_argument("--role", choices=["admin", "officer"], default="admin")
    admin.add_argument("--password-stdin", action="store_true",
                       help="read the password from standard input (scripts)")
    revoke = sub.add_parser("revoke", help="revoke a device's token")
    revoke.add_argument("device_id")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from server.db import ServerDB, default_sqlite_url

    try:
        db = ServerDB(args.db or default_sqlite_url())
    except ValueError as exc:
        print(f"hromada-server: error: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # a database that cannot be reached: say so plainly
        print(f"hromada-server: error: cannot open the database: {exc}".splitlines()[0],
              file=sys.stderr)
        return 1
    from server import auth, service

    command = args.command or "serve"
    if command == "serve":
        import uvicorn

        from server.api import DB_URL_ENV, PUSH_CHANGES_ENV, collect_garbage_seldom, create_app
        from server.ratelimit import Limits

        if args.workers < 1:
            print("hromada-server: error: --workers must be 1 or more", file=sys.stderr)
            return 1
        if not 1 <= args.push_changes <= MAX_PUSH_CHANGES:
            print(f"hromada-server: error: --push-changes must be from 1 to {MAX_PUSH_CHANGES}",
                  file=sys.stderr)
            return 1
        if args.workers == 1:
            app = create_app(db, Limits(push_changes=args.push_changes))
            collect_garbage_seldom()
            uvicorn.run(app, host=args.host, port=args.port, log_level="info")
            return 0
        db.close()
        from server import workers

        return workers.serve(args.host, args.port, args.workers,
                             {DB_URL_ENV: db.url, PUSH_CHANGES_ENV: str(args.push_changes)})
    if command == "create-office":
        if not args.name.strip():
            print("hromada-server: error: the office name is empty", file=sys.stderr)
            return 1
        print(service.create_office(db, args.name, args.kind))
        return 0
    if command == "enrollment-code":
        if args.role == "office":
            if not args.office:
                print("hromada-server: error: --office ID is required for an office device",
                      file=sys.stderr)
                return 1
            if not service.office_exists(db, args.office):
                print(f"hromada-server: error: there is no office {args.office}", file=sys.stderr)
                return 1
        print(auth.new_enrollment_code(db, args.office if args.role == "office" else None,
                                       args.role, timedelta(hours=args.hours)))
        return 0
    if command == "export":
        json.dump(service.export_records(db, args.kind), sys.stdout, ensure_ascii=False,
                  indent=1)
        print()
        return 0
    if command == "purge":
        cutoff = (datetime.now(UTC) - timedelta(days=args.days)).isoformat(timespec="seconds")
        print(service.purge_tombstones(db, cutoff.replace("+00:00", "Z")))
        return 0
    if command == "load-reference-lists":
        print(f"{service.load_reference_lists(db)} reference records added")
        return 0
    if command == "create-admin":
        from server.console import accounts

        if args.password_stdin:
            password = sys.stdin.readline().rstrip("\n")
        else:
            import getpass

            password = getpass.getpass("Password: ")
            if getpass.getpass("The same password again: ") != password:
                print("hromada-server: error: the passwords differ", file=sys.stderr)
                return 1
        try:
            staff = accounts.create_staff(db, args.login, args.name, password, args.role)
        except accounts.AccountError as exc:
            print(f"hromada-server: error: {exc}", file=sys.stderr)
            return 1
        print(f"{staff.login} ({staff.role}) can log in at /console")
        return 0
    if command == "revoke":
        if not auth.revoke(db, args.device_id):
            print(f"hromada-server: error: no active device {args.device_id}", file=sys.stderr)
            return 1
        return 0
    parser.error(f"unknown command {command}")
    return 2


if __name__ == "__main__":
    sys.exit(main())
