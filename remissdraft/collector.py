"""Python's cyclic garbage collector paused while remissdraft makes many objects that live on and (almost) no
cycles – a corpus parsed and stored, an index built, the app starting: each of the collector's full passes walks
every object made so far, again and again as they grow (at 100 000 snippets some 0.1–0.2 s of a parse or a build,
20–40 ms of the app's start). Reference counting frees everything else as usual meanwhile."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


class Pause:
    """The collector off from now until `resume()` (once; later calls do nothing), then as it was before."""

    def __init__(self) -> None:
        self._was_on = gc.isenabled()
        self._active = True
        gc.disable()

    def resume(self) -> None:
        if self._active:
            self._active = False
            if self._was_on:
                gc.enable()


@contextmanager
def paused() -> Iterator[None]:
    """The collector off for the block, then as it was before (also when the block raises)."""
    pause = Pause()
    try:
        yield
    finally:
        pause.resume()
