"""Validation errors keep template and arguments apart so the UI can translate first."""

from __future__ import annotations

from desktop.domain.errors import FieldError, ValidationError


def test_message_formats_the_template():
    error = FieldError("phone", "Phone number {value} is not valid", {"value": "123"})
    assert error.message == "Phone number 123 is not valid"
    assert str(error) == "phone: Phone number 123 is not valid"


def test_str_lists_every_error():
    exc = ValidationError([
        FieldError("last_name", "{label} is required", {"label": "Last name"}),
        FieldError("foo", "Unknown field"),
    ])
    assert str(exc) == "last_name: Last name is required; foo: Unknown field"
    assert exc.fields == {"last_name", "foo"}
    assert list(exc.by_field()) == ["last_name", "foo"]


def test_single_error_is_accepted():
    exc = ValidationError(FieldError("x", "bad"))
    assert len(exc.errors) == 1


def test_render_translates_template_then_labels_then_formats():
    catalogue = {
        ("Validation", "{label} must not be before {other_label}"):
            "{label}: не раніше ніж {other_label}",
        ("Field", "End time"): "Кінець",
        ("Field", "Start time"): "Початок",
    }
    seen = []

    def translate(context: str, text: str) -> str:
        seen.append((context, text))
        return catalogue.get((context, text), text)

    error = FieldError("ends_at", "{label} must not be before {other_label}",
                       {"label": "End time", "other_label": "Start time", "value": "End time"})
    assert error.render(translate) == "Кінець: не раніше ніж Початок"
    # a plain value is never sent for translation, even when it looks like a label
    assert ("Field", "End time") in seen and seen.count(("Field", "End time")) == 1


def test_validation_error_survives_pickling():
    import pickle

    exc = ValidationError([FieldError("phone", "Phone number {value} is bad", {"value": "1"})])
    copy = pickle.loads(pickle.dumps(exc))
    assert copy.errors == exc.errors
    assert str(copy) == "phone: Phone number 1 is bad"
