"""Indexing a new or changed corpus in a process of its own: reading and parsing the files (on its worker
processes), analysing the texts, building the index and storing it all in the cache database, telling the app
how it goes and handing it the index when built, as `parallel` hands values over (the app need not wait
while it is stored).
The app then loads the corpus from the cache as on any later start – so its memory is that of a later start
(at 100 000 snippets 150 MiB rather than the 420 a build leaves behind), and the build does not share the
app's interpreter with the screen.

    python -m remissdraft.tui.indexing CORPUSMAPP
"""

from __future__ import annotations

import contextlib
import logging
import math
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

from ..locations import user_corpus_dir

if TYPE_CHECKING:
    from ..corpus.store import Corpus
    from ..match.index import SnippetIndex

log = logging.getLogger(__name__)
_PROGRESS, _CORPUS, _INDEX, _WAITING = "progress", "corpus", "index", "waiting"  # what the indexing process tells:
# how it goes, that the corpus is in the cache, the index it built – and, while another one has the cache, that it waits
APART_BYTES = 4 * 2**20  # corpus files to read before indexing takes a process of its own (some 6 000 snippets)
APART_SNIPPETS = 6_000  # and snippets whose index is to be built (their files read before)
SILENCE = 120.0  # seconds without a word from the indexing process before it is taken to hang
_WAIT_TICK = 0.25  # seconds between two tries at the lock of another indexing process (`one_at_a_time`)
_TELL_WAITING = 5.0  # seconds between two words that it still waits (well within SILENCE)


def load_corpus_and_index(corpus_dir: Path | None = None, progress: Callable[[int, int], None] | None = None) -> Corpus:
    """The user's corpus (`corpus_dir`, else the default one) and its index, built and stored when the corpus is
    new or changed (`progress(done, total)` hears how it goes, in snippets) – when there is much to read, or a
    large corpus read before has no index yet (an earlier start's indexing process still at it), in a process of
    its own (`index_apart`), and then loaded from the cache. Needs no session: the app starts it together with
    reading the remiss."""
    from ..corpus import load_corpus, pending_bytes
    from ..match.settings import TERMS  # not the index yet (numpy): the indexing process starts first

    folder = corpus_dir or user_corpus_dir()
    loaded: list[Corpus] = []  # the corpus as the other process stored it, loaded while it builds the index
    built = None
    apart = pending_bytes(folder, analysis=TERMS) >= APART_BYTES
    if apart:
        built = index_apart(folder, progress, lambda: loaded.append(load_corpus(folder, analysis=TERMS)))
    from ..match.index import at_hand, get_index, keep_in_memory

    if built is not None:  # else what it did not do is done below
        keep_in_memory(built)  # used when the corpus loaded is the one it was built for
        progress = None  # what is left is checking the files again: the end has been told
    else:
        loaded.clear()
    corpus = loaded[0] if loaded else load_corpus(folder, progress=progress, analysis=TERMS)
    if not apart and len(corpus.snippets) >= APART_SNIPPETS and not at_hand(corpus.snippets):
        built = index_apart(folder, progress)  # it waits for a running one, then finds the index stored
        if built is not None:
            keep_in_memory(built)
    if corpus.snippets:
        get_index(corpus.snippets, progress=progress)
    return corpus


def index_apart(folder: Path, progress: Callable[[int, int], None] | None = None,
                stored: Callable[[], None] | None = None) -> SnippetIndex | None:
    """Index the corpus in `folder` (and the bundled one) in a new process, relaying its progress (and calling
    `stored` once the corpus is in the cache, while the index is being built): the index it built, or None (when
    it failed, only logged: the caller then does the work itself). The process goes on storing the index after
    it has handed it over."""
    errors = tempfile.TemporaryFile()  # noqa: SIM115 – closed by `_reap`, when the process has ended
    try:
        process = subprocess.Popen(command(folder), stdout=subprocess.PIPE, stderr=errors, stdin=subprocess.DEVNULL)
    except OSError as error:
        errors.close()
        log.debug("indexing apart could not start: %s", error)
        return None
    index = None
    watch = _Watch(process)
    try:
        index = _heard(process.stdout, progress, stored, watch)  # type: ignore[arg-type]  # a pipe: asked for
    finally:
        watch.stop()
        threading.Thread(target=_reap, args=(process, errors), daemon=True).start()
    return index


class _Watch:
    """Ends the process when it has said nothing for `SILENCE` seconds: a hung indexing must not keep the app
    from its suggestions (it then does the work itself)."""

    def __init__(self, process: subprocess.Popen):
        self.heard = time.monotonic()
        self._process = process
        self._stopped = threading.Event()
        threading.Thread(target=self._watch, daemon=True).start()

    def _watch(self) -> None:
        while not self._stopped.wait(min(1.0, SILENCE / 4)):
            if time.monotonic() - self.heard > SILENCE:
                log.debug("indexing apart silent for %s s: ended", SILENCE)
                self._process.kill()
                return

    def stop(self) -> None:
        self._stopped.set()


def _heard(stream: IO[bytes], progress: Callable[[int, int], None] | None, stored: Callable[[], None] | None,
           watch: _Watch) -> SnippetIndex | None:
    """What the process tells (`parallel.send`): its progress, that the corpus is stored, then the index."""
    from .. import parallel
    from ..match import storage

    while True:
        try:
            what, *value = parallel.receive(stream)
        except Exception as error:  # it ended, or told what is no message
            log.debug("indexing apart handed over no index: %r", error)
            return None
        watch.heard = time.monotonic()
        if what == _PROGRESS and progress is not None:
            progress(*value)
        elif what == _CORPUS and stored is not None:
            stored()
        elif what == _INDEX:
            try:
                return storage.unpacked(value[0])
            except ValueError as error:
                log.debug("indexing apart handed over no index: %s", error)
                return None


def _reap(process: subprocess.Popen, errors: IO[bytes]) -> None:
    """Wait for the process (storing the index after handing it over) and note how it ended."""
    with errors:
        code = process.wait()
        if code != 0:
            errors.seek(0)
            log.debug("indexing apart ended with %s: %s", code, errors.read()[-2000:].decode(errors="replace"))


def command(folder: Path) -> list[str]:
    return [sys.executable, "-m", __name__, str(folder)]


def main(argv: list[str]) -> int:
    from .. import parallel
    from ..corpus import load_corpus
    from ..match.settings import TERMS

    def tell(*message: object) -> None:
        with contextlib.suppress(OSError, ValueError):  # the app gone: the work goes on, the cache is still of use
            parallel.send(sys.stdout.buffer, message)

    with one_at_a_time(lambda: tell(_WAITING)):
        corpus = load_corpus(Path(argv[0]), progress=lambda done, total: tell(_PROGRESS, done, total), analysis=TERMS)
        tell(_CORPUS)
        if not corpus.snippets:
            return 0
        from ..match import storage
        from ..match.index import get_index

        built: list[SnippetIndex] = []  # stored once handed over, rather than while
        index = get_index(corpus.snippets, progress=lambda done, total: tell(_PROGRESS, done, total), store=built.append)
        tell(_INDEX, storage.packed(index))
        for new in built:
            storage.store(new)
    store_word_index(corpus)
    return 0


@contextlib.contextmanager
def one_at_a_time(waiting: Callable[[], None] = lambda: None) -> Iterator[None]:
    """Hold the cache database's indexing lock, waiting for another indexing process that holds it (`waiting()`
    is called now and then meanwhile). The app started again while the first start's process still reads and
    stores a new corpus, or a second window on it, would otherwise read the same files beside it – twice the
    time on the same cores – and store them anew under the index it is building. After the wait the corpus and
    its index are in the cache, and little is left to do. The lock goes with the process however it ends;
    where no lock file can be had (or no `fcntl`), nothing waits."""
    try:
        import fcntl

        from .. import cachedb

        lock = cachedb.path().with_name("indexing.lock")
        lock.parent.mkdir(parents=True, exist_ok=True)
        handle = open(lock, "ab")  # noqa: SIM115 – held for the block, closed below
    except (ImportError, OSError):
        yield
        return
    with handle:
        told = -math.inf
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() - told >= _TELL_WAITING:
                    told = time.monotonic()
                    waiting()
                time.sleep(_WAIT_TICK)
            except OSError:  # a file system without locks: go on without
                break
        yield


def store_word_index(corpus: Corpus) -> None:
    """The palette's word index of a new corpus, made and stored after the index is handed over, so that even the
    first search in the app finds it (two seconds at 100 000 snippets, while the user reads the suggestions)."""
    from .. import cachedb
    from ..match import storage
    from ..match.wordsearch import WordIndex, searched_rows

    key = storage.words_key(corpus.snippets)
    if key and not storage.has_words(key):
        with contextlib.suppress(*cachedb.CacheError):  # the database failed: the app makes it when asked
            storage.store_words(key, WordIndex(searched_rows(corpus.snippets)))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
