"""The text of one PDF, read by pdfminer.six in a child process of its own under resource limits
(:func:`tenderarchive.awards.pdf.pdf_text` runs this file's source, ``python -I -c``: read as package data, as
it is from a zipped egg under scrapyd, where it is no file to run): the PDF arrives on stdin, its text
leaves on stdout (UTF-8), and :data:`MORE_PAGES` on stderr when the PDF has more pages than were read.
Arguments: the pages read, the CPU seconds and the bytes of address space allowed.

The limits are set before pdfminer is imported or the PDF read: a compressed stream that inflates to gigabytes
(pdfminer decompresses a stream whole) meets the memory limit (a MemoryError, exit 3), a page whose text or
layout takes minutes meets the CPU limit (SIGXCPU ends the process). Any other error is pdfminer's on a
damaged PDF (exit 2, its name and message on stderr). Imports nothing of tenderarchive: it starts fast. Run
with ``python -I``: its own directory (tenderarchive/awards, whose html.py would hide the standard library's)
is not on sys.path.
"""

import io
import logging
import sys

try:
    import resource
except ImportError:  # no POSIX resource limits (Windows): read within the parent's time in all alone
    resource = None


def set_limits(cpu_seconds: int, memory: int) -> None:
    """The CPU-time and address-space limits of this process, each where the machine lets it be set: a
    platform or sandbox that refuses one (macOS's RLIMIT_AS, no ``resource`` module) leaves the PDF read
    without it, bounded by the parent's ``wall_seconds`` still. It raised, the child ended with status 1 and
    every PDF was refused as settled: no award of any PDF read on such a machine, and none asked again."""
    if resource is None:
        return
    for name, soft, hard in (("RLIMIT_CPU", cpu_seconds, cpu_seconds + 1), ("RLIMIT_AS", memory, memory)):
        kind = getattr(resource, name, None)
        if kind is None:
            continue
        try:
            _, allowed = resource.getrlimit(kind)
            if allowed != resource.RLIM_INFINITY:  # a machine's own lower limit stands (raising it is refused)
                soft, hard = min(soft, allowed), min(hard, allowed)
            resource.setrlimit(kind, (soft, hard))
        except (ValueError, OSError):
            continue


#: what the child writes on stderr when the PDF has more pages than it read
MORE_PAGES = "more pages than read"


def _more_pages(body: bytes, pages: int) -> bool:
    """Whether the PDF has more than ``pages`` pages (its page tree read, not its pages' content); a page tree
    pdfminer cannot walk after the text was read says nothing (False): the text read stands."""
    from pdfminer.pdfpage import PDFPage

    try:
        return sum(1 for _ in PDFPage.get_pages(io.BytesIO(body), maxpages=pages + 1)) > pages
    except Exception:  # noqa: BLE001 — the text was read; only the count is unknown
        return False


def main(argv: list[str]) -> int:
    pages, cpu_seconds, memory = (int(a) for a in argv)
    set_limits(cpu_seconds, memory)
    body = sys.stdin.buffer.read()
    try:
        from pdfminer.high_level import extract_text

        # pdfminer warns about every oddity of a PDF's structure on its own loggers; what matters is in ``problems``
        logging.getLogger("pdfminer").setLevel(logging.CRITICAL)
        text = extract_text(io.BytesIO(body), maxpages=pages)
        if pages and _more_pages(body, pages):
            sys.stderr.write(f"{MORE_PAGES}\n")
    except MemoryError:
        return 3
    except Exception as exc:  # noqa: BLE001 — reported to the parent, which names it in the problems
        sys.stderr.write(f"{type(exc).__name__}: {str(exc)[:200]}")
        return 2
    sys.stdout.buffer.write(text.encode("utf-8", "replace"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
