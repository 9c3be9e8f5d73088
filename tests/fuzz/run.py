"""``make fuzz``: the long mutation run over every parser entry point (tests/fuzz/harness.py).

    python -m tests.fuzz.run [--cases 100000] [--seed 13] [--time-limit 2] [--target NAME ...]

Cases are shared out over the targets by weight (cheap parsers get more). Prints, per
target, cases, failures and hangs, then every distinct failure site (exception and the
innermost project frame) with one reproducing input saved under ``--out``. Exit 0 when
there were no failures and no hangs, 1 otherwise.
"""

from __future__ import annotations

import argparse
import logging
import math
import random
import sys
import time
import warnings
from collections import defaultdict
from pathlib import Path

from tests.fuzz.harness import BY_NAME, TARGETS, mutate, run_case


WARM_UP = 60.0  # seconds allowed to the first case of each target


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--cases", type=int, default=100_000)
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--time-limit", type=float, default=2.0, help="seconds per case before it counts as a hang")
    p.add_argument("--target", action="append", choices=sorted(BY_NAME), help="only these targets")
    p.add_argument("--out", default="fuzz-findings", help="folder for reproducing inputs")
    args = p.parse_args(argv)
    logging.disable(logging.CRITICAL)  # parsers log every bad record; the counts are the output
    warnings.simplefilter("ignore")  # e.g. re's FutureWarning on a mutated registry regex
    targets = [BY_NAME[n] for n in args.target] if args.target else TARGETS
    total_weight = sum(t.weight for t in targets)
    out = Path(args.out)
    rng = random.Random(args.seed)
    grand = {"cases": 0, "fail": 0, "hang": 0}
    findings: dict[tuple, dict] = {}
    started = time.monotonic()
    print(f"{'target':<24} {'cases':>8} {'failures':>9} {'hangs':>6} {'seconds':>8}")
    for target in targets:
        cases = max(1, math.ceil(args.cases * target.weight / total_weight))  # at least --cases in all
        seeds = target.seeds()
        counts = defaultdict(int)
        t0 = time.monotonic()
        for _ in range(cases):
            data = mutate(rng.choice(seeds), rng, target.kind, seeds)
            # A target's first case also pays its one-time set-up (imports, a Scrapy crawler): not a hang.
            outcome = run_case(target, data, args.time_limit if counts["cases"] else max(args.time_limit, WARM_UP))
            counts["cases"] += 1
            if outcome.status != "ok":
                counts[outcome.status] += 1
                key = (target.name, outcome.status, outcome.where, outcome.message.split(":")[0])
                if key not in findings:
                    out.mkdir(parents=True, exist_ok=True)
                    sample = out / f"{target.name}-{len(findings):03d}.bin"
                    sample.write_bytes(data)
                    findings[key] = {"count": 0, "message": outcome.message, "sample": sample,
                                     "trace": outcome.trace}
                findings[key]["count"] += 1
        for k in grand:
            grand[k] += counts[k]
        print(f"{target.name:<24} {counts['cases']:>8} {counts['fail']:>9} {counts['hang']:>6} "
              f"{time.monotonic() - t0:>8.1f}", flush=True)
    print(f"{'all':<24} {grand['cases']:>8} {grand['fail']:>9} {grand['hang']:>6} "
          f"{time.monotonic() - started:>8.1f}")
    for (name, status, where, _), finding in sorted(findings.items(), key=lambda kv: -kv[1]["count"]):
        print(f"\n{status} ×{finding['count']} in {name} at {where}: {finding['message']}\n"
              f"  reproduce: python -m tests.fuzz.reproduce {name} {finding['sample']}")
    return 0 if grand["fail"] == 0 and grand["hang"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
