"""Optuna 3.1 side of minima4j's storage interoperability tests (run by OptunaInteropTest).

  optuna_interop.py dump URL          print every study of the storage as canonical JSON
  optuna_interop.py write URL         write two studies with Optuna, then print the dump
  optuna_interop.py extend URL STUDY  add 3 trials to STUDY with Optuna (TPE), then print the dump
"""
import json
import warnings
import math
import sys

import optuna
from optuna.distributions import distribution_to_json

optuna.logging.set_verbosity(optuna.logging.ERROR)
warnings.filterwarnings("ignore")



def dump(url):
    storage = optuna.storages.RDBStorage(url)
    out = []
    for summary in optuna.get_all_study_summaries(storage):
        study = optuna.load_study(study_name=summary.study_name, storage=storage)
        trials = []
        for t in study.get_trials(deepcopy=False):
            trials.append({
                "number": t.number,
                "state": t.state.name,
                "values": t.values,
                "params": t.params,
                "distributions": {k: json.loads(distribution_to_json(d)) for k, d in t.distributions.items()},
                "intermediate_values": {str(k): v for k, v in sorted(t.intermediate_values.items())},
                "user_attrs": t.user_attrs,
                "system_attrs": t.system_attrs,
                "datetime_start": t.datetime_start.isoformat(timespec="microseconds") if t.datetime_start else None,
                "datetime_complete": (t.datetime_complete.isoformat(timespec="microseconds")
                                      if t.datetime_complete else None),
            })
        out.append({
            "name": study.study_name,
            "directions": [d.name for d in study.directions],
            "user_attrs": study.user_attrs,
            "system_attrs": study.system_attrs,
            "trials": trials,
        })
    print(json.dumps(out, sort_keys=True))


def write(url):
    study = optuna.create_study(storage=url, study_name="from-optuna", sampler=optuna.samplers.TPESampler(seed=1))
    study.set_user_attr("owner", {"team": "x", "n": [1, 2.5]})

    def objective(trial):
        x = trial.suggest_float("x", -5, 5)
        n = trial.suggest_int("n", 1, 64, log=True)
        s = trial.suggest_float("s", 0.0, 1.0, step=0.25)
        k = trial.suggest_int("k", 0, 10, step=2)
        c = trial.suggest_categorical("c", ["a", None, 1.5, True, 3])
        trial.set_user_attr("tag", "t%d" % trial.number)
        trial.report(x * x, 0)
        trial.report(float("inf"), 1)
        if trial.number == 3:
            raise optuna.TrialPruned()
        if trial.number == 4:
            raise ValueError("boom")
        return x * x + n + s + k
    study.optimize(objective, n_trials=6, catch=(ValueError,))
    study.enqueue_trial({"x": 1.0, "n": 2})
    mo = optuna.create_study(storage=url, study_name="mo", directions=["minimize", "maximize"],
                             sampler=optuna.samplers.RandomSampler(seed=2))
    mo.optimize(lambda t: (t.suggest_float("a", 0, 1), t.suggest_float("b", 0, 1) ** 2), n_trials=3)
    dump(url)


def extend(url, name):
    study = optuna.load_study(study_name=name, storage=url, sampler=optuna.samplers.TPESampler(seed=5))

    def objective(trial):
        x = trial.suggest_float("x", -5, 5)
        return x * x
    study.optimize(objective, n_trials=3)
    dump(url)


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "dump":
        dump(sys.argv[2])
    elif cmd == "write":
        write(sys.argv[2])
    elif cmd == "extend":
        extend(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit("unknown command " + cmd)
