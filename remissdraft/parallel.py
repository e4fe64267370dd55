"""Parse many corpus files on two cores: worker processes of our own (`python -m remissdraft.corpus.workers`),
each handed a share of the files through a pipe and answering file batch by file batch.

Plain subprocesses rather than `multiprocessing`: they neither import the caller's main script again nor fork a
process that runs threads (the app's).
"""

from __future__ import annotations

import pickle
import queue
import struct
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator

_HEADER = struct.Struct("<Q")


def parse_in_workers(batches: list[list[tuple]], workers: int, parse: Callable[[list[tuple]], list]) -> Iterator[list]:
    """The results of `parse` for each batch, in order; the batches are shared out over `workers` processes.
    Should a worker fail to start or die, what it had not done is parsed here (with `parse`)."""
    shares = [list(range(number, len(batches), workers)) for number in range(workers)]
    found: queue.Queue = queue.Queue()
    processes = []
    for share in shares:
        if not share:
            continue
        try:
            process = subprocess.Popen([sys.executable, "-m", __name__], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                       stderr=subprocess.DEVNULL)
        except OSError:
            continue
        processes.append(process)
        threading.Thread(target=_feed, args=(process, [batches[index] for index in share]), daemon=True).start()
        threading.Thread(target=_collect, args=(process, share, found), daemon=True).start()
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
            yield results.pop(index) if index in results else parse(batches[index])
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
            process.wait()


def _feed(process: subprocess.Popen, batches: list[list[tuple]]) -> None:
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
    except Exception:  # noqa: BLE001 – a broken worker: its batches are parsed in the caller
        pass
    finally:
        found.put((None, None))


def _serve() -> None:
    from .store import parse_batch

    batches = pickle.load(sys.stdin.buffer)
    out = sys.stdout.buffer
    for batch in batches:
        data = pickle.dumps(parse_batch(batch), protocol=pickle.HIGHEST_PROTOCOL)
        out.write(_HEADER.pack(len(data)))
        out.write(data)
        out.flush()


if __name__ == "__main__":
    _serve()
