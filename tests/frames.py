"""What Python runs inside a call: the frames a call enters (issue 14's checks that a hot function does no
per-call work that is fixed at import time, such as an ``import`` statement or a regex looked up by its text)."""

from __future__ import annotations

import sys


def frames_entered(function, *args, **kwargs) -> tuple[object, list[tuple[str, str]]]:
    """``function(*args, **kwargs)``'s result and every Python frame it entered (itself included), as
    ``(file name, function name)`` in the order entered; calls into C are not frames and not listed."""
    frames: list[tuple[str, str]] = []

    def profile(frame, event, arg):
        if event == "call":
            frames.append((frame.f_code.co_filename, frame.f_code.co_name))

    sys.setprofile(profile)
    try:
        result = function(*args, **kwargs)
    finally:
        sys.setprofile(None)
    return result, frames


def imports_entered(frames: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The frames of Python's import machinery (``importlib._bootstrap``: an ``import`` statement run again)."""
    return [f for f in frames if "importlib" in f[0]]
