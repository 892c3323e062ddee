"""numpy.linalg.eigh fixtures for org.minima4j.optimize.global.internal.NumpyEigh (LAPACK dsyevd through Debian's
numpy 1.24.2 and OpenBLAS 0.3.21): random symmetric matrices (indefinite and positive definite), diagonal ones,
ones with repeated eigenvalues, and the covariance matrices of a cmaes 0.9.1 run (the matrices CMA-ES decomposes).
Run: /usr/bin/python3 numpy_eigh_ref.py > ../numpy_eigh.json
"""
import json
import sys

import numpy as np
from cmaes import CMA

rng = np.random.RandomState(20261121)
cases = []
for n in [2, 3, 4, 5, 7, 10, 16, 25]:
    for _ in range(3):
        a = rng.standard_normal((n, n))
        cases.append(("random", (a + a.T) / 2))
        b = rng.standard_normal((n, n))
        cases.append(("spd", b @ b.T + 1e-3 * np.eye(n)))
for n in [2, 5, 10]:
    cases.append(("diagonal", np.diag(rng.uniform(0.1, 3.0, n))))
    cases.append(("identity", np.eye(n)))
    q, _ = np.linalg.qr(rng.standard_normal((n, n)))
    lam = np.repeat([1.0, 2.0], [n // 2, n - n // 2])
    cases.append(("repeated", (q * lam) @ q.T))


def rosen(x):
    return float(np.sum(100.0 * (x[1:] - x[:-1] ** 2) ** 2 + (1.0 - x[:-1]) ** 2))


for n in [3, 10]:
    es = CMA(mean=np.full(n, 2.5), sigma=4.5, bounds=np.array([[-5.0, 10.0]] * n), seed=1)
    for g in range(60):
        sols = []
        for _ in range(es.population_size):
            x = es.ask()
            sols.append((x, rosen(x)))
        es.tell(sols)
        if g % 6 == 0:
            C = (es._C + es._C.T) / 2
            cases.append(("cmaes", C))

out = {"source": "numpy %s numpy.linalg.eigh (LAPACK dsyevd, UPLO='L')" % np.__version__, "cases": []}
for kind, a in cases:
    w, v = np.linalg.eigh(a)
    out["cases"].append({"kind": kind, "a": a.tolist(), "values": w.tolist(), "vectors": v.tolist()})
json.dump(out, sys.stdout)
