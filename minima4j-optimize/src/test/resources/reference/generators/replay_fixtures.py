"""Replay fixtures: run the anchors' own code (scipy 1.10.1 differential_evolution and dual_annealing,
pyswarm 0.7 pso) with a recording random source, so that the Java port can be fed the very same random
numbers and compared step for step.

Run with Debian's /usr/bin/python3 (scipy 1.10.1, numpy 1.24.2) from a directory holding pyswarm's
pso.py as pyswarm_pso.py (tisimst/pyswarm 998b03e), with the pyswarms 1.3.0 source tree (70c969d) in PYSWARMS_DIR:
/usr/bin/python3 replay_fixtures.py PYSWARMS_DIR > replay_fixtures.json ("calls": [x, f] per objective call)
"""
import contextlib, io, json, math, sys
import numpy as np
PYSWARMS_DIR = sys.argv[1] if len(sys.argv) > 1 else "pyswarms_src"
from scipy.optimize import differential_evolution, dual_annealing


class Recorder(np.random.RandomState):
    """A RandomState whose draws are logged: 'u' uniform [0,1), 'i' integer, 'g' standard normal.
    shuffle/permutation are Fisher-Yates from the top with one logged integer per swap."""

    def __init__(self, seed):
        super().__init__(seed)
        self.log = []

    def _u(self, size=None):
        u = super().random_sample(size)
        for v in np.ravel(u):
            self.log.append(["u", float(v)])
        return u

    def random_sample(self, size=None):
        return self._u(size)

    def rand(self, *shape):
        return self._u(shape if shape else None)

    def uniform(self, low=0.0, high=1.0, size=None):
        u = self._u(size)
        return low + (np.asarray(high) - low) * u if size is not None else float(low + (high - low) * u)

    def normal(self, loc=0.0, scale=1.0, size=None):
        g = super().normal(0.0, 1.0, size)
        for v in np.ravel(g):
            self.log.append(["g", float(v)])
        return loc + scale * g

    def _int(self, bound):
        k = int(super().randint(0, bound))
        self.log.append(["i", k])
        return k

    def choice(self, a, *args, **kwargs):
        return self._int(int(a))

    def shuffle(self, x):
        for i in range(len(x) - 1, 0, -1):
            j = self._int(i + 1)
            x[i], x[j] = x[j], x[i]

    def permutation(self, x):
        arr = np.array(list(x))
        self.shuffle(arr)
        return arr


def rastrigin(x):
    x = np.asarray(x)
    return float(10.0 * x.size + np.sum(x * x - 10.0 * np.cos(2.0 * math.pi * x)))


def tracked(fn):
    calls = []
    def f(x):
        v = fn(x)
        calls.append([list(map(float, np.ravel(x))), v])
        return v
    return f, calls


out = {"source": "scipy " + __import__("scipy").__version__ + ", numpy " + np.__version__ + ", pyswarm 0.7 pso.py",
       "objective": "rastrigin: 10 d + sum(x^2 - 10 cos(2 pi x))", "runs": []}

for strategy, updating in [("best1bin", "immediate"), ("rand1exp", "deferred"), ("currenttobest1bin", "immediate")]:
    rec = Recorder(5)
    f, calls = tracked(rastrigin)
    r = differential_evolution(f, [(-5.12, 5.12), (-2.0, 3.0)], strategy=strategy, updating=updating, popsize=5,
                               maxiter=15, polish=False, seed=rec, tol=0.0)
    out["runs"].append({"algorithm": "differential_evolution", "kwargs": {"strategy": strategy, "updating": updating,
                        "popsize": 5, "maxiter": 15, "polish": False, "tol": 0.0},
                        "bounds": [[-5.12, 5.12], [-2.0, 3.0]], "x": r.x.tolist(), "fun": float(r.fun),
                        "nfev": int(r.nfev), "nit": int(r.nit), "message": r.message, "calls": calls, "draws": rec.log})

rec = Recorder(3)
f, calls = tracked(rastrigin)
r = dual_annealing(f, [(-5.12, 5.12)] * 3, maxiter=40, seed=rec, no_local_search=True, initial_temp=50.0,
                   restart_temp_ratio=0.02)
out["runs"].append({"algorithm": "dual_annealing", "kwargs": {"maxiter": 40, "no_local_search": True,
                    "initial_temp": 50.0, "restart_temp_ratio": 0.02}, "bounds": [[-5.12, 5.12]] * 3,
                    "x": r.x.tolist(), "fun": float(r.fun), "nfev": int(r.nfev), "nit": int(r.nit),
                    "message": r.message, "calls": calls, "draws": rec.log})

sys.path.insert(0, ".")
import pyswarm_pso
rec = Recorder(9)
np.random.rand = rec.rand
np.random.uniform = rec.uniform
f, calls = tracked(rastrigin)
with contextlib.redirect_stdout(io.StringIO()) as printed:
    g, fg = pyswarm_pso.pso(f, [-5.12, -5.12], [5.12, 5.12], swarmsize=12, maxiter=25)
out["runs"].append({"algorithm": "pyswarm", "kwargs": {"swarmsize": 12, "maxiter": 25},
                    "bounds": [[-5.12, 5.12]] * 2, "x": list(map(float, g)), "fun": float(fg), "nfev": len(calls),
                    "message": printed.getvalue().strip(), "calls": calls, "draws": rec.log})

# pyswarms 1.3.0 (source tree of ljvmiranda921/pyswarms 70c969d on PYSWARMS_DIR)
sys.path.insert(0, PYSWARMS_DIR)
import logging
import pyswarms
logging.getLogger("pyswarms").setLevel(logging.ERROR)
for name, kwargs in [("GlobalBestPSO", {"n_particles": 10, "options": {"c1": 0.5, "c2": 0.3, "w": 0.9}}),
                     ("LocalBestPSO", {"n_particles": 10, "options": {"c1": 0.5, "c2": 0.3, "w": 0.9, "k": 3, "p": 2},
                                       "bh_strategy": "reflective", "velocity_clamp": (-1.0, 1.0)})]:
    rec = Recorder(11)
    np.random.uniform = rec.uniform
    np.random.random_sample = rec.random_sample
    calls = []
    def swarm_f(X):
        v = np.array([rastrigin(x) for x in X])
        for x, fx in zip(X, v):
            calls.append([list(map(float, x)), float(fx)])
        return v
    cls = getattr(pyswarms.single, name)
    opt = cls(dimensions=2, bounds=(np.array([-5.12, -5.12]), np.array([5.12, 5.12])), **kwargs)
    cost, pos = opt.optimize(swarm_f, iters=20, verbose=False)
    out["runs"].append({"algorithm": "pyswarms." + name, "kwargs": {k: v for k, v in kwargs.items()},
                        "iters": 20, "bounds": [[-5.12, 5.12]] * 2, "x": list(map(float, pos)), "fun": float(cost),
                        "nfev": len(calls), "calls": calls, "draws": rec.log})
json.dump(out, sys.stdout)
