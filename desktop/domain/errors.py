"""Validation errors that can be shown in English now and translated later.

A message is kept as an untranslated template plus its arguments, because the UI has to
translate the template *before* filling in values (a translated sentence may order the
values differently). `message` gives the English text for the CLI and logs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

#: Translation function the UI passes in: (context, text) -> translated text.
Translate = Callable[[str, str], str]


@dataclass(frozen=True)
class FieldError:
    """One problem with one field.

    `template` is an English string marked with QT_TRANSLATE_NOOP("Validation", ...);
    `args` fill its {placeholders}. Arguments named `label` or ending in `_label` are field
    labels marked in the "Field" context, so `render` translates them as well.
    """

    field: str
    template: str
    args: Mapping[str, Any] = field(default_factory=dict)

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
