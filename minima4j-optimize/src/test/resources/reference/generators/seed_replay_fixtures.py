"""Seed-replay fixtures: the anchors' own runs with a plain integer seed (no recording random source), so that
the Java ports built with NumPy's RandomState(seed) (org.minima4j.random.NumpyRandomState) can be checked to
evaluate the very same points in the same order.

  scipy 1.10.1  differential_evolution(f, bounds, seed=s, ...) and dual_annealing(f, bounds, seed=s, ...)
  pyswarms 1.3.0  np.random.seed(s); GlobalBestPSO(...).optimize(f, iters)   (source tree 70c969d on PYSWARMS_DIR)
  cmaes 0.9.1   CMA(mean, sigma, bounds, seed=s) and SepCMA(...) ask/tell, and the restart protocol of
                global_ref.py (seed s + 1000 r for restart r)

Every objective call is logged as [x, f(x)] ("calls"). Objectives are global_ref.py's benchmark functions.
Run with Debian's /usr/bin/python3 (numpy 1.24.2, scipy 1.10.1, cmaes 0.9.1, OpenBLAS LAPACK):
    /usr/bin/python3 seed_replay_fixtures.py PYSWARMS_DIR > ../seed_replay_fixtures.json
"""
import json
import logging
import math
import sys
import warnings

import numpy as np

PYSWARMS_DIR = sys.argv[1] if len(sys.argv) > 1 else "pyswarms_src"
sys.path.insert(0, PYSWARMS_DIR)
warnings.filterwarnings("ignore")


def rastrigin(x):
    x = np.asarray(x, dtype=np.float64)
    return 10.0 * x.shape[-1] + np.sum(x * x - 10.0 * np.cos(2.0 * math.pi * x), axis=-1)


def ackley(x):
    x = np.asarray(x, dtype=np.float64)
    d = x.shape[-1]
    return (-20.0 * np.exp(-0.2 * np.sqrt(np.sum(x * x, axis=-1) / d))
            - np.exp(np.sum(np.cos(2.0 * math.pi * x), axis=-1) / d) + 20.0 + math.e)


def rosenbrock(x):
    x = np.asarray(x, dtype=np.float64)
    return np.sum(100.0 * (x[..., 1:] - x[..., :-1] ** 2) ** 2 + (1.0 - x[..., :-1]) ** 2, axis=-1)


FUNCS = {"rastrigin": (rastrigin, (-5.12, 5.12)), "ackley": (ackley, (-32.768, 32.768)),
         "rosenbrock": (rosenbrock, (-5.0, 10.0))}


class Log:
    def __init__(self, fn):
        self.fn = fn
        self.calls = []

    def __call__(self, x):
        v = float(self.fn(x))
        self.calls.append([list(map(float, np.ravel(x))), v])
        return v

    def batch(self, X):
        V = self.fn(X)
        for x, v in zip(X, V):
            self.calls.append([list(map(float, x)), float(v)])
        return V


out = {"source": None, "runs": []}


def add(algorithm, fname, d, seed, kwargs, log, **extra):
    rec = {"algorithm": algorithm, "function": fname, "dim": d, "seed": seed, "kwargs": kwargs,
           "bounds": [list(FUNCS[fname][1])] * d, "nfev": len(log.calls), "calls": log.calls}
    rec.update(extra)
    out["runs"].append(rec)


import scipy  # noqa: E402
from scipy.optimize import differential_evolution, dual_annealing  # noqa: E402

for fname, d, seed in [("rastrigin", 2, 0), ("ackley", 3, 1), ("rosenbrock", 2, 7)]:
    f, (lo, hi) = FUNCS[fname]
    log = Log(f)
    kw = {"maxiter": 20, "polish": False, "tol": 0.0}
    r = differential_evolution(log, [(lo, hi)] * d, seed=seed, **kw)
    add("differential_evolution", fname, d, seed, kw, log, x=r.x.tolist(), fun=float(r.fun), nit=int(r.nit))

for fname, d, seed in [("rastrigin", 3, 0), ("ackley", 2, 4)]:
    f, (lo, hi) = FUNCS[fname]
    log = Log(f)
    kw = {"maxiter": 60, "no_local_search": True}
    r = dual_annealing(log, [(lo, hi)] * d, seed=seed, **kw)
    add("dual_annealing", fname, d, seed, kw, log, x=r.x.tolist(), fun=float(r.fun), nit=int(r.nit))

import pyswarms  # noqa: E402
logging.getLogger("pyswarms").setLevel(logging.ERROR)
for fname, d, seed in [("rastrigin", 3, 0), ("ackley", 2, 5)]:
    f, (lo, hi) = FUNCS[fname]
    log = Log(f)
    np.random.seed(seed)
    opt = pyswarms.single.GlobalBestPSO(n_particles=10, dimensions=d, options={"c1": 0.5, "c2": 0.3, "w": 0.9},
                                        bounds=(np.full(d, lo), np.full(d, hi)))
    cost, pos = opt.optimize(log.batch, iters=25, verbose=False)
    add("pyswarms.GlobalBestPSO", fname, d, seed, {"n_particles": 10, "c1": 0.5, "c2": 0.3, "w": 0.9, "iters": 25},
        log, x=list(map(float, pos)), fun=float(cost))

import cmaes  # noqa: E402
from cmaes import CMA, SepCMA  # noqa: E402

for cls, fname, d, seed, gens in [(CMA, "rosenbrock", 3, 0, 40), (CMA, "rastrigin", 5, 2, 40),
                                  (SepCMA, "rosenbrock", 4, 1, 40)]:
    f, (lo, hi) = FUNCS[fname]
    log = Log(f)
    es = cls(mean=np.full(d, 0.5 * (lo + hi)), sigma=0.3 * (hi - lo), bounds=np.array([[lo, hi]] * d), seed=seed)
    for _ in range(gens):
        sols = []
        for _ in range(es.population_size):
            x = es.ask()
            sols.append((x, log(x)))
        es.tell(sols)
    add("cmaes." + cls.__name__, fname, d, seed, {"generations": gens}, log, mean=es._mean.tolist(),
        sigma=float(es._sigma))

# the restart protocol of global_ref.py, on a budget small enough for a few restarts
for fname, d, seed, budget in [("rastrigin", 2, 3, 1500)]:
    f, (lo, hi) = FUNCS[fname]
    log = Log(f)
    restarts = 0
    while len(log.calls) < budget:
        es = CMA(mean=np.full(d, 0.5 * (lo + hi)), sigma=0.3 * (hi - lo), bounds=np.array([[lo, hi]] * d),
                 seed=seed + 1000 * restarts)
        while len(log.calls) < budget and not es.should_stop():
            sols = []
            for _ in range(es.population_size):
                x = es.ask()
                sols.append((x, log(x)))
            es.tell(sols)
        restarts += 1
    add("cmaes.CMA restarts", fname, d, seed, {"budget": budget}, log, restarts=restarts - 1)

out["source"] = ("scipy %s, numpy %s, pyswarms %s (source tree), cmaes %s; plain integer seeds"
                 % (scipy.__version__, np.__version__, pyswarms.__version__, cmaes.__version__))
json.dump(out, sys.stdout)
