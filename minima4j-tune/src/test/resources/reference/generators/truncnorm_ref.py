#!/usr/bin/python3
"""Optuna 3.1.0's truncated-normal numerics (optuna/samplers/_tpe/_truncnorm.py) on fixed inputs, for
OptunaTruncnormTest: ppf(q, a, b) over interior, left-tail, right-tail, narrow and wide intervals;
_log_ndtr_single, _log_gauss_mass, and CPython's math.erf / math.erfc (which _ndtr_single uses).

Run: /usr/bin/python3 minima4j-tune/src/test/resources/reference/generators/truncnorm_ref.py
  -> minima4j-tune/src/test/resources/reference/truncnorm.json
"""
import json
import math
import os
import platform

import numpy as np
import optuna
from optuna.samplers._tpe import _truncnorm as tn

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "truncnorm.json")


def main():
    rs = np.random.RandomState(20261121)
    ppf = []
    for i in range(600):
        k = i % 6
        if k == 0:
            a = rs.uniform(-5, 0); b = a + rs.uniform(0.01, 10)
        elif k == 1:
            a = rs.uniform(-40, -5); b = a + rs.uniform(0.001, 5)
        elif k == 2:
            a = rs.uniform(0, 30); b = a + rs.uniform(0.001, 5)
        elif k == 3:
            a = rs.uniform(-3, 3); b = a + rs.uniform(1e-6, 1e-3)
        elif k == 4:
            a = -rs.uniform(0, 2); b = rs.uniform(0, 2)
        else:
            a = rs.uniform(-1, 1) * rs.uniform(0, 100); b = a + rs.uniform(0, 100)
        q = rs.random_sample()
        x = float(tn.ppf(np.array([q]), np.array([a]), np.array([b]))[0])
        lgm = float(tn._log_gauss_mass(np.array([a]), np.array([b]))[0])
        ppf.append({"q": q, "a": a, "b": b, "ppf": x, "log_gauss_mass": lgm})
    points = sorted(set([round(float(v), 6) for v in np.linspace(-30, 8, 153)] + [-20.5, -6.0, 0.0, 5.99, 6.01]))
    log_ndtr = [{"x": x, "log_ndtr": tn._log_ndtr_single(x)} for x in points]
    erf_points = [float(v) for v in np.concatenate([np.linspace(-7, 7, 141), rs.uniform(-3, 3, 60),
                                                    [1e-30, -1e-9, 0.84374, 0.84376, 1.24999, 1.25001,
                                                     2.857, 2.858, 5.999, 6.0, 27.9, 28.1]])]
    erf = [{"x": x, "erf": math.erf(x), "erfc": math.erfc(x)} for x in erf_points]
    doc = {"generator": "generators/truncnorm_ref.py",
           "versions": {"python": platform.python_version(), "optuna": optuna.__version__,
                        "numpy": np.__version__},
           "ppf": ppf, "log_ndtr": log_ndtr, "erf": erf}
    with open(OUT, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
