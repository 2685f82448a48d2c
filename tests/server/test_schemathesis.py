"""Schemathesis generates requests from /openapi.json, valid and invalid (negative mode), and
sends them over real HTTP: whatever arrives, the platform answers with a clear 4xx, never 500."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable

from server import auth, service


@pytest.mark.parametrize("mode", list(schemathesis.GenerationMode), ids=lambda m: m.value)
def test_no_generated_request_makes_the_platform_fail(live_server, mode):
    office = service.create_office(live_server.db, "Офіс")
    code = auth.new_enrollment_code(live_server.db, office, "office")
    token, _ = auth.enroll(live_server.db, code, "schemathesis-device", "fuzz")
    schema = schemathesis.openapi.from_url(f"{live_server.url}/openapi.json")
    headers = {"Authorization": f"Bearer {token}"}
    tried = 0
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=20, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case) -> None:
            nonlocal tried
            tried += 1
            response = case.call(base_url=live_server.url, headers=headers, timeout=20)
            assert response.status_code < 500, (case.method, case.path, case.body,
                                                response.status_code, response.text)
            if response.status_code >= 400 and case.method != "HEAD":
                assert response.json().get("message"), response.text

        try:
            check()
        except Unsatisfiable:
            continue  # nothing in this operation can be made invalid (e.g. GET /v1/health)
    assert tried >= 40
