"""Large jobs on two cores: worker processes of our own (`python -m remissdraft.parallel MODULE:FUNCTION`), each
handed a share of the batches through a pipe and answering batch by batch (parsing corpus files, analysing texts).

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
from typing import Any, TypeVar

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
            header = process.stdout.read(_HEADER.size)
            if len(header) < _HEADER.size:
                break
            (size,) = _HEADER.unpack(header)
            found.put((position, pickle.loads(process.stdout.read(size))))
    except Exception:
        pass
    finally:
        found.put((None, None))


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
    out = sys.stdout.buffer
    for batch in batches:
        data = pickle.dumps(function(batch), protocol=pickle.HIGHEST_PROTOCOL)
        out.write(_HEADER.pack(len(data)))
        out.write(data)
        out.flush()


if __name__ == "__main__":
    _serve(sys.argv[1])
