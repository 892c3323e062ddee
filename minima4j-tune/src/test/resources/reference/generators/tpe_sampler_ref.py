#!/usr/bin/python3
"""The Parzen estimators Optuna 3.1.0's TPESampler fits for a fixed trial history: a study of 37 trials
(COMPLETE with tied values, PRUNED with and without intermediate values, one trial without the
categorical parameter), independent (per parameter, as `sample_independent`) and multivariate (over the
intersection search space, as `_sample_relative`). For minima4j's TPE unit tests.

Run: /usr/bin/python3 minima4j-tune/src/test/resources/reference/generators/tpe_sampler_ref.py
  -> minima4j-tune/src/test/resources/reference/tpe_sampler.json
"""
import json
import os
import warnings

import numpy as np
import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.samplers._tpe.parzen_estimator import _ParzenEstimator
from optuna.samplers._tpe.sampler import _get_observation_pairs, _split_observation_pairs
from optuna.trial import TrialState

SPACE = {
    "x": FloatDistribution(-5.0, 10.0),
    "u": FloatDistribution(1e-3, 1e2, log=True),
    "k": IntDistribution(-5, 5),
    "c": CategoricalDistribution(["A", "B", "C"]),
}


def dist_json(d):
    if isinstance(d, CategoricalDistribution):
        return {"type": "categorical", "choices": list(d.choices)}
    t = "float" if isinstance(d, FloatDistribution) else "int"
    return {"type": t, "low": d.low, "high": d.high, "log": d.log, "step": d.step}


def fit(sampler, study, search_space):
    """The internals of TPESampler._sample_relative / sample_independent up to the two estimators."""
    names = list(search_space.keys())
    values, scores, violations = _get_observation_pairs(study, names, False, False)
    n = sum(s < float("inf") for s, v in scores)
    below_idx, above_idx = _split_observation_pairs(scores, sampler._gamma(n), violations)
    cv = {k: np.asarray(v, dtype=float) for k, v in values.items()}
    mask = ~np.isnan(list(cv.values())[0])
    below = {k: v[below_idx[mask[below_idx]]] for k, v in cv.items()}
    above = {k: v[above_idx[mask[above_idx]]] for k, v in cv.items()}
    pb = _ParzenEstimator(below, search_space, sampler._parzen_estimator_parameters)
    pa = _ParzenEstimator(above, search_space, sampler._parzen_estimator_parameters)
    rng = np.random.RandomState(5)
    pts = {}
    for k, d in search_space.items():
        if isinstance(d, CategoricalDistribution):
            pts[k] = rng.randint(len(d.choices), size=10)
        elif isinstance(d, IntDistribution):
            pts[k] = rng.randint(d.low, d.high + 1, size=10).astype(float)
        elif d.log:
            pts[k] = np.exp(rng.uniform(np.log(d.low), np.log(d.high), 10))
        else:
            pts[k] = rng.uniform(d.low, d.high, 10)

    def dump(pe, idx):
        return {
            "trials": [int(i) for i in idx],
            "weights": pe._weights.tolist(),
            "mus": [None if pe._mus[k] is None else pe._mus[k].tolist() for k in names],
            "sigmas": [None if pe._sigmas[k] is None else pe._sigmas[k].tolist() for k in names],
            "categorical_weights": [None if pe._categorical_weights[k] is None
                                    else pe._categorical_weights[k].tolist() for k in names],
            "log_pdf": pe.log_pdf({k: v.copy() for k, v in pts.items()}).tolist(),
        }

    return {
        "params": names,
        "n": int(n),
        "points": [pts[k].tolist() for k in names],
        "below": dump(pb, below_idx[mask[below_idx]]),
        "above": dump(pa, above_idx[mask[above_idx]]),
    }


def main():
    warnings.filterwarnings("ignore")
    optuna.logging.set_verbosity(optuna.logging.ERROR)
    rng = np.random.RandomState(3)
    study = optuna.create_study()
    trials = []
    for t in range(37):
        params = {
            "x": float(rng.uniform(-5, 10)),
            "u": float(np.exp(rng.uniform(np.log(1e-3), np.log(1e2)))),
            "k": int(rng.randint(-5, 6)),
            "c": ["A", "B", "C"][rng.randint(3)],
        }
        dists = dict(SPACE)
        if t == 13:
            del params["c"], dists["c"]
        r = rng.uniform()
        inter = {}
        if r < 0.15:
            state, value = TrialState.PRUNED, None
            for s in range(int(rng.randint(1, 4))):
                inter[s] = float(np.round(rng.normal(), 1))
        elif r < 0.2:
            state, value = TrialState.PRUNED, None
        else:
            state, value = TrialState.COMPLETE, float(np.round(rng.normal(), 1))
        study.add_trial(optuna.trial.create_trial(state=state, value=value, params=params, distributions=dists,
                                                  intermediate_values=inter))
        trials.append({"state": state.name, "value": value, "params": params,
                       "intermediate_values": {str(k): v for k, v in inter.items()}})

    ind = optuna.samplers.TPESampler(seed=0)
    mv = optuna.samplers.TPESampler(seed=0, multivariate=True)
    independent = [fit(ind, study, {k: SPACE[k]}) for k in SPACE]
    space = mv.infer_relative_search_space(study, study.trials[-1])
    multivariate = fit(mv, study, space)
    doc = {
        "description": "Optuna 3.1.0 TPESampler: below/above trials and the fitted _ParzenEstimator parameters "
                       "for a fixed trial history (internal representations: log parameters in external units, "
                       "categoricals as indices)",
        "optuna": optuna.__version__,
        "space": {k: dist_json(d) for k, d in SPACE.items()},
        "trials": trials,
        "independent": independent,
        "multivariate_space": list(space.keys()),
        "multivariate": multivariate,
    }
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tpe_sampler.json")
    with open(os.path.normpath(out), "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
