"""Reruns the anchors of global.json on this machine with global_ref.py's own task() (same code, same seeds), to
see how far the anchors' evaluation counts reproduce across machines (last-bit sensitivity of CMA-ES and of dual
annealing's finite-difference L-BFGS-B; docs/BENCHMARKS-global.md, "Replay").

Run with Debian's /usr/bin/python3 (scipy 1.10.1, numpy 1.24.2, cmaes 0.9.1; pyswarms on PYTHONPATH for "pso"):
    /usr/bin/python3 global_ref_rerun.py GLOBAL_REF_DIR dual_annealing,cma out.json [workers]
GLOBAL_REF_DIR holds global_ref.py and _common.py (/work/shared/reference/generators). Writes, per case,
algorithm, function, dim, seed, nfev_to_target and nfev (nothing is written into GLOBAL_REF_DIR).
"""
import json
import sys
import time
from multiprocessing import Pool

sys.path.insert(0, sys.argv[1])
import global_ref as G  # noqa: E402

if __name__ == "__main__":
    algos = sys.argv[2].split(",")
    workers = int(sys.argv[4]) if len(sys.argv) > 4 else 2
    tasks = [(a, f, d, s, G.BUDGET_PER_DIM * d) for a in algos for f in G.FUNCS for d in G.DIMS for s in G.SEEDS]
    tasks.sort(key=lambda t: -t[2])
    t0 = time.time()
    with Pool(workers) as p:
        runs = p.map(G.task, tasks, chunksize=1)
    keep = ("algorithm", "function", "dim", "seed", "nfev_to_target", "nfev")
    json.dump([{k: r[k] for k in keep} for r in runs], open(sys.argv[3], "w"))
    print("seconds", time.time() - t0)
