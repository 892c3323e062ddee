#!/usr/bin/python3
"""COBYLA reference runs (scipy 1.10.1 as Debian's python3-scipy 1.10.1-2), for minima4j's COBYLA port.

Run: /usr/bin/python3 cobyla_ref.py > ../cobyla_ref.json
The objective and constraint formulas are in the JSON; the Java test (CobylaReferenceTest) codes
the same functions. Default options except where "options" says otherwise.
"""
import json
import numpy as np
import scipy
from scipy.optimize import minimize, rosen

def beale(x):
    a, b = x
    return (1.5 - a + a * b) ** 2 + (2.25 - a + a * b * b) ** 2 + (2.625 - a + a * b * b * b) ** 2

PROBLEMS = [
    ("rosenbrock2", rosen, [-1.2, 1.0], [], {}),
    ("rosenbrock2_maxiter50", rosen, [-1.2, 1.0], [], {"maxiter": 50}),
    ("beale", beale, [1.0, 1.0], [], {}),
    ("disk", lambda x: (x[0] - 2.0) ** 2 + (x[1] - 1.0) ** 2, [0.0, 0.0],
     [lambda x: 1.0 - x[0] * x[0] - x[1] * x[1]], {}),
    ("hs035_ineq", lambda x: 9 - 8 * x[0] - 6 * x[1] - 4 * x[2] + 2 * x[0] * x[0] + 2 * x[1] * x[1] + x[2] * x[2]
     + 2 * x[0] * x[1] + 2 * x[0] * x[2], [0.5, 0.5, 0.5],
     [lambda x: np.array([x[0], x[1], x[2]]), lambda x: 3.0 - x[0] - x[1] - 2.0 * x[2]], {}),
    ("disk_rhobeg_tol", lambda x: (x[0] - 2.0) ** 2 + (x[1] - 1.0) ** 2, [0.0, 0.0],
     [lambda x: 1.0 - x[0] * x[0] - x[1] * x[1]], {"rhobeg": 0.5, "tol": 1e-8}),
]

FORMULAS = {
    "rosenbrock2": "scipy.optimize.rosen (numpy pairwise sum), no constraints",
    "rosenbrock2_maxiter50": "as rosenbrock2 with maxiter=50",
    "beale": "(1.5-a+a*b)^2 + (2.25-a+a*b*b)^2 + (2.625-a+a*b*b*b)^2 (products, no pow)",
    "disk": "(x-2)^2 + (y-1)^2 s.t. 1 - x*x - y*y >= 0",
    "hs035_ineq": "9-8x1-6x2-4x3+2x1*x1+2x2*x2+x3*x3+2x1x2+2x1x3 s.t. [x1, x2, x3] >= 0 (one vector constraint), 3-x1-x2-2x3 >= 0",
    "disk_rhobeg_tol": "as disk with rhobeg=0.5, tol=1e-8",
}

runs = []
for name, f, x0, cons, opts in PROBLEMS:
    r = minimize(f, np.array(x0), method="COBYLA", constraints=[{"type": "ineq", "fun": c} for c in cons],
                 options=opts)
    runs.append({"problem": name, "formula": FORMULAS[name], "x0": x0, "options": opts,
                 "x": [float(v) for v in r.x], "fun": float(r.fun), "nfev": int(r.nfev),
                 "status": int(r.status), "success": bool(r.success), "message": str(r.message),
                 "maxcv": float(r.maxcv)})
print(json.dumps({"description": "scipy.optimize.minimize(method='COBYLA') reference runs",
                  "scipy": scipy.__version__, "numpy": np.__version__, "runs": runs}, indent=1))
