"""YAML as people write it (block scalars, keys in order, no aliases) and read safely (no aliases, a value that
cannot be built is an error at its line), with PyYAML's problems told in Swedish. Reached through fileio, which
imports this module on first use."""

from __future__ import annotations

import yaml


class _PythonDumper(yaml.SafeDumper):
    """YAML as a person would write it: block scalars for text with line breaks, keys in given order, and no
    anchors or aliases (the loader refuses them)."""

    def ignore_aliases(self, data: object) -> bool:
        return True


class _Dumper(getattr(yaml, "CSafeDumper", _PythonDumper)):  # type: ignore[misc]
    """The same YAML, written by libyaml when PyYAML has it: a tenth of the time, so autosaving a large draft
    does not pause typing (tests/test_fileio_yaml.py checks the two write the same)."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_PythonDumper.add_representer(str, _represent_str)
_Dumper.add_representer(str, _represent_str)


_DUMP_OPTIONS: dict = {"allow_unicode": True, "sort_keys": False, "width": 4096, "default_flow_style": False}


def dump_yaml(data: object) -> str:
    return yaml.dump(data, Dumper=_Dumper, **_DUMP_OPTIONS)


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]  # libyaml's parser where present
    """The safe loader, with a value it cannot build ("2021-02-30", "!!int x") a YAML error at that value's line."""

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, AttributeError, LookupError, OverflowError):
            raise yaml.constructor.ConstructorError(None, None, "unreadable value", node.start_mark) from None


def load_yaml(data: str | bytes) -> object:
    """Safe YAML (plain data only) without aliases: a few lines of nested anchors expand to gigabytes.

    Raises yaml.YAMLError; `yaml_problem` says it in Swedish."""
    if (b"*" in data) if isinstance(data, bytes) else ("*" in data):  # every alias starts with one
        for event in yaml.parse(data, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                raise yaml.MarkedYAMLError(problem="alias", problem_mark=event.start_mark)  # type: ignore[arg-type]
    try:
        return yaml.load(data, Loader=_Loader)
    except RecursionError:
        raise yaml.YAMLError("nesting") from None


# PyYAML's problems (English parser jargon) as a person would put them; the rest is "fel i YAML-syntaxen".
_YAML_PROBLEMS = (
    ("alias", "alias (*namn) stöds inte – skriv ut värdet i stället"),
    ("nesting", "för djupt nästlad"),
    ("unreadable value", "ett värde som inte går att tolka, t.ex. ett datum som inte finns – sätt det inom citattecken"),
    ("maximum nesting depth", "för djupt nästlad"),
    ("mapping values are not allowed", "ett kolon på fel ställe – sätt texten inom citattecken"),
    ("could not find expected ':'", "ett kolon saknas efter en nyckel"),
    ("did not find expected ',' or ']'", "en lista inom [ ] är inte avslutad"),
    ("did not find expected ',' or '}'", "en karta inom { } är inte avslutad"),
    ("did not find expected ','", "en lista eller karta inom hakparentes eller klammer är inte avslutad"),
    ("found unexpected end of stream", "ett citattecken är inte avslutat"),
    ("found character '\\t'", "tabbtecken i indraget – använd mellanslag"),
    ("that cannot start any token", "ett tecken som inte får inleda ett värde (tabb, @ eller `) – använd mellanslag i indrag och sätt texten inom citattecken"),
    ("found unknown escape character", "okänd \\-sekvens i en text inom dubbla citattecken"),
    ("expected <block end>", "indraget stämmer inte"),
    ("did not find expected key", "indraget stämmer inte"),
    ("did not find expected '-' indicator", "indraget i en lista stämmer inte"),
    ("found duplicate anchor", "ett ankare (&namn) förekommer två gånger"),
    ("found undefined alias", "alias (*namn) stöds inte – skriv ut värdet i stället"),
    ("unacceptable character", "filen innehåller otillåtna tecken"),
    ("special characters are not allowed", "filen innehåller otillåtna tecken"),
    ("could not determine a constructor", "en okänd tagg (!…)"),
    ("found unhashable key", "en nyckel som är en lista eller karta"),
    ("expected a single document", "filen innehåller flera YAML-dokument (---)"),
    ("while parsing a block collection", "indraget i en lista stämmer inte"),
)


def yaml_problem(error: yaml.YAMLError) -> str:
    """A YAML error as one Swedish phrase, with its line: "fel i YAML-syntaxen på rad 12: ett kolon saknas"."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    where = f" på rad {mark.line + 1}" if mark is not None else ""
    reason = yaml_reason(error)
    return f"fel i YAML-syntaxen{where}: {reason}" if reason else f"fel i YAML-syntaxen{where}"


def yaml_reason(error: yaml.YAMLError) -> str:
    """The Swedish phrase for what PyYAML found, or "" when it has none (never the file's own text)."""
    if isinstance(error, yaml.MarkedYAMLError):
        said = f"{error.context or ''} {error.problem or ''}"
    else:
        said = str(error)
    return next((swedish for english, swedish in _YAML_PROBLEMS if english in said), "")
