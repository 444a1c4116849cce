"""The computation of `emerge predict --input plans.csv --ability in-context-learning --format csv`
in pandas and numpy, for bench/batch-predict.ts: read_csv, the vectorised formulas, to_csv.

Law besiroglu2024 (E, A, B, alpha, beta below), reference regime 3e11 tokens, in-context learning at
1e10 parameters with a logistic of width 0.5 decades (DESIGN.md)."""
import sys

import numpy as np
import pandas as pd

E, A, B, ALPHA, BETA = 1.81686, 482.00572, 2085.4342, 0.34781, 0.36585
REFERENCE_TOKENS, THRESHOLD, WIDTH = 3e11, 1e10, 0.5

df = pd.read_csv(sys.argv[1])
n = df["params"].to_numpy(float)
d = df["tokens"].to_numpy(float)
loss = E + A / n**ALPHA + B / d**BETA
gap = loss - E - B / REFERENCE_TOKENS**BETA
with np.errstate(divide="ignore", invalid="ignore"):
    n_eff = np.where(gap > 0, (A / np.where(gap > 0, gap, 1.0)) ** (1 / ALPHA), np.inf)
    margin = np.log10(n_eff) - np.log10(THRESHOLD)
probability = 1 / (1 + 10 ** (-margin / WIDTH))
status = np.where(margin >= 0, "emerged", np.where(margin >= -WIDTH, "emerging", "absent"))
out = pd.DataFrame({
    "name": df["name"], "params": n, "tokens": d, "compute": 6 * n * d, "loss": loss,
    "effective_params": np.where(np.isfinite(n_eff), n_eff, np.nan), "ability": "in-context-learning",
    "category": "in-context-learning", "threshold_params": THRESHOLD, "probability": probability, "status": status,
})
out.to_csv(sys.stdout, index=False)
