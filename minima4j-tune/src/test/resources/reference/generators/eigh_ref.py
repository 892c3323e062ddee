#!/usr/bin/python3
"""numpy.linalg.eigh (LAPACK dsyevd through Debian's OpenBLAS 0.3.21) on symmetric positive (semi)definite
matrices of sizes 2..6 like CMA-ES covariances, including nearly diagonal ones: eigenvalues and eigenvectors
with their signs, for NumpyEighAgainstTuneFixtureTest (cmaes 0.9.1 samples x = mean + sigma B diag(D) z with these B).

Run: /usr/bin/python3 minima4j-tune/src/test/resources/reference/generators/eigh_ref.py
  -> minima4j-tune/src/test/resources/reference/eigh.json
"""
import json
import os
import platform

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "eigh.json")


def main():
    rs = np.random.RandomState(7)
    cases = []
    for t in range(150):
        n = [2, 3, 4, 5, 6][t % 5]
        a = rs.randn(n, n)
        c = a @ a.T / n + rs.uniform(0, 1) * np.eye(n) * rs.choice([0, 1e-3, 1])
        if t % 7 == 0:
            c = np.diag(rs.uniform(0.5, 2, n))
            c[0, 1] = c[1, 0] = 1e-20
        c = (c + c.T) / 2
        w, b = np.linalg.eigh(c)
        cases.append({"c": c.tolist(), "w": w.tolist(), "b": b.tolist()})
    doc = {"generator": "generators/eigh_ref.py",
           "versions": {"python": platform.python_version(), "numpy": np.__version__}, "cases": cases}
    with open(OUT, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
