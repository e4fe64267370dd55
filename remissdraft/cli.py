"""The command line: parse arguments, call the layers, print (rich, or JSON with --json; the `sections` tree as plain
text where rich would draw it without colour)."""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import re
import sys
import warnings
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from . import __version__
from .errors import RemissdraftError, os_message
from .model import STANCE_LABELS, Remiss, Section
from .treetext import Label, Node, plain_width, render

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (3 ms of every start)
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
        """One Swedish line and exit code 2; the usage is in --help."""
        self.exit(2, f"Fel: {self.prog}: {_one_line(_swedish_usage_error(message))} – se ”{self.prog} --help”\n")


# argparse's messages (Python 3.11–3.13), in the order they are tried; %r-quoted values are kept as they are.
_USAGE_ERRORS = (
    (r"the following arguments are required: (.*)", r"följande argument krävs: \1"),
    (r"unrecognized arguments: (.*)", r"okända argument: \1"),
    (r"invalid choice: (.*?) \(choose from (.*)\)", r"ogiltigt val \1 (välj bland \2)"),
    (r"invalid int value: (.*)", r"\1 är inte ett heltal"),
    (r"invalid float value: (.*)", r"\1 är inte ett tal"),
    (r"invalid \S+ value: (.*)", r"ogiltigt värde \1"),
    (r"expected one argument", "ett värde krävs"),
    (r"expected at most one argument", "högst ett värde får anges"),
    (r"expected at least one argument", "minst ett värde krävs"),
    (r"expected (\d+) arguments?", r"\1 värden krävs"),
    (r"not allowed with argument (.*)", r"får inte användas tillsammans med \1"),
    (r"ignored explicit argument (.*)", r"tar inget värde men fick \1"),
    (r"ambiguous option: (\S+) could match (.*)", r"flaggan \1 är tvetydig – den kan vara \2"),
    (r"option '?(\S+?)'? is ambiguous; possible matches: (.*)", r"flaggan \1 är tvetydig – den kan vara \2"),
    (r"one of the arguments (.*) is required", r"ett av argumenten \1 krävs"),
)


def _swedish_usage_error(message: str) -> str:
    """argparse's English error in Swedish; a message already in Swedish (from a type function) is kept."""
    argument, rest = "", message
    prefix = re.match(r"argument (\S+?): (.*)", message, re.DOTALL)
    if prefix:
        argument, rest = f"argumentet {prefix.group(1)}: ", prefix.group(2)
    for english, swedish in _USAGE_ERRORS:
        if re.fullmatch(english, rest, re.DOTALL):
            return argument + re.sub(english, swedish, rest, flags=re.DOTALL)
    if re.search(r"\b(the|invalid|expected|option|error|value|not|is|of)\b", rest):
        return argument + "ogiltigt värde" if argument else "argumenten kunde inte tolkas"  # English we do not know
    return argument + rest  # written by this program (ArgumentTypeError), already Swedish


def _one_line(message: str) -> str:
    return " ".join(message.split())


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

    new = commands.add_parser(
        "new",
        help="skapa ett utkast till tjänsteskrivelse ur en remiss",
        description="Skapa ett utkast (YAML) ur remissen, en mall och din profil: förslag till beslut, "
        "sammanfattning och ärendet ifyllda ur remissen, en plats för synpunkter per remissavsnitt i remissens "
        "ordning och remissens filer som bilagor. Fyll i utkastet och exportera det med ”remissdraft export”.",
    )
    new.add_argument("files", nargs="+", metavar="REMISS", type=Path, help="remissen (PDF, DOCX, TXT, MD), gärna med remissbrevet")
    new.add_argument("--template", metavar="MALL", help="mallens namn eller sökväg (standard: profilens mall, annars nacka-tjansteskrivelse)")
    new.add_argument("--dnr", default="", metavar="DNR", help="ärendets diarienummer hos nämnden, t.ex. ”SOCN 2021/132”")
    new.add_argument("--datum", type=_iso_date, metavar="ÅÅÅÅ-MM-DD", help="tjänsteskrivelsens datum (standard: i dag)")
    new.add_argument("-o", "--output", type=Path, metavar="UTKAST.yaml", help="utkastets fil (standard: remissens utkast i datamappen, samma som programmet öppnar)")
    new.add_argument("--force", action="store_true", help="skriv över en befintlig utkastfil (den gamla sparas som .bak)")
    new.add_argument("--prefill", action="store_true",
                     help="föreslå ett första utkast: för varje remissavsnitt det tidigare ställningstagande som "
                     "passar bäst, som förslag att godta, ändra eller avvisa (förslag exporteras aldrig ogranskade)")
    new.add_argument("--corpus", metavar="MAPP", type=Path, help="din korpusmapp att föreslå ur med --prefill (standard: som för suggest; den medföljande korpusen läses alltid)")
    new.set_defaults(handler=_new)

    export = commands.add_parser(
        "export",
        help="skapa tjänsteskrivelsen som Word-dokument (.docx)",
        description="Skapa Word-dokumentet ur ett utkast, med mallens sidhuvud och brevfot (eller med "
        "organisationens egen Word-mall, se ”remissdraft templates add”). Ifyllnadsfält som {namnd} fylls i ur "
        "utkastet och din profil som den är nu. Återanvänd text får en kommentar som anger källan. Är obligatoriska "
        "avsnitt tomma skapas ingen fil (utom med --ignore-required), och en befintlig fil skrivs inte över (utom "
        "med --overwrite).",
    )
    export.add_argument("draft", type=Path, metavar="UTKAST.yaml", help="utkastet")
    export.add_argument("-o", "--output", type=Path, metavar="UT.docx", help="dokumentets fil (standard: namn av diarienummer och titel, bredvid remissen – eller i mappen Dokument, som i programmet)")
    export.add_argument("--overwrite", action="store_true", help="skriv över en befintlig fil")
    export.add_argument("--ignore-required", action="store_true", help="exportera trots tomma obligatoriska avsnitt")
    export.add_argument("--no-comments", action="store_true", help="utan kommentarer om varifrån återanvänd text kommer (slutlig version)")
    export.add_argument("--force", action="store_true", help="föråldrad: samma som --overwrite --ignore-required")
    export.set_defaults(handler=_export)

    templates = commands.add_parser(
        "templates",
        help="lista mallarna, eller lägg till en egen från organisationens Word-mall",
        description="Lista mallarna för tjänsteskrivelser och yttranden: de medföljande och dina egna i "
        "programmets inställningsmapp (undermappen templates). Med ”add” görs en egen mall av organisationens "
        "Word-dokument eller Word-mall (.docx, .dotx) – dess stilar, typsnitt, marginaler, sidhuvud, sidfot och "
        "logotyp – och en befintlig malls avsnitt.",
    )
    templates.add_argument("--json", action="store_true", help="skriv ut som JSON")
    templates.set_defaults(handler=_templates)
    template_commands = templates.add_subparsers(dest="templates_command", title="kommandon", metavar="KOMMANDO", parser_class=_Parser)
    adding = template_commands.add_parser(
        "add", help="gör en egen mall av organisationens Word-mall",
        description="Gör en egen mall av organisationens Word-dokument eller Word-mall (.docx, .dotx) och en "
        "befintlig malls avsnitt. Word-filen kopieras till inställningsmappen. Skriv {dnr}, {datum}, {namnd}, "
        "{handlaggare} eller {dokumenttyp} i Word-filens sidhuvud där värdena ska stå (eller använd innehållskontroller "
        "med de namnen); det remissdraft annars skriver i sidhuvudet läggs till bara om Word-filens sidhuvud inte "
        "redan visar det.",
    )
    adding.add_argument("reference", type=Path, metavar="ORG.docx", help="organisationens Word-dokument eller Word-mall")
    adding.add_argument("--from", dest="base", required=True, metavar="MALL", help="mallen vars avsnitt används, t.ex. nacka-tjansteskrivelse")
    adding.add_argument("--name", default="", metavar="NAMN", help="den nya mallens namn (standard: Word-filens namn)")
    adding.set_defaults(handler=_templates_add)

    profile = commands.add_parser(
        "profile",
        help="visa eller ändra din profil",
        description="Visa din profil (namn, titel, enhet, nämnd, organisation, mall och chefen som skriver under). "
        "Med flaggor sparas de angivna uppgifterna. Profilen ligger i programmets inställningsmapp "
        "($REMISSDRAFT_CONFIG_DIR om den är satt).",
    )
    for flag, helptext in (
        ("--name", "ditt namn"),
        ("--title", "din titel, t.ex. ”Kvalitetsutvecklare”"),
        ("--unit", "din enhet, t.ex. ”Omsorgsenheten”"),
        ("--namnd", "nämnden, t.ex. ”Socialnämnden”"),
        ("--organisation", "organisationen, t.ex. ”Nacka kommun”"),
        ("--template", "mallen som ”new” använder"),
        ("--chef-name", "chefens namn (andra underskriften)"),
        ("--chef-title", "chefens titel"),
        ("--chef-unit", "chefens enhet"),
    ):
        profile.add_argument(flag, metavar="TEXT", help=helptext)
    profile.add_argument("--json", action="store_true", help="skriv ut som JSON")
    profile.set_defaults(handler=_profile)

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

    suggesting = commands.add_parser(
        "suggest",
        help="föreslå tidigare ställningstaganden för ett avsnitt",
        description="Rangordna korpusens ställningstaganden för ett avsnitt i remissen, bäst först, "
        "med orden som matchade. Avsnittet anges med nummer (3.1) eller början av rubriken (Styrande nivå).",
    )
    suggesting.add_argument("files", nargs="+", metavar="REMISS", type=Path, help="remissen (PDF, DOCX, TXT, MD)")
    suggesting.add_argument("--section", required=True, metavar="AVSNITT", help="avsnittets nummer eller rubrikens början")
    _corpus_option(suggesting, reading=True)
    suggesting.add_argument("--top", type=int, default=10, metavar="N", help="antal förslag (standard 10)")
    suggesting.add_argument("--stance", type=_stance, metavar="X",
                            help="bara en ställning: positiv, kritisk, förbehåll, förtydligande eller neutral")
    suggesting.add_argument("--all", action="store_true",
                            help="visa även svaga träffar, under relevansgränsen (markerade som svaga)")
    suggesting.set_defaults(handler=_suggest)
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
    """Run one command. Whatever goes wrong reaches the user as one Swedish line on stderr and exit code 1
    (2 for usage errors); REMISSDRAFT_DEBUG=1 shows the traceback of an unexpected error instead."""
    if argv is not None:
        return _main(argv)
    # Run as the program: what the imports made lives until exit, so the collector's passes during the run
    # (four full ones while `sections` reads a 40-page PDF) need not walk it again and again.
    gc.freeze()
    code = _main(sys.argv[1:])
    # Run as the program, the process ends here: what is left lives until exit, and the collector's last passes
    # over it (a tenth of a short `sections` run) are spared. Files are closed by then; stdout is flushed at exit.
    gc.freeze()
    return code


def _main(argv: list[str]) -> int:
    argv = list(argv)
    debug = bool(os.environ.get("REMISSDRAFT_DEBUG"))
    plain = _plain_sections_args(argv)
    if not debug:
        _quiet_libraries(logging_too=plain is None)
    try:
        if plain is not None:
            return _sections(plain)
        parser = _build_parser()
        commands = _command_names(parser)
        if argv and (argv[0] in commands or argv[0] in ("-h", "--help", "--version")):
            args = parser.parse_args(argv)
            return args.handler(args)
        return _open(argv, commands)
    except RemissdraftError as error:
        _fail(str(error))
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader of our output went away (| head): nothing more to say
        _discard_stdout()
        return 1
    # Last resort: every known case raises RemissdraftError above; this keeps an unforeseen one to one line.
    except Exception as error:  # MemoryError included
        if debug:
            raise
        _fail(_unforeseen(error))
        return 1


def _plain_sections_args(argv: list[str]) -> argparse.Namespace | None:
    """`sections REMISS ... [--json]` in its plain form (files, with --json before or after them), as the parser
    would read it, without building the parser (about a tenth of a short run); anything else is left to it."""
    if len(argv) < 2 or argv[0] != "sections":
        return None
    words = argv[1:]
    start, end = 0, len(words)
    while start < end and words[start] == "--json":
        start += 1
    while end > start and words[end - 1] == "--json":
        end -= 1
    files = words[start:end]
    if not files or any(not word or word.startswith("-") for word in files):
        return None
    return argparse.Namespace(command="sections", files=[Path(word) for word in files], json=len(files) < len(words),
                              handler=_sections)


def _unforeseen(error: Exception) -> str:
    if isinstance(error, OSError):
        return os_message(error)
    if isinstance(error, MemoryError):
        return "minnet räckte inte till"
    return "ett oväntat fel inträffade – kör igen med REMISSDRAFT_DEBUG=1 för att se detaljerna"


def _fail(message: str) -> None:
    print(f"Fel: {_one_line(message)}", file=sys.stderr)  # one line, never wrapped


def _warn(message: str) -> None:
    """A part of a file that could not be read (the rest was): one line on stderr."""
    print(f"Obs: {_one_line(message)}", file=sys.stderr)


def _quiet_libraries(logging_too: bool = True) -> None:
    """Libraries' own English (logging's last resort, Python warnings) never reaches the user's terminal, and
    a character the terminal cannot show is replaced rather than ending the command. `sections` loads no library
    that logs (PDFium is called through ctypes; python-docx and rapidfuzz do not log), so logging, 5 ms of its
    start, is left out there (tests/test_reader_imports.py keeps it so)."""
    if logging_too:
        import logging

        root = logging.getLogger()
        if not any(isinstance(handler, logging.NullHandler) for handler in root.handlers):
            root.addHandler(logging.NullHandler())
    warnings.simplefilter("ignore")
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")


def _discard_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    group = parser._subparsers
    for action in group._group_actions if group is not None else []:  # the one subparsers action
        return set(action.choices or ())
    return set()


def _open(argv: list[str], commands: Iterable[str] = ()) -> int:
    """The main job: open the remiss in the TUI (no file: the bundled example remiss). A first word that is no
    file but looks like a mistyped command is told so."""
    from .locations import example_remiss, user_corpus_dir

    parser = _Parser(prog="remissdraft", description="Öppna remissen och skriv yttrandet.")
    parser.add_argument("files", nargs="*", metavar="REMISS", type=Path, help="remissen, gärna med remissbrevet")
    parser.add_argument("--draft", type=Path, metavar="UTKAST.yaml", help="utkastet att fortsätta med (annars remissens eget)")
    parser.add_argument("--corpus", type=Path, metavar="MAPP", help="din korpusmapp")
    args = parser.parse_args(argv)
    files = args.files or example_remiss()
    from .corpus.store import check_corpus_dir
    from .errors import DraftError
    from .fileio import is_missing, regular_file
    from .remiss import check_file

    if args.files and is_missing(args.files[0]) and not args.files[0].suffix:
        import difflib

        close = difflib.get_close_matches(str(args.files[0]), sorted(commands), n=1, cutoff=0.6)
        if close:
            raise RemissdraftError(f"{args.files[0]}: varken en fil eller ett kommando – menade du ”remissdraft {close[0]}”?")
    for path in files:  # before the screen takes over, so that a wrong path is one plain line
        check_file(path)
    if args.draft is not None and not is_missing(args.draft):  # a missing draft is made
        regular_file(args.draft, DraftError)
    check_corpus_dir(args.corpus or user_corpus_dir())
    from .tui import run

    return run(files, args.draft, args.corpus)


def _read(files: list[Path]) -> Remiss:
    """The remiss of these files, the readers imported now (the app, started from here, needs none of them)."""
    from .remiss import read_remiss

    return read_remiss(files, warn=_warn)


def _sections(args: argparse.Namespace) -> int:
    remiss = _read(args.files)
    if args.json:
        import json

        print(json.dumps(remiss.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_tree(_remiss_outline(remiss))
    return 0


def _new(args: argparse.Namespace) -> int:
    from .draft import DEFAULT_TEMPLATE, load_profile, load_template, new_draft, save_draft
    from .errors import DraftError
    from .locations import default_draft_path

    profile = load_profile()
    template = load_template(args.template or profile.template or DEFAULT_TEMPLATE)
    remiss = _read(args.files)
    draft = new_draft(remiss, template, profile, dnr=args.dnr, datum=date.fromisoformat(args.datum) if args.datum else None)
    target = args.output or default_draft_path(args.files)  # the draft the app opens for this remiss
    if os.path.exists(target) and not args.force:
        raise DraftError(f"{target} finns redan – välj ett annat namn med -o eller skriv över med --force")
    proposals = _prefill(draft, remiss, profile, args.corpus) if args.prefill else None
    target.parent.mkdir(parents=True, exist_ok=True)
    save_draft(draft, target)
    print(f"Utkast skapat: {target}")
    print(f"Mall: {template.name} – {len(draft.synpunkter)} remissavsnitt att lämna synpunkter på")
    if proposals is not None:
        print(f"Förslag: {proposals} av {len(draft.synpunkter)} avsnitt har fått ett tidigare ställningstagande att granska"
              if proposals else "Förslag: inget tidigare ställningstagande passar säkert nog – inga förslag")
    if not profile.namnd or not profile.name:
        print("Obs: profilen saknar nämnd eller namn – ange dem med ”remissdraft profile --namnd … --name …”", file=sys.stderr)
    if not args.dnr:
        print("Obs: inget diarienummer angivet (--dnr) – fyll i ”dnr” i utkastet före export", file=sys.stderr)
    return 0


def _prefill(draft, remiss: Remiss, profile, corpus_dir: Path | None) -> int:
    """Place first-draft proposals from the corpus (bundled and the user's); returns how many."""
    from .corpus import load_corpus
    from .draft.proposals import propose
    from .locations import user_corpus_dir
    from .match import Matcher
    from .match.settings import TERMS

    corpus = load_corpus(corpus_dir or user_corpus_dir(), analysis=TERMS)
    for problem in corpus.problems:
        print(f"Varning: {problem}", file=sys.stderr)
    if not corpus.snippets:
        return 0
    return propose(draft, remiss, Matcher(corpus.snippets, organisation=profile.organisation, namnd=profile.namnd))


def _export(args: argparse.Namespace) -> int:
    from .draft import load_draft, load_template
    from .export import export_docx, visible_output_path

    if args.force:
        print("Obs: --force är föråldrad och tas bort – använd --overwrite och/eller --ignore-required", file=sys.stderr)
    draft = load_draft(args.draft)
    template = load_template(draft.template)
    output = args.output
    if output is None:  # where the app would put it: next to the remiss, else the Documents folder
        output = visible_output_path(draft)
        with contextlib.suppress(OSError):  # the Documents folder may not be there yet; if it cannot be made, export says so
            output.parent.mkdir(parents=True, exist_ok=True)
    result = export_docx(draft, template, output, overwrite=args.overwrite or args.force,
                         ignore_required=args.ignore_required or args.force, comments=not args.no_comments)
    for warning in result.warnings:
        print(f"Obs: {warning}", file=sys.stderr)
    note = f" ({result.comments} kommentarer om återanvänd text)" if result.comments else ""
    print(f"Exporterat: {result.path}{note}")
    return 0


def _templates(args: argparse.Namespace) -> int:
    from .draft import list_templates
    from .draft.templates import user_template_dir

    found = list_templates()
    own = user_template_dir()
    if args.json:
        rows = [{"id": t.id, "name": t.name, "label": t.label, "organisation": t.organisation, "description": t.description,
                 "sections": [s.heading for s in t.sections], "path": str(t.path),
                 "reference_docx": str(t.reference_docx) if t.reference_docx else None,
                 "user": bool(t.path and t.path.parent == own)} for t in found]
        import json

        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    table.add_column("Mall", no_wrap=True)
    table.add_column("Dokument", no_wrap=True)
    table.add_column("Namn")
    for template in found:
        mine = " (egen)" if template.path and template.path.parent == own else ""
        table.add_row(f"[bold]{template.id}[/]", template.label, f"{template.name}{mine}")
    Console().print(table)
    return 0


def _templates_add(args: argparse.Namespace) -> int:
    from .draft import load_profile
    from .draft.templates import add_user_template
    from .export.reference import inspect_reference

    summary = inspect_reference(args.reference)  # a file the export cannot use is refused before anything is saved
    template = add_user_template(args.reference, args.base, args.name, organisation=load_profile().organisation,
                                 own_footer=summary.footer)
    print(f"Mall skapad: {template.path}")
    mapped = ", ".join(f"{original} → {role}" for role, original in summary.styles.mapped.items())
    print(f"Word-filens stilar: {mapped or 'Words egna namn'}; sidhuvud {'från Word-filen' if summary.header else 'från mallen'}, "
          f"sidfot {'från Word-filen' if summary.footer else 'från mallen'}")
    print(f"Använd den med: remissdraft new REMISS --template {template.id} (eller remissdraft profile --template {template.id})")
    return 0


def _profile(args: argparse.Namespace) -> int:
    from .draft import load_profile, load_template, update_profile
    from .locations import profile_path

    keys = ("name", "title", "unit", "namnd", "organisation", "template", "chef_name", "chef_title", "chef_unit")
    changes = {key: getattr(args, key) for key in keys if getattr(args, key) is not None}
    if changes.get("template"):
        load_template(changes["template"])  # an unknown template is refused before anything is saved
    profile = update_profile(**changes) if changes else load_profile()
    if args.json:
        data = {key: getattr(profile, key) for key in keys[:6]} | {"chef": profile.chef.to_dict()}
        import json

        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    rows = (
        ("Namn", profile.name), ("Titel", profile.title), ("Enhet", profile.unit), ("Nämnd", profile.namnd),
        ("Organisation", profile.organisation), ("Mall", profile.template),
        ("Chef", ", ".join(part for part in (profile.chef.name, profile.chef.title, profile.chef.unit) if part)),
    )
    if changes:
        print(f"Profilen sparad: {profile_path()}")
    for label, value in rows:
        print(f"{label + ':':<14}{value or '–'}")
    return 0


def _stance(value: str) -> str | None:
    from .match import normalize_stance

    try:
        return normalize_stance(value)
    except RemissdraftError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _suggest(args: argparse.Namespace) -> int:
    from .corpus import load_corpus
    from .draft import load_profile
    from .locations import user_corpus_dir
    from .match import Matcher, find_section, suggest
    from .match.settings import TERMS

    remiss = _read(args.files)
    section = find_section(remiss, args.section)
    corpus = load_corpus(args.corpus or user_corpus_dir(), bundled=not args.no_bundled, analysis=TERMS)
    for problem in corpus.problems:
        print(f"Varning: {problem}", file=sys.stderr)
    if not corpus.snippets:
        hits = suggest(remiss, section, [], top=args.top, stance=args.stance)  # checks the arguments all the same
        matcher = None
    else:
        profile = load_profile()
        matcher = Matcher(corpus.snippets, organisation=profile.organisation, namnd=profile.namnd)
        hits = matcher.suggest(remiss, section, top=args.top, stance=args.stance, include_weak=args.all)
    if args.json:
        import json

        print(json.dumps([hit.to_dict(with_weak=args.all) for hit in hits], ensure_ascii=False, indent=2))
        return 0
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    console.print(f"[bold]{section.label}[/]", highlight=False)
    if matcher is None:
        console.print("Korpusen är tom – importera yttranden med: remissdraft corpus import FIL", style="dim")
        return 0
    if not hits:
        console.print("Inget tidigare ställningstagande passar avsnittet (--all visar även svaga träffar).", style="dim")
        _print_fallback(console, matcher.fallback(remiss))
        return 0
    table = Table(show_lines=True, expand=True)
    table.add_column("Passar", justify="right", no_wrap=True)
    table.add_column("Ställning", no_wrap=True)
    table.add_column("Ställningstagande och källa")
    for hit in hits:
        text = Text(hit.snippet.text, style="dim" if hit.weak else "")
        for term in hit.matched_terms:
            text.highlight_regex(rf"(?i)(?<!\w){re.escape(term)}(?!\w)", style="bold")
        source = hit.snippet.source
        provenance = " · ".join(p for p in (source.organisation, source.namnd, source.dnr, source.datum, source.title, source.section) if p)
        if hit.similar:
            provenance += f" · {len(hit.similar)} liknande"
        text.append(f"\n{provenance}", style="dim")
        fit = f"{hit.confidence:.0%}" + (" svag" if hit.weak else "")
        table.add_row(fit, STANCE_LABELS.get(hit.snippet.stance, hit.snippet.stance), text)
    console.print(table)
    return 0


def _print_fallback(console, fallback) -> None:
    """What a section nothing fits is offered instead, each kind under its own heading."""
    if fallback.general:
        console.print("\n[bold]Ställningstaganden om remissen som helhet[/]")
        for hit in fallback.general:
            source = hit.snippet.source
            where = " · ".join(p for p in (source.organisation, source.namnd, source.dnr) if p)
            console.print(f"• {hit.snippet.text}", highlight=False)
            console.print(f"  {where}", style="dim", highlight=False)
    if fallback.standard:
        console.print("\n[bold]Standardsvar[/]")
        for snippet in fallback.standard:
            console.print(f"• {snippet.text}", highlight=False)


def _corpus_import(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.progress import Progress

    from .corpus.importer import describe, expand, import_files, summarize
    from .corpus.store import check_corpus_dir
    from .locations import user_corpus_dir
    from .model import Source

    target = args.corpus or user_corpus_dir()
    check_corpus_dir(target)
    overrides = Source(organisation=args.organisation, namnd=args.namnd, dnr=args.dnr, datum=args.datum or "")
    files = expand(args.files)
    if not files:
        raise RemissdraftError("inga filer att importera (PDF, DOCX, TXT eller MD)")
    console = Console(stderr=True)
    failures = 0
    results = []
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
            results.append(result)
            for line in describe(result):
                print(line)
            for warning in result.warnings:
                print(f"  Obs: {warning}")
    if len(files) > 1:
        print(summarize(results, failures))
    print(f"Korpus: {target}")
    nothing = not any(result.documents for result in results)
    return 1 if failures or nothing else 0


def _corpus_list(args: argparse.Namespace) -> int:
    from .corpus import load_corpus, search
    from .locations import user_corpus_dir

    corpus = load_corpus(args.corpus or user_corpus_dir(), bundled=not args.no_bundled)
    for problem in corpus.problems:
        print(f"Varning: {problem}", file=sys.stderr)
    snippets = search(corpus.snippets, args.query, limit=50) if args.query is not None else corpus.snippets
    if args.json:
        import json

        print(json.dumps([s.to_dict() for s in snippets], ensure_ascii=False, indent=2))
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


def _remiss_outline(remiss: Remiss) -> Node:
    """The tree `sections` prints: title, facts, then the sections with their word counts."""
    facts = [
        ("Diarienummer", remiss.dnr),
        ("Avsändare", remiss.sender),
        ("Sista svarsdag", remiss.deadline.isoformat() if remiss.deadline else ""),
        ("Ange i svaret", remiss.reply_dnr),
        ("Svaret skickas till", remiss.reply_to),
    ]
    root = Node(Label([("bold", remiss.title or "Remiss utan titel")]))
    for label, value in facts:
        if value:
            root.add(("dim", f"{label}:"), ("", f" {value}"))
    outline = root.add(("dim", f"Avsnitt ({sum(1 for _ in remiss.walk())}):"))
    if not remiss.sections:
        outline.add(("italic", "Inga rubriker hittades"))
    for section in remiss.sections:
        _add_section(outline, section)
    return root


def _add_section(parent: Node, section: Section) -> None:
    words = sum(len(p.split()) for p in section.paragraphs)
    count = ("dim", f"({words} ord)")
    if section.number:
        node = parent.add(("bold cyan", section.number), ("", f" {section.title} "), count)
    else:
        node = parent.add(("italic", section.title), ("", " "), count)
    for child in section.children:
        _add_section(node, child)


def _print_tree(root: Node) -> None:
    """Print the tree with rich, or as rich would print it without colour (a pipe, a file) without loading rich."""
    width = plain_width(sys.stdout)
    text = render(root, width) if width is not None else None
    if text is not None:
        sys.stdout.write(text)
        return
    from rich.console import Console

    Console().print(_rich_tree(root))


def _rich_tree(node: Node, parent: Tree | None = None) -> Tree:
    from rich.tree import Tree

    tree = Tree(node.label.markup) if parent is None else parent.add(node.label.markup)
    for child in node.children:
        _rich_tree(child, tree)
    return tree


if __name__ == "__main__":
    sys.exit(main())
