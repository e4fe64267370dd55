"""A fast path for reading corpus files: yaml-rs (Rust, about six times faster than libyaml through PyYAML) where
it gives exactly what PyYAML gives, else nothing – and the caller reads the file with PyYAML (`fileio.load_yaml`),
which is also what names the line of any error.

yaml-rs follows YAML 1.2, PyYAML 1.1: a plain `yes`, `0777`, `1e3`, `12:30` or `2021-04-27` reads differently,
tags are ignored rather than refused, and several documents are a list instead of an error. So a result is used
only when
* the text holds nothing PyYAML treats apart: no tags, directives, tabs, carriage returns, control characters,
  byte order mark, or the line breaks YAML 1.1 knows and 1.2 does not;
* yaml-rs made it without an alias (anchors are plain values in both; an alias is refused, as `load_yaml` does),
  a duplicate key or a key that is not a text, as one document with a list of snippets;
* it is called on a process's main thread (the command line, the worker processes that parse a large corpus
  for the app): yaml-rs 0.1 crashed a process that called it from a second thread after the first had ended;
* every value is a text or empty (a number or a truth value may have been written in a form the two read
  differently; only a top-level `schema: 1` is let through) – and every text PyYAML would read as something else if it were unquoted (a date, `yes`,
  a number) is quoted wherever it occurs in the file.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable
from typing import Any

import yaml

_STR = "tag:yaml.org,2002:str"
_RESOLVERS = {
    first: [regexp for tag, regexp in resolvers if tag != _STR]
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}
FIRST = frozenset(_RESOLVERS)  # the first characters of what PyYAML reads as something else than a text
_APART = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_TAG_AFTER = frozenset(" \n[{,")
_DEPTH = 5  # document > snippets > snippet > source or topics > value


class _Declined(Exception):
    pass


def load_corpus_document(data: bytes) -> dict | None:
    """The document of a corpus file as PyYAML would load it, or None when this path cannot be sure of that."""
    parsed = parse(data)
    if parsed is None:
        return None
    document, text = parsed
    ambiguous: set[str] = set()
    try:
        for key, value in document.items():
            _check(key, 1, ambiguous)
            if not (isinstance(value, int) and not isinstance(value, bool) and _plain_number(text, key, value)):
                _check(value, 1, ambiguous)
    except _Declined:
        return None
    return document if all_quoted(data, ambiguous) else None


def parse(data: bytes) -> tuple[dict, str] | None:
    """yaml-rs's document and the file's text, when the text holds nothing PyYAML treats apart and yaml-rs
    made one document with a list of snippets of it; else None. The values are not checked yet: see
    `load_corpus_document`, or `ambiguous` and `all_quoted` for a caller that checks them as it goes."""
    if threading.current_thread() is not threading.main_thread():
        return None  # yaml-rs 0.1 has crashed the process when called from a thread other than the one that ran it first
    loads = rust_loads()
    if loads is None:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if _APART.search(text) or text.startswith("%") or "\n%" in text or _has_tag(text):
        return None
    try:
        document = loads(text)
    except Exception:
        return None
    if not isinstance(document, dict) or not isinstance(document.get("snippets"), list):
        return None
    return document, text


def top_level_checked(document: dict, text: str, ambiguous: set[str]) -> bool:
    """Whether the document's keys, and its values other than the snippets, are read alike (collecting texts to
    be quoted in `ambiguous`)."""
    try:
        for key, value in document.items():
            _check(key, 1, ambiguous)
            if key != "snippets" and not (isinstance(value, int) and not isinstance(value, bool) and _plain_number(text, key, value)):
                _check(value, 1, ambiguous)
    except _Declined:
        return False
    return True


def ambiguous(value: str) -> bool:
    """Whether PyYAML would read this text, written unquoted, as something else (a date, a number, yes …)."""
    return bool(value) and value[0] in _RESOLVERS and any(regexp.match(value) for regexp in _RESOLVERS[value[0]])


def all_quoted(data: bytes, texts: set[str]) -> bool:
    """Whether every one of these texts is quoted wherever it occurs in the file."""
    for value in texts:
        raw = value.encode("utf-8")
        if data.count(raw) != data.count(b"'" + raw + b"'") + data.count(b'"' + raw + b'"'):
            return False
    return True


@functools.cache
def rust_loads() -> Callable[[str], Any] | None:
    """yaml-rs's reader, refusing aliases, imported when a file is first parsed (a corpus loaded from the cache
    needs none, and the import costs 13 ms of the app's start); None without yaml-rs: it is an optional speed-up,
    PyYAML reads every file all the same."""
    try:
        import yaml_rs
    except ImportError:
        return None
    return functools.partial(yaml_rs.loads, parse_datetime=False,
                             alias_limits=yaml_rs.AliasLimits(max_total_replayed_events=0))


def _plain_number(text: str, key: object, value: int) -> bool:
    """A top-level number written in its plain decimal form (`schema: 1`), which both read alike."""
    line = f"{key}: {value}\n"
    return isinstance(key, str) and (text.startswith(line) or f"\n{line}" in text)


def _has_tag(text: str) -> bool:
    """A `!` where a tag may start: at the start of a line or after a space, `[`, `{` or `,`."""
    start = text.find("!")
    while start >= 0:
        if start == 0 or text[start - 1] in _TAG_AFTER:
            return True
        start = text.find("!", start + 1)
    return False


def _check(value: Any, depth: int, ambiguous: set[str]) -> None:
    """Raise _Declined for anything PyYAML might read otherwise; collect the texts it would read otherwise unquoted.
    (A loop per level rather than a call per value: a large file has half a million values.)"""
    kind = type(value)
    if kind is str:
        if value and value[0] in _RESOLVERS and any(regexp.match(value) for regexp in _RESOLVERS[value[0]]):
            ambiguous.add(value)
        return
    if value is None:
        return
    if depth >= _DEPTH or kind not in (dict, list):
        raise _Declined
    if kind is dict:
        items = value.items()
        for key, _ in items:
            if type(key) is not str:
                raise _Declined
            if key not in _CHECKED_KEYS:
                _check(key, depth, ambiguous)
        values = [item for _, item in items]
    else:
        values = value
    nested = []
    for item in values:
        kind = type(item)
        if kind is str:
            if item and item[0] in _RESOLVERS and any(regexp.match(item) for regexp in _RESOLVERS[item[0]]):
                ambiguous.add(item)
        elif kind is dict or kind is list:
            nested.append(item)
        elif item is not None:
            raise _Declined
    for item in nested:
        _check(item, depth + 1, ambiguous)


_CHECKED_KEYS = frozenset(("schema", "snippets", "id", "text", "original", "stance", "topics", "kind", "section_key", "source",
                           *(name for name in ("organisation", "namnd", "dnr", "datum", "title", "section", "remiss_dnr", "file"))))
