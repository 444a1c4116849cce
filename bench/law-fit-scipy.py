#!/usr/bin/python3
"""Reference for bench/law-fit.ts: the published Chinchilla "Approach 3" fit with scipy's L-BFGS-B
(analytic gradient) from every start of the 4,500-point grid, on the 240 kept Chinchilla runs
(fixtures/chinchilla_runs.csv), as in Epoch's data_analysis.ipynb cell 18 but with the gradient
supplied (the notebook lets scipy difference it numerically, which is slower).

    /usr/bin/python3 bench/law-fit-scipy.py [runs.csv] [--json OUT]

Needs Debian's SciPy for Debian's interpreter: `bash bench/install-peers.sh` (the python3 on PATH may
be another interpreter without it). --json writes {"seconds", "objective", "theta"} to OUT, for the
bench to check that both found the same optimum while it times the whole process.
"""
import itertools
import json
import os
import sys
import time


# One BLAS thread: the objective works on 240-element vectors, where extra BLAS threads only contend
# (on a loaded 2-core machine they slowed the run from ~45 s to over 5 minutes).
for variable in ('OPENBLAS_NUM_THREADS', 'OMP_NUM_THREADS', 'MKL_NUM_THREADS'):
    os.environ.setdefault(variable, '1')

try:
    import numpy as np
    from scipy.optimize import minimize
    from scipy.special import huber, logsumexp
except ImportError as error:
    sys.exit(f'law-fit-scipy: {error}; run `bash bench/install-peers.sh` and use /usr/bin/python3')

DELTA = 1e-3
args = sys.argv[1:]
json_out = None
if '--json' in args:
    at = args.index('--json')
    json_out = args[at + 1]
    del args[at:at + 2]
path = args[0] if args else os.path.join(os.path.dirname(__file__), '..', 'fixtures', 'chinchilla_runs.csv')
table = np.genfromtxt(path, delimiter=',', names=True)
log_n, log_d, log_l = np.log(table['params']), np.log(table['tokens']), np.log(table['loss'])


def objective(theta):
    a, b, e, alpha, beta = theta
    terms = np.stack([a - alpha * log_n, b - beta * log_d, np.full_like(log_n, e)])
    prediction = logsumexp(terms, axis=0)
    r = log_l - prediction
    weights = np.exp(terms - prediction)  # softmax: d log L̂ / d(term)
    psi = np.clip(r, -DELTA, DELTA)  # huber'(r)
    value = np.sum(huber(DELTA, r))
    gradient = np.array([
        -np.sum(psi * weights[0]),
        -np.sum(psi * weights[1]),
        -np.sum(psi * weights[2]),
        np.sum(psi * weights[0] * log_n),
        np.sum(psi * weights[1] * log_d),
    ])
    return value, gradient


grid = list(itertools.product(np.arange(0, 30, 5), np.arange(0, 30, 5), np.arange(-1, 1.5, 0.5), np.arange(0, 2.5, 0.5), np.arange(0, 2.5, 0.5)))
start = time.perf_counter()
best = None
converged = 0
evaluations = 0
for theta0 in grid:
    result = minimize(objective, np.array(theta0, dtype=float), jac=True, method='L-BFGS-B')
    evaluations += result.nfev
    converged += bool(result.success)
    if best is None or result.fun < best.fun:
        best = result
seconds = time.perf_counter() - start
a, b, e, alpha, beta = best.x
print(f'scipy L-BFGS-B, {len(grid)} starts, {len(log_l)} runs: {seconds:.2f} s, {evaluations} evaluations, {converged} converged')
print(f'objective {best.fun:.10f}  A={np.exp(a):.4f} B={np.exp(b):.4f} E={np.exp(e):.6f} alpha={alpha:.6f} beta={beta:.6f}')
print(f'SCIPY_SECONDS={seconds:.3f} SCIPY_OBJECTIVE={float(best.fun)!r}')
if json_out:
    with open(json_out, 'w') as out:
        json.dump({'seconds': seconds, 'objective': float(best.fun), 'theta': [float(v) for v in best.x]}, out)
