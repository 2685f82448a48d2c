"""Which office and staff member a demo opens as: the office with the most upcoming events,
so that Today and Check-in are not empty on the first look."""

from __future__ import annotations

from datetime import date

from desktop.demo.generator import REFERENCE_DATE
from desktop.store.queries import common, today
from desktop.store.records import Store


def choose_demo_identity(store: Store) -> None:
    if store.get_meta("office_id"):
        return
    office = today.busiest_office(store.conn, date.today()) or today.busiest_office(
        store.conn, REFERENCE_DATE)
    if office is None:
        offices = common.options(store.conn, "offices", ["name"], order_by=["name"])
        if not offices:
            return
        office = offices[0][0]
    store.set_meta("office_id", office)
    staff = common.options(store.conn, "staff", ["name"], filters={"office_id": office},
                           order_by=["name"])
    if staff:
        store.set_meta("staff_id", staff[0][0])
        store.user_id = staff[0][0]
