"""What a take-home plan file costs to write and to open with the strong default settings.

Almost all of it is the Argon2id key derivation (t=3, 64 MiB, 4 lanes), which
is meant to be slow for anyone guessing passphrases. Run:
    .venv/bin/python benchmarks/takehome.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date

from vocplan.demo.personas import demo_personas
from vocplan.export.takehome import STRONG_KDF, read_takehome, write_takehome

PASSPHRASE = "a long enough passphrase for the benchmark"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    document = max(
        (persona.document for persona in demo_personas(date.today())),
        key=lambda document: len(str(document)),
    )
    writes, reads = [], []
    for _ in range(runs):
        started = time.perf_counter()
        data = write_takehome(document, PASSPHRASE, kdf=STRONG_KDF)
        writes.append(time.perf_counter() - started)
        started = time.perf_counter()
        read_takehome(data, PASSPHRASE)
        reads.append(time.perf_counter() - started)
    print(
        f"Take-home file, Argon2id t={STRONG_KDF.time_cost} "
        f"m={STRONG_KDF.memory_kib // 1024} MiB p={STRONG_KDF.parallelism}, "
        f"{len(data):,} bytes, median of {runs} runs:"
    )
    print(f"  write {statistics.median(writes) * 1000:.0f} ms")
    print(f"  open  {statistics.median(reads) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
