# Generates cmaes_091_trajectories.json. CMAES_091_DIR holds cmaes/_cma.py and cmaes/_sepcma.py from
# `git show v0.9.1:cmaes/_cma.py` / `_sepcma.py` (CyberAgentAILab/cmaes) plus an __init__.py importing CMA and
# SepCMA; run with python3 + numpy.
import json, math, numpy as np, sys
sys.path.insert(0, 'CMAES_091_DIR')
from cmaes import CMA, SepCMA
out = {"source": "CyberAgentAILab/cmaes v0.9.1 cmaes/_cma.py (git show v0.9.1:cmaes/_cma.py), run with numpy " + np.__version__,
       "constants": [], "trajectories": []}
for n in [2, 3, 5, 10, 40]:
    es = CMA(mean=np.zeros(n), sigma=1.0, seed=1)
    out["constants"].append({"n": n, "popsize": es._popsize, "mu": es._mu, "mu_eff": es._mu_eff, "c1": es._c1,
        "cmu": es._cmu, "c_sigma": es._c_sigma, "d_sigma": es._d_sigma, "cc": es._cc, "chi_n": es._chi_n,
        "weights": es._weights.tolist(), "funhist_term": es._funhist_term})
def rosen(x):
    return float(np.sum(100.0 * (x[1:] - x[:-1] ** 2) ** 2 + (1.0 - x[:-1]) ** 2))
for n, bounds, gens in [(3, None, 30), (4, [[-0.5, 2.0]] * 4, 30)]:
    es = CMA(mean=np.full(n, 0.2), sigma=0.7, seed=7, bounds=None if bounds is None else np.array(bounds))
    steps = []
    for g in range(gens):
        sols = []
        for _ in range(es.population_size):
            x = es.ask()
            sols.append((x, rosen(x)))
        xs = [s[0].tolist() for s in sols]
        fs = [s[1] for s in sols]
        es.tell(sols)
        steps.append({"xs": xs, "fs": fs, "mean": es._mean.tolist(), "sigma": float(es._sigma),
                      "C": es._C.tolist(), "p_sigma": es._p_sigma.tolist(), "pc": es._pc.tolist(),
                      "should_stop": bool(es.should_stop())})
    out["trajectories"].append({"n": n, "mean0": [0.2] * n, "sigma0": 0.7, "bounds": bounds, "objective": "rosenbrock",
                                "steps": steps})
out["sep_constants"] = []
for n in [2, 5, 10, 100]:
    es = SepCMA(mean=np.zeros(n), sigma=1.0, seed=1)
    out["sep_constants"].append({"n": n, "popsize": es._popsize, "mu": es._mu, "mu_eff": es._mu_eff, "c1": es._c1,
        "cmu": es._cmu, "c_sigma": es._c_sigma, "d_sigma": es._d_sigma, "cc": es._cc, "weights": es._weights.tolist()})
out["sep_trajectories"] = []
for n, bounds, gens in [(6, None, 30), (5, [[-0.5, 2.0]] * 5, 30)]:
    es = SepCMA(mean=np.full(n, 0.2), sigma=0.7, seed=7, bounds=None if bounds is None else np.array(bounds))
    steps = []
    for g in range(gens):
        sols = []
        for _ in range(es.population_size):
            x = es.ask()
            sols.append((x, rosen(x)))
        xs = [s[0].tolist() for s in sols]
        fs = [s[1] for s in sols]
        es.tell(sols)
        steps.append({"xs": xs, "fs": fs, "mean": es._mean.tolist(), "sigma": float(es._sigma),
                      "C": es._C.tolist(), "p_sigma": es._p_sigma.tolist(), "pc": es._pc.tolist(),
                      "should_stop": bool(es.should_stop())})
    out["sep_trajectories"].append({"n": n, "mean0": [0.2] * n, "sigma0": 0.7, "bounds": bounds,
                                    "objective": "rosenbrock", "steps": steps})
json.dump(out, open('./cmaes_091_trajectories.json', 'w'))
print("ok")
