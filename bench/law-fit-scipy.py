#!/usr/bin/env python3
"""Reference timing for `npx tsx bench/law-fit.ts`: the published Chinchilla "Approach 3" fit with
scipy's L-BFGS-B (analytic gradient) from every start of the 4,500-point grid, on the 240 kept
Chinchilla runs (fixtures/chinchilla_runs.csv), as in Epoch's data_analysis.ipynb cell 18 but with
the gradient supplied (the notebook lets scipy difference it numerically, which is slower).

    python3 bench/law-fit-scipy.py [fixtures/chinchilla_runs.csv]

Needs numpy and scipy (Debian: apt-get update && apt-get install -y python3-numpy python3-scipy);
installs them with apt-get when missing and running as root.
"""
import itertools
import os
import subprocess
import sys
import time


# One BLAS thread: the objective works on 240-element vectors, where extra BLAS threads only contend
# (on a loaded 2-core machine they slowed the run from ~45 s to over 5 minutes).
for variable in ('OPENBLAS_NUM_THREADS', 'OMP_NUM_THREADS', 'MKL_NUM_THREADS'):
    os.environ.setdefault(variable, '1')


def ensure_scipy():
    try:
        import numpy  # noqa: F401
        import scipy  # noqa: F401
        return
    except ImportError:
        pass
    command = 'apt-get update && apt-get install -y python3-numpy python3-scipy'
    if os.geteuid() != 0:
        sys.exit(f'numpy/scipy missing: run `{command}` as root (PyPI is not reachable here)')
    print(f'installing numpy and scipy: {command}', file=sys.stderr)
    subprocess.run(command, shell=True, check=True, stdout=sys.stderr)
    # Debian's packages serve Debian's interpreter; rerun under it if this is another one (pyenv).
    if os.path.realpath(sys.executable) != os.path.realpath('/usr/bin/python3'):
        os.execv('/usr/bin/python3', ['/usr/bin/python3', *sys.argv])


ensure_scipy()
import numpy as np  # noqa: E402
from scipy.optimize import minimize  # noqa: E402
from scipy.special import huber, logsumexp  # noqa: E402

DELTA = 1e-3
path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', 'fixtures', 'chinchilla_runs.csv')
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
