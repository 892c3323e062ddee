"""Optuna 3.1 RDBStorage side of `minima study bench`: the same operations through Optuna's storage API.

  optuna_storage_bench.py URL STUDY N_TRIALS N_PARAMS   prints {"seconds": s, "ops": n}
"""
import json
import sys
import time
import warnings

import optuna
from optuna.distributions import FloatDistribution
from optuna.study import StudyDirection
from optuna.trial import TrialState

optuna.logging.set_verbosity(optuna.logging.ERROR)
warnings.filterwarnings("ignore")

url, name, n_trials, n_params = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
storage = optuna.storages.RDBStorage(url)
study_id = storage.create_new_study([StudyDirection.MINIMIZE], name)
dist = FloatDistribution(0.0, 1.0)
start = time.perf_counter()
for i in range(n_trials):
    trial_id = storage.create_new_trial(study_id)
    for p in range(n_params):
        storage.set_trial_param(trial_id, "p%d" % p, (i * 7 + p) % 100 / 100.0, dist)
    storage.set_trial_state_values(trial_id, TrialState.COMPLETE, [float(i)])
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "ops": n_trials * (2 + n_params)}))
