"""Opening many files at once (beyond mutagen): :func:`batch_open`.

The files are opened one after the other by the calling thread, with
:func:`mutagen_rs.File`, while native threads, which never take the GIL,
read ahead the parts of the next files that the loaders will read. A file
the disk has not delivered yet is what makes opening slow when files were
not read recently (a library scan); reading ahead overlaps those waits.
Turning a file into Python objects needs the GIL, so it is not spread over
threads: Python threads handing the GIL back and forth made a warm-cache
batch slower, not faster (OPTIMIZATION_LOG.md, "batch_open").
"""

import operator

from . import _native
from ._file import File


def batch_open(paths, threads=None, options=None, easy=False):
    """Open every file in ``paths`` as :func:`mutagen_rs.File` does.

    Args:
        paths: an iterable of paths (str, bytes or os.PathLike) or file
            objects
        threads (int or None): threads at work: the calling thread, which
            opens the files in order, and ``threads - 1`` native threads
            reading the next files ahead; None means 2 (one thread reading
            ahead keeps many reads in flight with read-ahead hints; more
            measured no better); 1 opens the files without reading ahead
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
        threads = 2
    threads = operator.index(threads)
    if threads < 1:
        raise ValueError("threads must be at least 1, not %d" % threads)

    ahead = None
    if threads > 1 and len(paths) > 1:
        ahead = _native.prefetch(paths, min(threads - 1, len(paths)))
    results = []
    try:
        for path in paths:
            try:
                results.append(File(path, options=options, easy=easy))
            except Exception as e:
                results.append(e)
            if ahead is not None:
                ahead.opened(len(results))
    finally:
        if ahead is not None:
            ahead.close()
    return results
