"""Keep the Ukrainian .ts file complete where the code already knows the translation.

Why: the domain's vocabularies carry their Ukrainian labels (`desktop.domain.vocab`), so
translators must never retype them, and a new vocabulary value must not ship untranslated.
`make translations` runs lupdate, then this (`python -m desktop.ui.i18n_sync TS`), which
fills every unfinished "Vocab" message from vocab.py and lists what is still unfinished,
then lrelease. The file is edited as text, in lupdate's own layout, so re-running lupdate
gives no spurious differences.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Mapping, Sequence
from html import unescape
from pathlib import Path
from xml.sax.saxutils import escape

from desktop.domain import vocab

_CONTEXT = re.compile(r"<context>\s*<name>(?P<name>.*?)</name>(?P<body>.*?)</context>", re.S)
_MESSAGE = re.compile(
    r"(?P<head><message[^>]*>\s*<source>(?P<source>.*?)</source>.*?)"
    r"<translation(?P<attrs>[^>]*)>(?P<text>.*?)</translation>", re.S)


def vocab_translations() -> dict[tuple[str, str], str]:
    """("Vocab", English label) -> Ukrainian label, for every vocabulary value."""
    pairs: dict[tuple[str, str], str] = {}
    for item in vocab.VOCABULARIES.values():
        for code in item.codes:
            pairs[("Vocab", item.en[code])] = item.uk[code]
    return pairs


def part_translations(folder: Path) -> dict[tuple[str, str], str]:
    """(context, English) -> Ukrainian from resources/i18n/uk/*.json.

    Each screen keeps its translations in its own small file ({"Context": {"English":
    "Українська"}}), so several people can translate different screens at once without
    fighting over one .ts file; `make translations` pours them all into the .ts.
    """
    import json

    pairs: dict[tuple[str, str], str] = {}
    for path in sorted(folder.glob("*.json")):
        for context, messages in json.loads(path.read_text(encoding="utf-8")).items():
            for source, text in messages.items():
                pairs[(context, source)] = text
    return pairs


def _xml(text: str) -> str:
    return escape(text, {"'": "&apos;", '"': "&quot;"})


def fill(ts_text: str, translations: Mapping[tuple[str, str], str], *,
         overwrite: bool = False) -> tuple[str, int]:
    """Put translations into unfinished messages (all messages with `overwrite`)."""
    changed = 0

    def in_context(context: re.Match[str]) -> str:
        name = unescape(context["name"])

        def message(match: re.Match[str]) -> str:
            nonlocal changed
            wanted = translations.get((name, unescape(match["source"])))
            unfinished = 'type="unfinished"' in match["attrs"]
            if wanted is None or not (unfinished or overwrite):
                return match[0]
            if not unfinished and unescape(match["text"]) == wanted:
                return match[0]
            changed += 1
            return f"{match['head']}<translation>{_xml(wanted)}</translation>"

        body = _MESSAGE.sub(message, context["body"])
        return context[0].replace(context["body"], body, 1)

    return _CONTEXT.sub(in_context, ts_text), changed


def unfinished(ts_text: str) -> list[tuple[str, str]]:
    """(context, source) of every message still waiting for a translation."""
    missing = []
    for context in _CONTEXT.finditer(ts_text):
        for match in _MESSAGE.finditer(context["body"]):
            if 'type="unfinished"' in match["attrs"] or not match["text"]:
                missing.append((unescape(context["name"]), unescape(match["source"])))
    return missing


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.ui.i18n_sync",
                                     description="Fill vocabulary translations in a .ts file.")
    parser.add_argument("ts", type=Path)
    parser.add_argument("--parts", type=Path, default=None,
                        help="folder of per-screen JSON translations (default: uk/ beside TS)")
    args = parser.parse_args(argv)
    text = args.ts.read_text(encoding="utf-8")
    text, changed = fill(text, vocab_translations(), overwrite=True)
    parts = args.parts or args.ts.parent / "uk"
    text, from_parts = fill(text, part_translations(parts), overwrite=True)
    changed += from_parts
    args.ts.write_text(text, encoding="utf-8")
    missing = unfinished(text)
    print(f"{args.ts}: {changed} vocabulary label(s) filled, {len(missing)} unfinished",
          file=sys.stderr)
    for context, source in missing:
        print(f"  unfinished [{context}] {source!r}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
