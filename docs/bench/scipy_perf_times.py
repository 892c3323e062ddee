#!/usr/bin/python3
"""In-process times of scipy 1.10.1's L-BFGS-B (extended Rosenbrock, n = 100 and 10000, analytic
gradient) and SLSQP (HS071, analytic gradients), for docs/BENCHMARKS-minimize.md.

Same setting as the Java side (org.minima4j.optimize.bench.PerformanceBenchmark): default
options, scipy's rosen/rosen_der, x0 = -1.2 at even and 1.0 at odd indices; time.perf_counter()
around minimize() (n = 10000 with maxiter = 1000), and time.process_time() (CPU time, less
sensitive to the load of a shared machine); `warmup` untimed runs, then `reps` timed runs per
case; medians are reported.

Run: /usr/bin/python3 docs/bench/scipy_perf_times.py [out.json] [reps]
"""
import json
import statistics
import sys
import time
import warnings

import numpy as np
import scipy
from scipy.optimize import Bounds, minimize, rosen, rosen_der

warnings.filterwarnings("ignore")


def alt_x0(n):
    return np.array([-1.2 if i % 2 == 0 else 1.0 for i in range(n)])


def hs071(x):
    return x[0] * x[3] * (x[0] + x[1] + x[2]) + x[2]


def hs071_der(x):
    return np.array([x[3] * (2 * x[0] + x[1] + x[2]), x[0] * x[3], x[0] * x[3] + 1.0,
                     x[0] * (x[0] + x[1] + x[2])])


HS071_CONS = [
    {"type": "ineq", "fun": lambda x: x[0] * x[1] * x[2] * x[3] - 25.0,
     "jac": lambda x: np.array([x[1] * x[2] * x[3], x[0] * x[2] * x[3], x[0] * x[1] * x[3], x[0] * x[1] * x[2]])},
    {"type": "eq", "fun": lambda x: x[0] ** 2 + x[1] ** 2 + x[2] ** 2 + x[3] ** 2 - 40.0,
     "jac": lambda x: 2.0 * np.asarray(x)}]

CASES = {
    "lbfgsb_rosen100": lambda: minimize(rosen, alt_x0(100), jac=rosen_der, method="L-BFGS-B"),
    # n = 10000 needs more than the default maxfun = 15000 evaluations to converge (about 27 s in
    # scipy here), so the comparison stops both at maxiter = 1000 (same iterates, same counts)
    "lbfgsb_rosen10000": lambda: minimize(rosen, alt_x0(10000), jac=rosen_der, method="L-BFGS-B",
                                          options={"maxiter": 1000}),
    "slsqp_hs071": lambda: minimize(hs071, np.array([1.0, 5.0, 5.0, 1.0]), jac=hs071_der, method="SLSQP",
                                    bounds=Bounds([1.0] * 4, [5.0] * 4), constraints=HS071_CONS),
}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else None
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 21
    warmup = 3
    doc = {"scipy": scipy.__version__, "numpy": np.__version__, "warmup": warmup, "reps": reps, "cases": {}}
    for name, fn in CASES.items():
        for _ in range(warmup):
            fn()
        times = []
        cpu = []
        res = None
        for _ in range(reps):
            c = time.process_time()
            t = time.perf_counter()
            res = fn()
            times.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        doc["cases"][name] = {"median_seconds": statistics.median(times), "min_seconds": min(times),
                              "median_cpu_seconds": statistics.median(cpu),
                              "times": times, "cpu_times": cpu, "nit": int(res.nit), "nfev": int(res.nfev),
                              "njev": int(res.njev), "fun": float(res.fun), "success": bool(res.success)}
    text = json.dumps(doc, indent=1)
    if out:
        with open(out, "w") as f:
            f.write(text + "\n")
    else:
        print(text)


if __name__ == "__main__":
    main()
