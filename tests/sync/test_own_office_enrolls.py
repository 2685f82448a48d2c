"""An office that started on its own (first run, "work on my own for now") later enrolls with
the council's platform: everything it recorded goes up under the platform's office, with its
settlements, and nothing is typed again. Real store, real platform over HTTP."""

from __future__ import annotations

from desktop.store import open_store, syncstate
from desktop.store.setup import (
    LOCAL_OFFICE,
    add_staff,
    create_own_office,
    install_reference_lists,
    settlement_choices,
)
from desktop.sync.client import enroll, sync_once
from server import auth, service
from tests.sync.test_end_to_end import platform_view


def test_records_made_before_enrolling_reach_the_platform_under_its_office(
        live_server, data_dir):
    db = live_server.db
    assert service.load_reference_lists(db) > 0
    assert service.load_reference_lists(db) == 0  # a second load adds nothing
    platform_office = service.create_office(db, "Офіс звʼязку Десна")

    store = open_store(data_dir / "hromada.sqlite3")
    install_reference_lists(store)
    village = next(c for c in settlement_choices(store) if c.name == "Десна")
    local_office, staff = create_own_office(
        store, name="Десна", kind="liaison_office", settlement_id=village.id,
        staff_name="Коваль Ірина")
    colleague = add_staff(store, local_office, "Петро Мельник")
    person = store.insert("people", {"last_name": "Шевчук", "first_name": "Олена",
                                     "gender": "female", "settlement_id": village.id,
                                     "office_id": local_office})
    kind = store.conn.execute("SELECT code FROM event_kinds LIMIT 1").fetchone()[0]
    event = store.insert("events", {"title": "Зустріч громади", "kind": kind,
                                    "office_id": local_office, "settlement_id": village.id,
                                    "starts_at": "2026-12-01T10:00:00Z"})
    # Nothing of the council's (reference lists, the office itself) waits to be pushed.
    pending = {c.table for c in syncstate.pending_changes(store, 1000)}
    assert pending == {"staff", "people", "events"}

    code = auth.new_enrollment_code(db, platform_office, "office")
    enroll(store, data_dir, live_server.url, code)
    assert store.get_meta("office_id") == platform_office
    assert store.get_meta(LOCAL_OFFICE) is None
    assert store.get("offices", local_office, include_deleted=True) is None
    assert store.get("people", person["id"])["office_id"] == platform_office
    assert store.get("staff", staff)["office_id"] == platform_office

    report = sync_once(store, data_dir)
    assert report.rejected == [] and report.set_aside == []
    view = platform_view(db, store.device_id)
    assert view["people"][person["id"]]["office_id"] == platform_office
    assert view["people"][person["id"]]["settlement_id"] == village.id
    assert view["events"][event["id"]]["office_id"] == platform_office
    assert {staff, colleague} <= set(view["staff"])
    # The device now holds the platform's office and its revisions of the reference lists.
    assert store.get("offices", platform_office)["name"] == "Офіс звʼязку Десна"
    assert store.get("settlements", village.id)["rev"] is not None
    assert sync_once(store, data_dir).up_to_date
    store.close()


def test_bad_office_form_writes_nothing(store):
    import pytest

    from desktop.domain.errors import ValidationError

    install_reference_lists(store)
    with pytest.raises(ValidationError) as caught:
        create_own_office(store, name="  ", kind="liaison_office", settlement_id=None,
                          staff_name="")
    assert {e.field for e in caught.value.errors} == {"name", "staff"}
    assert store.count("offices") == 0 and store.count("staff") == 0
    assert store.get_meta("office_id") is None


def test_reference_lists_install_once(store):
    first = install_reference_lists(store)
    assert first > 20
    assert install_reference_lists(store) == 0
    assert syncstate.pending_count(store) == 0


def _self_signed(tmp_path):
    """A certificate for 127.0.0.1 that nobody vouches for (what a misconfigured or
    intercepted platform presents)."""
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_file, key_file


def test_a_certificate_problem_is_named_as_such(tmp_path, store, data_dir):
    """Not 'wrong code', not 'no connection': the certificate, and nothing is saved."""
    import http.server
    import ssl
    import threading

    import pytest

    from desktop.sync.transport import CertificateProblem

    pytest.importorskip("cryptography")
    cert_file, key_file = _self_signed(tmp_path)
    server = http.server.HTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"https://127.0.0.1:{server.server_address[1]}"
        with pytest.raises(CertificateProblem) as caught:
            enroll(store, data_dir, url, "ABCD-EFGH")
        assert "certificate" in str(caught.value)
        assert store.get_meta(syncstate.SERVER_URL) is None
    finally:
        server.shutdown()
        server.server_close()


def test_an_address_that_is_not_a_platform_is_named_as_such(live_server, store, data_dir):
    import pytest

    from desktop.sync.client import NOT_A_PLATFORM
    from desktop.sync.transport import SyncError

    with pytest.raises(SyncError) as caught:
        enroll(store, data_dir, live_server.url + "/somewhere-else", "ABCD")
    assert str(caught.value) == NOT_A_PLATFORM
    assert store.get_meta(syncstate.SERVER_URL) is None
