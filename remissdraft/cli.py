"""The command line: parse arguments, call the layers, print (rich, or JSON with --json)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .errors import RemissdraftError
from .locations import example_remiss, user_corpus_dir
from .model import STANCE_LABELS, Remiss, Section
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

    corpus = commands.add_parser(
        "corpus", help="tidigare ställningstaganden: importera, lista, sök",
        description="Korpusen med ställningstaganden från tidigare yttranden. Den medföljande korpusen läses "
        "alltid (utom med --no-bundled); din egen korpus ligger i --corpus, $REMISSDRAFT_CORPUS eller "
        "programmets datamapp.",
    )
    corpus_commands = corpus.add_subparsers(dest="corpus_command", title="kommandon", metavar="KOMMANDO", parser_class=_Parser, required=True)
    importing = corpus_commands.add_parser(
        "import", help="importera yttranden och tjänsteskrivelser",
        description="Läs yttranden och tjänsteskrivelser (PDF, DOCX, TXT, MD – eller mappar med sådana) och spara "
        "deras ställningstaganden med källa i din korpus. Samma fil två gånger ändrar ingenting.",
    )
    importing.add_argument("files", nargs="+", metavar="FIL|MAPP", type=Path)
    _corpus_option(importing)
    importing.add_argument("--organisation", metavar="O", default="", help="organisation som svarade (annars läst ur dokumentet)")
    importing.add_argument("--namnd", metavar="N", default="", help="nämnd som svarade (annars läst ur dokumentet)")
    importing.add_argument("--dnr", metavar="D", default="", help="yttrandets diarienummer (annars läst ur dokumentet)")
    importing.add_argument("--datum", metavar="ÅÅÅÅ-MM-DD", type=_iso_date, help="yttrandets datum")
    importing.set_defaults(handler=_corpus_import)
    listing = corpus_commands.add_parser("list", help="lista korpusens ställningstaganden", description="Lista korpusens ställningstaganden med ställning och källa.")
    _corpus_option(listing, reading=True)
    listing.set_defaults(handler=_corpus_list, query=None)
    searching = corpus_commands.add_parser("search", help="sök i korpusen", description="Sök bland ställningstagandena (text, ämnen och källa).")
    searching.add_argument("query", metavar="SÖKORD")
    _corpus_option(searching, reading=True)
    searching.set_defaults(handler=_corpus_list)
    return parser


def _corpus_option(parser: argparse.ArgumentParser, reading: bool = False) -> None:
    parser.add_argument("--corpus", metavar="MAPP", type=Path, help="din korpusmapp")
    if reading:
        parser.add_argument("--no-bundled", action="store_true", help="läs inte den medföljande korpusen")
        parser.add_argument("--json", action="store_true", help="skriv ut som JSON")


def _iso_date(value: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"ogiltigt datum '{value}', skriv ÅÅÅÅ-MM-DD") from None


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


def _corpus_import(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.progress import Progress

    from .corpus.importer import expand, import_files
    from .model import Source

    target = args.corpus or user_corpus_dir()
    overrides = Source(organisation=args.organisation, namnd=args.namnd, dnr=args.dnr, datum=args.datum or "")
    files = expand(args.files)
    if not files:
        raise RemissdraftError("inga filer att importera (PDF, DOCX, TXT eller MD)")
    console = Console(stderr=True)
    failures = 0
    with Progress(console=console, transient=True, disable=len(files) < 3) as progress:
        task = progress.add_task("Importerar", total=len(files))
        for path in files:
            try:
                (result,) = import_files([path], target, overrides)
            except RemissdraftError as error:
                failures += 1
                console.print(f"Fel: {error}", highlight=False, soft_wrap=True)
                continue
            finally:
                progress.advance(task)
            positions = sum(1 for s in result.snippets if s.kind == "synpunkt")
            standard = len(result.snippets) - positions
            where = f"→ {result.written.name}" if result.written else "(oförändrad)"
            print(f"{path.name}: {positions} ställningstaganden, {standard} standardtexter {where}")
    print(f"Korpus: {target}")
    return 1 if failures else 0


def _corpus_list(args: argparse.Namespace) -> int:
    from .corpus import load_corpus, search, snippet_dict

    corpus = load_corpus(args.corpus or user_corpus_dir(), bundled=not args.no_bundled)
    for problem in corpus.problems:
        print(f"Varning: {problem}", file=sys.stderr)
    snippets = search(corpus.snippets, args.query, limit=50) if args.query is not None else corpus.snippets
    if args.json:
        print(json.dumps([snippet_dict(s) for s in snippets], ensure_ascii=False, indent=2))
        return 0
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=True, expand=True)
    table.add_column("Ställning", no_wrap=True)
    table.add_column("Ställningstagande och källa")
    for snippet in snippets:
        source = snippet.source
        provenance = " · ".join(part for part in (source.organisation, source.namnd, source.dnr, source.datum) if part)
        kind = "standardtext" if snippet.kind == "standardtext" else STANCE_LABELS[snippet.stance]
        table.add_row(kind, Text(snippet.text).append(f"\n{provenance}", style="dim"))
    console = Console()
    console.print(table)
    console.print(f"{len(snippets)} av {len(corpus.snippets)} ställningstaganden", style="dim")
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
