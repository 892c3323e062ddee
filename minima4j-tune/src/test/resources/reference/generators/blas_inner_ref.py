#!/usr/bin/python3
"""numpy.inner(categorical_weights.T, weights) as Optuna 3.1's _ParzenEstimator.log_pdf computes it for a single
categorical parameter (numpy 1.24 on Debian's OpenBLAS 0.3.21), for TPE estimators with 2 to 8 choices and
0 to 29 observations, with the exact bits of the result: the sum order decides ties between choices.
For OpenBlasGemvTest.

Run: /usr/bin/python3 minima4j-tune/src/test/resources/reference/generators/blas_inner_ref.py
  -> minima4j-tune/src/test/resources/reference/blas_inner.json
"""
import json
import os
import platform

import numpy as np
from optuna.samplers._tpe.sampler import default_weights

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "blas_inner.json")


def main():
    rs = np.random.RandomState(11)
    cases = []
    for t in range(140):
        n = rs.randint(0, 30)
        k = [2, 3, 4, 5, 6, 7, 8][t % 7]
        obs = rs.randint(0, k, n)
        w_cat = np.full((n + 1, k), 1.0 / (n + 1))  # prior_weight 1, as the sampler
        w_cat[np.arange(n), obs] += 1
        w_cat /= w_cat.sum(axis=1, keepdims=True)
        w = np.zeros(n + 1)
        w[:-1] = default_weights(n)[:n]
        w[-1] = 1.0
        w /= w.sum()
        r = np.inner(w_cat.T, w)
        cases.append({"categorical_weights": w_cat.tolist(), "weights": w.tolist(), "inner": r.tolist()})
    doc = {"generator": "generators/blas_inner_ref.py",
           "versions": {"python": platform.python_version(), "numpy": np.__version__}, "cases": cases}
    with open(OUT, "w") as f:
        json.dump(doc, f)
        f.write("\n")


if __name__ == "__main__":
    main()
