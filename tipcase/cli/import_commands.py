"""``tipcase import``: a Twine story or an H5P Branching Scenario as a scenario file, with notes.

One warning line for everything changed or left out; the result is validated before it is written (by
``tipcase.importers``), and a file that cannot be imported, or would not validate, is one error line
with exit 1. A ``--lang`` that is not a language tag is a usage error (exit 2).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tipcase.cli.common import UsageError, input_file
from tipcase.messages import counted

EXIT_OK, EXIT_FAILED = 0, 1


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``import`` (Twine's Twee and HTML, H5P Branching Scenario) to the parser."""
    command = commands.add_parser(
        "import",
        help="import a Twine story (Twee or Twine 2 HTML) or an H5P Branching Scenario as a scenario",
        description=(
            "Import a Twine story (.twee, .tw, .txt Twee source or Twine 2 HTML) or an H5P Branching Scenario "
            "(.h5p package or its content.json) as a scenario: passages or content items become stages, links or "
            "alternatives become choices. Prints one warning line per thing changed or left out."
        ),
    )
    command.add_argument("file", metavar="FILE")
    command.add_argument("-o", "--output", metavar="OUT.yaml", help="where to write the scenario (default: print it)")
    command.add_argument("--force", action="store_true", help="replace OUT.yaml (and pictures beside it) if they exist")
    command.add_argument("--start", metavar="PASSAGE", help="the passage to start from (default: the story's start, else 'Start')")
    command.add_argument("--story", metavar="NAME", help="which story of a Twine archive holding several")
    command.add_argument(
        "--lang",
        metavar="LANG",
        help="the language the texts are written in, a BCP 47 tag such as en, id or pt-BR (default: en; for H5P, the package's language)",
    )
    command.add_argument("--quiet", action="store_true", help="print no warnings")
    command.set_defaults(handler=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    """``tipcase import FILE``: convert a Twine story or H5P Branching Scenario into a scenario, printed or written with -o.

    One warning line per thing changed or left out; exit 2 for a missing file, an existing -o without --force or a bad --lang,
    exit 1 when the file cannot be imported.
    """
    # Imported here, not at the top: every other command would pay for networkx and the validator.
    from tipcase.importers import ImportFailed, import_file, save_imported  # noqa: PLC0415
    from tipcase.importers.languages import language_or_error  # noqa: PLC0415
    from tipcase.importers.story import one_line  # noqa: PLC0415

    input_file(args.file)
    output = Path(args.output) if args.output else None
    if output is not None and output.exists() and not args.force:
        raise UsageError(f"{output} exists; add --force to replace it")
    if output is not None and not output.parent.is_dir():
        raise UsageError(f"{output.parent}: no such folder")
    lang = None
    if args.lang is not None:
        try:
            lang = language_or_error(args.lang)
        except ValueError as exc:
            raise UsageError(f"--lang: {exc}") from None
    try:
        imported = import_file(args.file, story_name=args.story, start=args.start, lang=lang)
    except ImportFailed as exc:
        print(one_line(f"tipcase: error: {exc}"), file=sys.stderr)
        return EXIT_FAILED
    if not args.quiet:
        for note in imported.notes:
            print(note, file=sys.stderr)
    unit = "item" if imported.kind == "h5p" else "passage"
    pictures = counted(len(imported.media), "picture")
    if output is None:
        sys.stdout.write(imported.yaml_text)
        if imported.media:
            print(f"tipcase: {pictures} not written: give -o to write them beside the scenario", file=sys.stderr)
    else:
        try:
            save_imported(imported, output, force=args.force)
        except ImportFailed as exc:
            print(one_line(f"tipcase: error: {exc}"), file=sys.stderr)
            return EXIT_FAILED
    print(
        f"imported {counted(imported.passages, unit)} as {counted(imported.stages, 'stage')} and {counted(imported.choices, 'choice')}, "
        f"{counted(sum(note.more or 1 for note in imported.notes), 'warning')}"  # a note for those not listed counts them all
        + (f"; written to {output}" if output is not None else "")
        + (f" with {pictures} in media/" if output is not None and imported.media else ""),
        file=sys.stderr,
    )
    return EXIT_OK
