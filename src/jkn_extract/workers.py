"""Plumbing of a batch run: an ordered, bounded process-pool map and an on-disk spool.

Nothing here knows the stages; `pipeline` decides what runs where.
"""
from __future__ import annotations

import gc
import multiprocessing as mp
import pickle
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

IN_FLIGHT = 2048  # items read ahead of the main loop at most: bounds memory, keeps workers busy


class Workers:
    """Ordered streaming map: a process pool for N > 1, plain `map` for one worker. At most `IN_FLIGHT`
    items are read ahead of the main loop, so memory stays flat; workers never wait for each other.
    Leaving the `with` block on an error terminates the pool instead of waiting for it."""

    def __init__(self, n: int, initializer: Callable[..., None] | None = None, initargs: tuple = ()) -> None:
        self.pool = None
        self.stopping = threading.Event()  # set on leaving: generators feeding the pool give up waiting
        if initializer is not None:
            initializer(*initargs)  # the inline map (one worker) runs here
        if n > 1:
            gc.freeze()  # what exists now is never scanned by the children's GC, so its pages stay shared
            try:
                self.pool = mp.get_context("fork").Pool(n, initializer=initializer, initargs=initargs)
            finally:
                gc.unfreeze()

    def map(self, fn: Callable, items: Iterable, chunk: int) -> Iterator:
        if self.pool is None:
            return map(fn, items)
        slots = threading.BoundedSemaphore(IN_FLIGHT)

        def feed() -> Iterator:
            for item in items:  # consumed by the pool's feeder thread: it waits here when full
                while not slots.acquire(timeout=0.2):
                    if self.stopping.is_set():  # the run failed: let the pool's threads end
                        return
                yield item

        def results(done: Iterator) -> Iterator:
            for result in done:
                slots.release()
                yield result

        return results(self.pool.imap(fn, feed(), chunksize=chunk))  # the pool starts now, not at first next()

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, exc_type, *_) -> None:
        self.stopping.set()
        if self.pool is not None:
            if exc_type is None:
                self.pool.close()
            else:
                self.pool.terminate()
            self.pool.join()


class Spool:
    """Append-only stream of pickled tuples in an anonymous temporary file: what one pass found waits
    on disk, not in RAM, for the next (read once). The file vanishes on close, even after a crash."""

    def __init__(self, directory: Path) -> None:
        self.fh = tempfile.TemporaryFile(prefix="jkn-spool-", dir=directory)

    def write(self, entry: tuple) -> None:
        self.fh.write(pickle.dumps(entry, pickle.HIGHEST_PROTOCOL))

    def __iter__(self) -> Iterator[Any]:
        self.fh.seek(0)
        while True:
            try:
                yield pickle.load(self.fh)
            except EOFError:
                return

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *_) -> None:
        self.fh.close()
