# Check quoted in docs/BENCHMARKS-global.md: cmaes 0.9.1 single runs (no restart) on 5-d Griewank from the domain
# centre, sigma 360, bounds [-600, 600], seeds 0..999, until should_stop(); writes best value and evaluations per run.
# CMAES_091_DIR as in cmaes_091_trajectories.py. Java counterpart: the same loop over CMA with seeds 0..3999.
import numpy as np, sys, math, json
sys.path.insert(0, 'CMAES_091_DIR')
from cmaes import CMA
def griewank(x):
    d = x.shape[-1]; i = np.arange(1, d + 1, dtype=np.float64)
    return 1.0 + np.sum(x * x, axis=-1) / 4000.0 - np.prod(np.cos(x / np.sqrt(i)), axis=-1)
d=5; lo, hi = -600., 600.
bests=[]; nfs=[]
for seed in range(1000):
    es = CMA(mean=np.full(d, 0.0), sigma=0.3 * (hi - lo), bounds=np.array([[lo, hi]] * d), seed=seed)
    n=0; best=np.inf
    while not es.should_stop():
        sols=[]
        for _ in range(es.population_size):
            x=es.ask(); f=float(griewank(x)); n+=1; best=min(best,f); sols.append((x,f))
        es.tell(sols)
    bests.append(best); nfs.append(n)
json.dump({"best": bests, "nfev": nfs}, open('cmaes_091_griewank5.json','w'))
print("done")
