"""Large jobs on two cores: worker processes of our own (`python -m remissdraft.parallel MODULE:FUNCTION`), each
handed a share of the batches through a pipe and answering batch by batch (parsing corpus files, analysing texts);
and a `Worker` given jobs one at a time (`python -m remissdraft.parallel --jobs MODULE`: half the numbering and
the term tables of a large index, while the caller builds the rest).

Plain subprocesses rather than `multiprocessing`: they neither import the caller's main script again nor fork a
process that runs threads (the app's). Standard library only.
"""

from __future__ import annotations

import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import suppress
from typing import IO, Any, TypeVar

_HEADER = struct.Struct("<Q")
_Batch = TypeVar("_Batch")


def workers() -> int:
    """How many worker processes pay: two on a machine with two cores or more, none when switched off."""
    if os.environ.get("REMISSDRAFT_NO_WORKERS"):
        return 0
    return 2 if (os.cpu_count() or 1) >= 2 else 0


def map_batches(function: Callable[[_Batch], Any], batches: Sequence[_Batch], count: int = 2) -> Iterator[Any]:
    """`function(batch)` for each batch, in order, run by `count` worker processes (the function must be a
    module-level one of remissdraft). The workers start at once, so the caller may do other work before it asks
    for the first result. Should a worker fail to start or die, what it had not done is run here."""
    batches = list(batches)
    processes, found = _start(function, batches, count)
    return _results(function, batches, processes, found)


def _start(function: Callable, batches: list, count: int) -> tuple[list[subprocess.Popen], queue.Queue]:
    """The worker processes, each fed its share of the batches, and the queue their results arrive on."""
    target = f"{function.__module__}:{function.__qualname__}"
    shares = [list(range(number, len(batches), count)) for number in range(count)]
    found: queue.Queue = queue.Queue()
    processes = []
    for share in shares:
        if not share:
            continue
        try:
            process = subprocess.Popen([sys.executable, "-m", __name__, target], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                       stderr=subprocess.DEVNULL)
        except OSError:
            continue
        processes.append(process)
        _widen(process)
        threading.Thread(target=_feed, args=(process, [batches[index] for index in share]), daemon=True).start()
        threading.Thread(target=_collect, args=(process, share, found), daemon=True).start()
    return processes, found


def _results(function: Callable, batches: list, processes: list[subprocess.Popen], found: queue.Queue) -> Iterator[Any]:
    results: dict[int, list] = {}
    running = len(processes)
    try:
        for index in range(len(batches)):
            while index not in results and running:
                position, value = found.get()
                if position is None:
                    running -= 1
                else:
                    results[position] = value
            yield results.pop(index) if index in results else function(batches[index])
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
            process.wait()


def _widen(process: subprocess.Popen) -> None:
    """A wider answer pipe (Linux: 1 MiB rather than 64 KiB): a worker blocks less often, waiting for this process
    to read, while this process is busy elsewhere (storing the last batch, drawing the app)."""
    with suppress(OSError, ValueError, AttributeError):
        import fcntl

        fcntl.fcntl(process.stdout.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), _PIPE_BYTES)  # type: ignore[union-attr]


_PIPE_BYTES = 2**20  # what an unprivileged process may ask for (/proc/sys/fs/pipe-max-size)


def _feed(process: subprocess.Popen, batches: list) -> None:
    try:
        assert process.stdin is not None
        pickle.dump(batches, process.stdin, protocol=pickle.HIGHEST_PROTOCOL)
        process.stdin.close()
    except (OSError, ValueError):
        pass


def _collect(process: subprocess.Popen, share: list[int], found: queue.Queue) -> None:
    try:
        assert process.stdout is not None
        for position in share:
            found.put((position, receive(process.stdout)))
    except Exception:
        pass
    finally:
        found.put((None, None))


def send(stream: IO[bytes], value: Any) -> None:
    """One value to another process of remissdraft through a pipe (`receive`): its pickle, after its length."""
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)))
    stream.write(data)
    stream.flush()


def receive(stream: IO[bytes]) -> Any:
    """The next value `send` wrote; EOFError when the stream ends before it."""
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        raise EOFError("the stream ended")
    (size,) = _HEADER.unpack(header)
    data = stream.read(size)
    if len(data) < size:
        raise EOFError("the stream ended within a value")
    return pickle.loads(data)


class Worker:
    """One worker process of our own, started at once (its imports done meanwhile) and given jobs one at a time:
    `submit(function, job)` hands it `function(job)` (a module-level function of remissdraft), `result()` gives
    the answers in the order submitted. Should the worker fail to start or die, the job is done here instead."""

    def __init__(self, module: str):
        self._pending: list[tuple[Callable, Any]] = []
        self._process: subprocess.Popen | None = None
        self._outbox: queue.Queue = queue.Queue()
        try:
            self._process = subprocess.Popen([sys.executable, "-m", __name__, "--jobs", module], stdin=subprocess.PIPE,
                                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        except OSError:
            return
        threading.Thread(target=self._write, args=(self._process, self._outbox), daemon=True).start()

    def submit(self, function: Callable, job: Any) -> None:
        self._pending.append((function, job))
        if self._process is not None:
            data = pickle.dumps((f"{function.__module__}:{function.__qualname__}", job), protocol=pickle.HIGHEST_PROTOCOL)
            self._outbox.put(_HEADER.pack(len(data)) + data)

    @staticmethod
    def _write(process: subprocess.Popen, outbox: queue.Queue) -> None:
        """Jobs written in the order submitted, off the caller's thread (a pipe takes only so much at a time)."""
        try:
            assert process.stdin is not None
            while (data := outbox.get()) is not None:
                process.stdin.write(data)
                process.stdin.flush()
        except (OSError, ValueError):
            pass

    def result(self) -> Any:
        function, job = self._pending.pop(0)
        if self._process is not None:
            try:
                assert self._process.stdout is not None
                return receive(self._process.stdout)
            except Exception:
                pass
            self.close()  # it died: it and what is still to come are done here
        return function(job)

    def close(self) -> None:
        process, self._process = self._process, None
        self._outbox.put(None)
        if process is not None:
            if process.poll() is None:
                process.kill()
            process.wait()
            for pipe in (process.stdin, process.stdout):
                if pipe is not None:
                    with suppress(OSError):
                        pipe.close()

    def __enter__(self) -> Worker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def resolve(target: str) -> Callable:
    """The module-level function of remissdraft that "module:function" names."""
    import importlib

    module, _, name = target.partition(":")
    if not module.startswith("remissdraft.") or not name.isidentifier():
        raise ValueError(target)
    return getattr(importlib.import_module(module), name)


def _serve(target: str) -> None:
    function = resolve(target)
    batches = pickle.load(sys.stdin.buffer)
    for batch in batches:
        send(sys.stdout.buffer, function(batch))


def _serve_jobs(module: str) -> None:
    """A `Worker`'s loop: `module` imported first, then each job (function and argument) answered in turn."""
    import importlib

    if not module.startswith("remissdraft."):
        raise ValueError(module)
    importlib.import_module(module)
    while True:
        try:
            target, job = receive(sys.stdin.buffer)
        except EOFError:
            return
        send(sys.stdout.buffer, resolve(target)(job))


if __name__ == "__main__":
    if sys.argv[1] == "--jobs":
        _serve_jobs(sys.argv[2])
    else:
        _serve(sys.argv[1])
