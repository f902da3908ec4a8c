"""Lint speed: in-process throughput and whole-process start-up, against baselines measured in the same run.

Usage: python benchmarks/bench_lint.py [--paragraphs 100] [--runs 15]

Prints paragraphs/s of `lint()` on a generated draft (goal >= 2,000), the wall
time of `drafter lint` on it next to `python -c pass` (goal: lint adds <= 250 ms
over bare interpreter start), and whether `python -X importtime -m drafter lint`
imports Textual (it must not).
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PREAMBULAR = ["Recalling", "Reaffirming", "Noting with concern", "Bearing in mind", "Welcoming", "Stressing"]
OPERATIVE = ["Requests", "Urges", "Encourages", "Invites", "Calls upon", "Also requests"]
WORDS = ("States parties implementation review mechanism cooperation asset recovery mutual legal assistance "
         "prevention corruption transparency integrity public sector technical assistance Secretariat "
         "extrabudgetary resources capacity-building information exchange good practices").split()


def generate_draft(paragraphs: int, seed: int = 7) -> str:
    rng = random.Random(seed)

    def sentence(n):
        return " ".join(rng.choice(WORDS) for _ in range(n))

    preamble = max(1, paragraphs // 3)
    blocks = ["The Conference of the States Parties to the United Nations Convention against Corruption,"]
    for _ in range(preamble):
        blocks.append(f"*{rng.choice(PREAMBULAR)}* its resolution 6/2 of 6 November 2015 and {sentence(40)},")
    operative = paragraphs - preamble
    for n in range(1, operative + 1):
        end = "." if n == operative else ";"
        blocks.append(f"{n}. *{rng.choice(OPERATIVE)}* {sentence(45)} under article 46, paragraph 7, "
                      f"of the Convention{end}")
    head = "---\nbody: cosp-uncac\nsession: 11\ninstrument: uncac\ntitle: Generated draft for the benchmark\n---\n\n"
    return head + "\n\n".join(blocks) + "\n"


def wall(cmd, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=100)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    from drafter.config import Config
    from drafter.lint import lint
    from drafter.parse import read_text
    from drafter.rules import default_rules

    text = generate_draft(args.paragraphs)
    rules = default_rules()
    lint(read_text(text, "bench.md"), Config(), rules)  # warm caches, as a long-lived process has them
    rounds = 20
    start = time.perf_counter()
    for _ in range(rounds):
        lint(read_text(text, "bench.md"), Config(), rules)
    elapsed = time.perf_counter() - start
    rate = rounds * args.paragraphs / elapsed
    print(f"in-process: {rate:,.0f} paragraphs/s ({elapsed / rounds * 1000:.1f} ms per {args.paragraphs}-paragraph draft)"
          f"  goal >= 2,000  {'OK' if rate >= 2000 else 'MISS'}")

    with tempfile.TemporaryDirectory() as folder:
        draft = Path(folder) / "bench.md"
        draft.write_text(text, encoding="utf-8")
        bare = wall([sys.executable, "-c", "pass"], args.runs)
        linted = wall([sys.executable, "-m", "drafter", "lint", "--quiet", str(draft)], args.runs)
        added = (statistics.median(linted) - statistics.median(bare)) * 1000
        print(f"python -c pass:       median {statistics.median(bare) * 1000:.0f} ms")
        print(f"drafter lint (whole): median {statistics.median(linted) * 1000:.0f} ms, "
              f"p90 {sorted(linted)[int(len(linted) * 0.9) - 1] * 1000:.0f} ms")
        print(f"lint adds {added:.0f} ms over interpreter start  goal <= 250 ms  {'OK' if added <= 250 else 'MISS'}")
        trace = subprocess.run([sys.executable, "-X", "importtime", "-m", "drafter", "lint", "--quiet", str(draft)],
                               capture_output=True, text=True).stderr
        textual = [line for line in trace.splitlines() if "textual" in line]
        print(f"textual imported by drafter lint: {'YES (' + str(len(textual)) + ' modules)' if textual else 'no'}")
        slowest = sorted(
            (line for line in trace.splitlines() if line.startswith("import time:") and "|" in line and "self" not in line),
            key=lambda line: -int(line.split("|")[1]),
        )[:8]
        print("largest cumulative imports (us):")
        for line in slowest:
            print("   ", line.split("|")[1].strip().rjust(8), line.split("|")[2].rstrip())


if __name__ == "__main__":
    main()
