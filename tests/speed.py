"""Speed guards that hold on any machine: how a reader's CPU time grows with its input, not seconds.

A guard such as "100 KB of a hostile shape is read in linear time" once asserted an absolute limit in CPU seconds; on
a machine half as fast (a fresh-clone CI) such limits failed with the code unchanged. :func:`linear_time` compares the
reader on the whole input with the reader on a quarter of it: about 4 where reading is linear, 16 where it is
quadratic, whatever the machine's speed. Import it from any test directory: ``from tests.speed import linear_time``.
"""

from __future__ import annotations

import gc
import time

#: what a guard asserts: ``linear_time(...) < LINEAR`` (linear: about 4; quadratic: about 16)
LINEAR = 8
#: the quarter's CPU seconds are counted as at least this: a reader of a few milliseconds is timer noise, not a ratio
FLOOR = 0.01
#: a whole run this many times the quarter's is timed again before it counts (another process took the cache, the
#: clock's tick); below it the guard passes either way, so the second run is needed only then
RECHECK = 6


def cpu_time(work):
    """``work()``'s result and the CPU seconds it took, with the garbage collector held off while it runs: a timing
    test compares two shapes of one algorithm, and a collection the suite's heap triggers in the middle of one (lxml's
    proxies of a deep page) made the ratio of a linear walk anything from 0.3 to 8."""
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        result = work()
        return result, time.process_time() - start
    finally:
        gc.enable()


def repeat(unit, n: int):
    """``unit`` (a str or bytes) repeated and cut to ``n`` characters."""
    return (unit * (n // len(unit) + 1))[:n]


def linear_time(read, unit, size: int = 100_000) -> float:
    """How many times longer ``read`` takes on an input of ``size`` than on one of a quarter of it (CPU seconds):
    about 4 where reading is linear, 16 where it is quadratic. A ratio, not a limit in seconds, so the guard holds on a
    slower or busier machine.

    ``unit`` is the piece that repeats (a str or bytes, repeated and cut to ``size`` characters) or a function giving
    the input of a size (``lambda n: head + repeat(piece, n) + tail``; a count of names or lines where that is the
    size). ``read`` first reads a hundredth of the input untimed (patterns compiled, tables loaded outside the clock);
    a whole run over :data:`RECHECK` times the quarter's is timed again on an input one longer (a reader's cache keyed
    by the text does not answer it) and the faster run counts."""
    make = unit if callable(unit) else (lambda n: repeat(unit, n))
    read(make(max(size // 100, 1)))
    small = make(size // 4)
    quarter = max(cpu_time(lambda: read(small))[1], FLOOR)
    del small
    large = make(size)
    whole = cpu_time(lambda: read(large))[1]
    if whole > RECHECK * quarter:
        large = make(size + 1)
        whole = min(whole, cpu_time(lambda: read(large))[1])
    return whole / quarter
