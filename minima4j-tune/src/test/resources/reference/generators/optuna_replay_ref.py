#!/usr/bin/python3
"""Whole Optuna 3.1.0 studies for the replay tests of minima4j's seeded samplers: RandomSampler(seed=s),
TPESampler(seed=s) and TPESampler(seed=s, multivariate=True) on Branin, Hartmann-6 and the mixed
categorical/log-float/int space of optuna_ref.py, seeds 0..2, 40 trials each (10 random startup trials, then
30 TPE trials); CmaEsSampler(seed=s) on the same problems (the mixed space's CMA-ES space is u and k, c being
sampled independently), 60 trials (10 generations of 6 in two dimensions, 6 of 9 on Hartmann-6). Every trial's parameters (external values) and objective value are recorded; the problem code
is the same as in optuna_ref.py (suggest order: Branin x1, x2; Hartmann-6 x0..x5; mixed c, u, k).

Run: /usr/bin/python3 minima4j-tune/src/test/resources/reference/generators/optuna_replay_ref.py
  -> minima4j-tune/src/test/resources/reference/optuna_replay.json
"""
import json
import math
import os
import platform
import warnings

import numpy as np
import optuna

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "optuna_replay.json")

N_TRIALS = 40
N_TRIALS_CMAES = 60
SEEDS = [0, 1, 2]

HART_ALPHA = np.array([1.0, 1.2, 3.0, 3.2])
HART_A = np.array([[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14],
                   [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]], dtype=np.float64)
HART_P = 1e-4 * np.array([[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
                          [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]],
                         dtype=np.float64)
MIXED_SHIFT = {"A": 0.0, "B": 0.5, "C": -1.0}
MIXED_PENALTY = {"A": 0.5, "B": 0.0, "C": 1.0}


def branin(trial):
    x1 = trial.suggest_float("x1", -5.0, 10.0)
    x2 = trial.suggest_float("x2", 0.0, 15.0)
    a, b, c, r, s, t = 1.0, 5.1 / (4 * math.pi ** 2), 5.0 / math.pi, 6.0, 10.0, 1.0 / (8 * math.pi)
    return a * (x2 - b * x1 ** 2 + c * x1 - r) ** 2 + s * (1 - t) * math.cos(x1) + s


def hartmann6(trial):
    x = np.asarray([trial.suggest_float("x%d" % i, 0.0, 1.0) for i in range(6)], dtype=np.float64)
    inner = np.sum(HART_A * (x[None, :] - HART_P) ** 2, axis=1)
    return float(-np.sum(HART_ALPHA * np.exp(-inner)))


def mixed(trial):
    c = trial.suggest_categorical("c", ["A", "B", "C"])
    u = trial.suggest_float("u", 1e-3, 1e2, log=True)
    k = trial.suggest_int("k", -5, 5)
    y1 = math.log10(u) - MIXED_SHIFT[c]
    y2 = k / 2.0
    return 100.0 * (y2 - y1 ** 2) ** 2 + (1.0 - y1) ** 2 + MIXED_PENALTY[c]


PROBLEMS = {"branin": branin, "hartmann6": hartmann6, "mixed": mixed}


def make_sampler(name, seed):
    if name == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    if name == "tpe":
        return optuna.samplers.TPESampler(seed=seed)
    if name == "tpe_multivariate":
        return optuna.samplers.TPESampler(seed=seed, multivariate=True)
    if name == "cmaes":
        return optuna.samplers.CmaEsSampler(seed=seed, warn_independent_sampling=False)
    raise ValueError(name)


def main():
    warnings.filterwarnings("ignore")
    optuna.logging.set_verbosity(optuna.logging.ERROR)
    studies = []
    runs = [(s, p, N_TRIALS) for s in ["random", "tpe", "tpe_multivariate"] for p in PROBLEMS]
    runs += [("cmaes", p, N_TRIALS_CMAES) for p in PROBLEMS]
    for sampler, problem, n_trials in runs:
        objective = PROBLEMS[problem]
        for seed in SEEDS:
            study = optuna.create_study(direction="minimize", sampler=make_sampler(sampler, seed))
            study.optimize(objective, n_trials=n_trials)
            trials = [{"params": dict(t.params), "value": t.value} for t in study.trials]
            studies.append({"sampler": sampler, "problem": problem, "seed": seed, "trials": trials})
    doc = {
        "generator": "generators/optuna_replay_ref.py",
        "versions": {"python": platform.python_version(), "optuna": optuna.__version__,
                     "numpy": np.__version__},
        "n_trials": N_TRIALS,
        "studies": studies,
    }
    with open(OUT, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
