#!/usr/bin/python3
"""Optuna 3.1.0 `_ParzenEstimator` parameters and log densities for fixed observations, and
`_split_observation_pairs` on fixed score lists, for minima4j's TPE unit tests.

Run: /usr/bin/python3 minima4j-tune/src/test/resources/reference/generators/tpe_parzen_ref.py
  -> minima4j-tune/src/test/resources/reference/tpe_parzen.json
Deterministic (numpy RandomState(0) draws the observations and evaluation points).
"""
import json
import os

import numpy as np
import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.samplers._tpe.parzen_estimator import _ParzenEstimator, _ParzenEstimatorParameters
from optuna.samplers._tpe.sampler import _split_observation_pairs, default_weights

SPACE = {
    "f": FloatDistribution(-5.0, 10.0),
    "fs": FloatDistribution(0.0, 1.0, step=0.1),
    "fl": FloatDistribution(1e-3, 1e2, log=True),
    "i": IntDistribution(-5, 5),
    "i2": IntDistribution(0, 10, step=2),
    "il": IntDistribution(1, 1000, log=True),
    "c": CategoricalDistribution(["A", "B", "C"]),
}


def dist_json(d):
    if isinstance(d, CategoricalDistribution):
        return {"type": "categorical", "n": len(d.choices)}
    t = "float" if isinstance(d, FloatDistribution) else "int"
    return {"type": t, "low": d.low, "high": d.high, "log": d.log, "step": d.step}


def draw(rng, d, size):
    """Internal representations of `size` random valid values of `d`."""
    if isinstance(d, CategoricalDistribution):
        return rng.randint(len(d.choices), size=size).astype(float)
    if isinstance(d, FloatDistribution):
        if d.log:
            return np.exp(rng.uniform(np.log(d.low), np.log(d.high), size))
        if d.step is not None:
            k = int(round((d.high - d.low) / d.step))
            return d.low + d.step * rng.randint(k + 1, size=size)
        return rng.uniform(d.low, d.high, size)
    if d.log:
        return np.round(np.exp(rng.uniform(np.log(d.low), np.log(d.high), size)))
    k = (d.high - d.low) // d.step
    return (d.low + d.step * rng.randint(k + 1, size=size)).astype(float)


def main():
    rng = np.random.RandomState(0)
    cases = []
    configs = [
        # (params, n, multivariate, prior_weight, magic_clip, endpoints, predetermined)
        (["f"], 0, False, 1.0, True, False, False),
        (["f"], 1, False, 1.0, True, False, False),
        (["f"], 2, False, 1.0, True, False, False),
        (["f", "fs", "fl", "i", "i2", "il", "c"], 7, False, 1.0, True, False, False),
        (["f", "fs", "fl", "i", "i2", "il", "c"], 7, False, 0.5, False, True, False),
        (["f", "fs", "fl", "i", "i2", "il", "c"], 40, False, 1.0, True, False, False),
        (["f", "fl", "c"], 9, False, 2.0, True, False, True),
        (["f"], 0, True, 1.0, True, False, False),
        (["f", "fs"], 1, True, 1.0, True, False, False),
        (["f", "fs", "fl", "i", "i2", "il", "c"], 7, True, 1.0, True, False, False),
        (["f", "fs", "fl", "i", "i2", "il", "c"], 7, True, 0.5, False, True, False),
        (["f", "fs", "fl", "i", "i2", "il", "c"], 40, True, 1.0, True, False, False),
        (["f", "fl", "c"], 9, True, 2.0, True, False, True),
        (["f", "f2", "f3", "f4", "f5", "f6"], 90, True, 1.0, True, False, False),
    ]
    space = dict(SPACE)
    space["f2"] = FloatDistribution(0.0, 1.0)
    space["f3"] = FloatDistribution(0.0, 1.0)
    space["f4"] = FloatDistribution(-10.0, 10.0)
    space["f5"] = FloatDistribution(-10.0, 10.0)
    space["f6"] = FloatDistribution(0.0, 15.0)
    for names, n, mv, pw, clip, endpoints, predet in configs:
        ss = {k: space[k] for k in names}
        obs = {k: draw(rng, ss[k], n) for k in names}
        if n >= 2 and "f" in names:
            obs["f"][1] = obs["f"][0]  # a tie in the sorted centres
        pred = rng.uniform(0.0, 1.0, n) if predet else None
        params = _ParzenEstimatorParameters(True, pw, clip, endpoints, default_weights, mv)
        pe = _ParzenEstimator({k: v.copy() for k, v in obs.items()}, ss, params, pred)
        pts = {k: draw(rng, ss[k], 12) for k in names}
        logpdf = pe.log_pdf({k: (v.astype(int) if isinstance(ss[k], CategoricalDistribution) else v.copy())
                             for k, v in pts.items()})
        case = {
            "params": names,
            "distributions": [dist_json(ss[k]) for k in names],
            "n": n,
            "multivariate": mv,
            "prior_weight": pw,
            "magic_clip": clip,
            "endpoints": endpoints,
            "predetermined_weights": None if pred is None else pred.tolist(),
            "observations": [obs[k].tolist() for k in names],
            "weights": pe._weights.tolist(),
            "mus": [None if pe._mus[k] is None else pe._mus[k].tolist() for k in names],
            "sigmas": [None if pe._sigmas[k] is None else pe._sigmas[k].tolist() for k in names],
            "categorical_weights": [None if pe._categorical_weights[k] is None
                                    else pe._categorical_weights[k].tolist() for k in names],
            "points": [pts[k].tolist() for k in names],
            "log_pdf": logpdf.tolist(),
        }
        cases.append(case)

    splits = []
    for total, with_pruned in [(12, False), (30, True), (57, True)]:
        scores = []
        for t in range(total):
            u = rng.uniform()
            v = float(np.round(rng.normal(), 1))  # rounded: ties in the values
            if with_pruned and u < 0.3:
                step = int(rng.randint(0, 4))
                scores.append((-step, [v]))
            elif with_pruned and u < 0.35:
                scores.append((1, [0.0]))
            else:
                scores.append((-float("inf"), [v]))
        n_below = min(int(np.ceil(0.1 * total)), 25)
        below, above = _split_observation_pairs(scores, n_below, None)
        splits.append({
            "steps": [s for s, _ in scores],
            "values": [v[0] for _, v in scores],
            "n_below": n_below,
            "below": below.tolist(),
            "above": above.tolist(),
        })

    argsorts = []
    for n in [5, 16, 17, 18, 40, 77, 101, 130]:
        for kind in ["ties", "few", "distinct"]:
            if kind == "ties":
                v = rng.randint(0, 6, size=n).astype(float)
            elif kind == "few":
                v = rng.randint(0, 2, size=n).astype(float)
            else:
                v = rng.uniform(size=n)
            argsorts.append({"keys": v.tolist(), "argsort": np.argsort(v).tolist()})

    doc = {
        "description": "Optuna 3.1.0 _ParzenEstimator (mus, sigmas, weights, categorical weights, log_pdf) and "
                       "_split_observation_pairs on fixed inputs, np.argsort (default kind) of arrays with ties; internal representations (log parameters in "
                       "external units, categoricals as indices)",
        "optuna": optuna.__version__,
        "numpy": np.__version__,
        "cases": cases,
        "splits": splits,
        "argsorts": argsorts,
    }
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tpe_parzen.json")

    def fix(o):
        if isinstance(o, float) and not np.isfinite(o):
            return str(o)
        if isinstance(o, dict):
            return {k: fix(v) for k, v in o.items()}
        if isinstance(o, list):
            return [fix(v) for v in o]
        return o

    with open(os.path.normpath(out), "w") as f:
        json.dump(fix(doc), f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
