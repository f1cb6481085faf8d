#!/usr/bin/env python3
"""Prints the totals the long-form tests wrote (one JSON object per file) as one table, and their sums.

Each file is {"test": NAME, KEY: NUMBER, ...}; keys a test does not have are left blank. "anomalies" is the sum
the long forms exist to keep at zero.
"""
import json
import sys

rows = []
for path in sys.argv[1:]:
    with open(path) as f:
        rows.append(json.load(f))
if not rows:
    print("no totals were written: did the long-form tests run? (see the Maven output above)")
    sys.exit(0)
keys = []
for row in rows:
    keys += [k for k in row if k != "test" and k not in keys]
width = max(len(r.get("test", "?")) for r in rows)
print(f"{'test':<{width}}  " + "  ".join(f"{k:>14}" for k in keys))
for row in rows:
    cells = [f"{row[k]:>14,}" if isinstance(row.get(k), int) else f"{str(row.get(k, '')):>14}" for k in keys]
    print(f"{row.get('test', '?'):<{width}}  " + "  ".join(cells))
anomalies = sum(int(r.get("anomalies", 0)) for r in rows)
print(f"anomalies found: {anomalies}")
