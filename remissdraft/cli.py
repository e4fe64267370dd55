"""The command line: parse arguments, call the layers, print (rich, or JSON with --json)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .errors import RemissdraftError
from .locations import example_remiss
from .model import Remiss, Section
from .remiss import read_remiss

if TYPE_CHECKING:
    from rich.tree import Tree



class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "användning: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse in Swedish."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argument"
        self._optionals.title = "flaggor"
        self.add_argument("-h", "--help", action="help", help="visa den här hjälpen och avsluta")

    def error(self, message: str):
        self.print_usage(sys.stderr)
        translated = (
            message.replace("the following arguments are required", "följande argument krävs")
            .replace("unrecognized arguments", "okända argument")
            .replace("invalid choice", "ogiltigt val")
            .replace("expected one argument", "ett värde krävs")
        )
        self.exit(2, f"{self.prog}: fel: {translated}\n")


def _build_parser() -> _Parser:
    parser = _Parser(
        prog="remissdraft",
        description="Skriv nämndens yttrande över en remiss.\n\n"
        "Utan kommando öppnas remissen (utan fil: den medföljande exempelremissen).",
    )
    parser.add_argument("--version", action="version", version=f"remissdraft {__version__}", help="visa versionen")
    commands = parser.add_subparsers(dest="command", title="kommandon", metavar="KOMMANDO", parser_class=_Parser)

    sections = commands.add_parser(
        "sections",
        help="visa remissens avsnitt och uppgifter",
        description="Visa remissens avsnittsträd och uppgifter (titel, diarienummer, avsändare, sista svarsdag).",
    )
    sections.add_argument("files", nargs="+", metavar="REMISS", type=Path, help="remissen (PDF, DOCX, TXT, MD), gärna med remissbrevet")
    sections.add_argument("--json", action="store_true", help="skriv ut som JSON")
    sections.set_defaults(handler=_sections)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = _build_parser()
    try:
        if argv and (argv[0] in _command_names(parser) or argv[0] in ("-h", "--help", "--version")):
            args = parser.parse_args(argv)
            return args.handler(args)
        return _open(argv)
    except RemissdraftError as error:
        print(f"Fel: {error}", file=sys.stderr)  # one line, never wrapped
        return 1
    except KeyboardInterrupt:
        return 130


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._subparsers._group_actions:  # the one subparsers action
        return set(action.choices)
    return set()


def _open(argv: list[str]) -> int:
    """The main job: open a remiss (no argument: the bundled example). Until the TUI exists: its outline."""
    files = [Path(a) for a in argv if not a.startswith("-")] or example_remiss()
    remiss = read_remiss(files)
    from rich.console import Console

    Console().print(_remiss_tree(remiss))
    return 0


def _sections(args: argparse.Namespace) -> int:
    remiss = read_remiss(args.files)
    if args.json:
        print(json.dumps(remiss.to_dict(), ensure_ascii=False, indent=2))
    else:
        from rich.console import Console

        Console().print(_remiss_tree(remiss))
    return 0


def _remiss_tree(remiss: Remiss) -> Tree:
    from rich.tree import Tree

    facts = [
        ("Diarienummer", remiss.dnr),
        ("Avsändare", remiss.sender),
        ("Sista svarsdag", remiss.deadline.isoformat() if remiss.deadline else ""),
        ("Ange i svaret", remiss.reply_dnr),
        ("Svaret skickas till", remiss.reply_to),
    ]
    tree = Tree(f"[bold]{remiss.title or 'Remiss utan titel'}[/]")
    for label, value in facts:
        if value:
            tree.add(f"[dim]{label}:[/] {value}")
    outline = tree.add(f"[dim]Avsnitt ({sum(1 for _ in remiss.walk())}):[/]")
    if not remiss.sections:
        outline.add("[italic]Inga rubriker hittades[/]")
    for section in remiss.sections:
        _add_section(outline, section)
    return tree


def _add_section(parent: Tree, section: Section) -> None:
    words = sum(len(p.split()) for p in section.paragraphs)
    node = parent.add(f"[bold cyan]{section.number}[/] {section.title} [dim]({words} ord)[/]" if section.number else f"[italic]{section.title}[/] [dim]({words} ord)[/]")
    for child in section.children:
        _add_section(node, child)


if __name__ == "__main__":
    sys.exit(main())
