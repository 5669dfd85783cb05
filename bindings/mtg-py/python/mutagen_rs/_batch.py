"""Opening many files at once (beyond mutagen): :func:`batch_open`.

Each file is opened with :func:`mutagen_rs.File` on one of a few worker
threads. The native readers release the GIL while they open, read and parse
a file, so the threads overlap that work with each other and with the
building of Python objects, which needs the GIL.
"""

import itertools
import operator
import os
import threading

from ._file import File


def _usable_cores():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def batch_open(paths, threads=None, options=None, easy=False):
    """Open every file in ``paths`` as :func:`mutagen_rs.File` does.

    Args:
        paths: an iterable of paths (str, bytes or os.PathLike) or file
            objects
        threads (int or None): worker threads; None uses one per usable
            CPU core (at most one per file), 1 opens the files one after
            the other in the calling thread
        options, easy: as for :func:`mutagen_rs.File`

    Returns:
        list: one entry per path, in order: what ``File()`` returned for it
        (a FileType instance, or None for a file no format recognises), or
        the exception it raised (an instance, returned rather than raised,
        so that one bad file does not end the batch). Only exceptions that
        are not ``Exception`` subclasses (KeyboardInterrupt...) propagate.

    Raises:
        ValueError: ``threads`` is less than 1
        TypeError: ``threads`` is not an integer
    """

    paths = list(paths)
    if threads is None:
        threads = _usable_cores()
    threads = operator.index(threads)
    if threads < 1:
        raise ValueError("threads must be at least 1, not %d" % threads)
    threads = min(threads, len(paths))

    def open_one(path):
        try:
            return File(path, options=options, easy=easy)
        except Exception as e:
            return e

    if threads <= 1:
        return [open_one(p) for p in paths]

    results = [None] * len(paths)
    # the next index to open; next() on a count is atomic under the GIL
    indices = itertools.count()
    stopped = []

    def work():
        try:
            for i in indices:
                if i >= len(paths) or stopped:
                    return
                results[i] = open_one(paths[i])
        except BaseException as e:
            stopped.append(e)

    workers = [threading.Thread(target=work, name="mutagen_rs.batch_open")
               for _ in range(threads - 1)]
    for worker in workers:
        worker.start()
    work()  # the calling thread is a worker too
    for worker in workers:
        worker.join()
    if stopped:
        raise stopped[0]
    return results
