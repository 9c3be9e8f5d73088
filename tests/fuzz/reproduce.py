"""Run one saved fuzz input against one target and print the traceback:
``python -m tests.fuzz.reproduce TARGET FILE``."""

import sys
from pathlib import Path

from tests.fuzz.harness import BY_NAME, run_case

if __name__ == "__main__":
    outcome = run_case(BY_NAME[sys.argv[1]], Path(sys.argv[2]).read_bytes(), float(sys.argv[3]) if len(sys.argv) > 3 else 5)
    print(outcome.status, outcome.where, outcome.message)
    print(outcome.trace)
    sys.exit(0 if outcome.status == "ok" else 1)
