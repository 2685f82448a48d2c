"""Validation errors that can be shown in English now and translated later.

A message is kept as an untranslated template plus its arguments, because the UI has to
translate the template *before* filling in values (a translated sentence may order the
values differently). `message` gives the English text for the CLI and logs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, NoReturn

#: Translation function the UI passes in: (context, text) -> translated text.
Translate = Callable[[str, str], str]


class FieldError:
    """One problem with one field; read-only once made.

    `template` is an English string marked with QT_TRANSLATE_NOOP("Validation", ...);
    `args` fill its {placeholders}. Arguments named `label` or ending in `_label` are field
    labels marked in the "Field" context, so `render` translates them as well.

    A plain class rather than a frozen dataclass: this module is loaded at every start of the
    app (the store validates through it), and `dataclasses` with the class it generates took
    ~3 ms of the window's first frame (issue 11).
    """

    __slots__ = ("args", "field", "template")
    field: str
    template: str
    args: Mapping[str, Any]

    def __init__(self, field: str, template: str, args: Mapping[str, Any] | None = None) -> None:
        object.__setattr__(self, "field", field)
        object.__setattr__(self, "template", template)
        object.__setattr__(self, "args", {} if args is None else args)

    def __setattr__(self, name: str, value: Any) -> NoReturn:
        raise AttributeError(f"a FieldError cannot be changed ({name})")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError(f"a FieldError cannot be changed ({name})")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FieldError):
            return NotImplemented
        return (self.field, self.template, self.args) == (other.field, other.template,
                                                          other.args)

    __hash__ = None  # type: ignore[assignment]  # (args is a mapping)

    def __repr__(self) -> str:
        return f"FieldError(field={self.field!r}, template={self.template!r}, args={self.args!r})"

    def __reduce__(self) -> tuple[type[FieldError], tuple[str, str, dict[str, Any]]]:
        return FieldError, (self.field, self.template, dict(self.args))

    @property
    def message(self) -> str:
        return self.template.format(**self.args)

    def render(self, translate: Translate) -> str:
        """The message in the UI language: translate the template, then format it."""
        args = {
            key: translate("Field", value)
            if (key == "label" or key.endswith("_label")) and isinstance(value, str) else value
            for key, value in self.args.items()
        }
        return translate("Validation", self.template).format(**args)

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ValidationError(Exception):
    """Every problem found in a record, reported together so a form can mark them all."""

    def __init__(self, errors: FieldError | Iterable[FieldError]) -> None:
        self.errors: list[FieldError] = (
            [errors] if isinstance(errors, FieldError) else list(errors)
        )
        # args holds the list itself, so the exception survives pickling (worker processes).
        super().__init__(self.errors)

    def __str__(self) -> str:
        return "; ".join(str(e) for e in self.errors)

    @property
    def fields(self) -> set[str]:
        """Names of the fields with problems (for highlighting form widgets)."""
        return {e.field for e in self.errors}

    def by_field(self) -> dict[str, list[FieldError]]:
        grouped: dict[str, list[FieldError]] = {}
        for error in self.errors:
            grouped.setdefault(error.field, []).append(error)
        return grouped
