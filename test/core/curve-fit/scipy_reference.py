"""Independent reference for test/core/curve-fit/obsscaling.test.ts.

Fits y = floor + (ceiling - floor) * sigmoid(k * (log10(training_flop) - x0)) to every
(task, subtask, metric) group of fixtures/emergence_obsscaling_bigbench.csv with scipy's bounded
trust-region least squares (scipy.optimize.least_squares, method='trf'), from its own grid of starts,
with the same conventions as src/core/curve-fit: rows without training_flop dropped, repeated models
averaged (none repeat in this file), BLEU divided by 100, floor fixed at random_baseline where given
and otherwise fitted in [0, 0.3], ceiling fixed at 1, k in [0.01, 50], x0 within a quarter of the
observed log10 span outside the data. Prints threshold, k, floor and R^2 per group.

    python3 test/core/curve-fit/scipy_reference.py
"""
import csv
import math
from collections import defaultdict
from pathlib import Path

import numpy as np
from scipy.optimize import least_squares

path = Path(__file__).resolve().parents[3] / "fixtures" / "emergence_obsscaling_bigbench.csv"
groups = defaultdict(list)
for r in csv.DictReader(open(path)):
    if r["training_flop"] == "":
        continue
    groups[(r["task"], r["subtask"], r["metric"])].append(r)

for key, rows in groups.items():
    x = np.array([math.log10(float(r["training_flop"])) for r in rows])
    y = np.array([float(r["score"]) for r in rows])
    if y.max() > 1:
        y = y / 100
    base = rows[0]["random_baseline"]
    span = x.max() - x.min()
    lo_x0, hi_x0 = x.min() - 0.25 * span, x.max() + 0.25 * span

    if base != "":
        floor = float(base)
        model = lambda p, x: floor + (1 - floor) / (1 + np.exp(-p[1] * (x - p[0])))
        lo, hi = [lo_x0, 0.01], [hi_x0, 50]
        extra = []
    else:
        model = lambda p, x: p[2] + (1 - p[2]) / (1 + np.exp(-p[1] * (x - p[0])))
        lo, hi = [lo_x0, 0.01, 0], [hi_x0, 50, 0.3]
        extra = [0.1]
    best = None
    for x0 in np.linspace(x.min(), x.max(), 9):
        for k in [0.3, 1, 3, 10]:
            res = least_squares(lambda p: model(p, x) - y, [x0, k] + extra, bounds=(lo, hi), method="trf", xtol=1e-14, ftol=1e-14, gtol=1e-14)
            if best is None or res.cost < best.cost:
                best = res
    p = best.x
    rss = 2 * best.cost
    r2 = 1 - rss / ((y - y.mean()) ** 2).sum()
    floor_out = p[2] if len(p) == 3 else floor
    print(f"{'/'.join(k for k in key if k)}: threshold {10 ** p[0]:.6e} k {p[1]:.6f} floor {floor_out:.6f} r2 {r2:.6f}")
