# cmaes 0.9.1 on the seed MLP (sigma 0.5 from x0, 100 generations) for seeds 0..19 and 42; output quoted in
# CmaSeedTest and docs/porting/global.md. CMAES_091_DIR as in cmaes_091_trajectories.py.
import json, numpy as np, sys
sys.path.insert(0, 'CMAES_091_DIR')
from cmaes import CMA
d = json.load(open('seed_mlp.json'))
X = np.array(d['input']); T = np.array(d['target']); x0 = np.array(d['x0'])
def loss(x):
    W1 = x[0:4].reshape(2,2); W2 = x[4:8].reshape(2,2); b2 = x[8:10]
    h = np.maximum(0, X @ W1.T); y = h @ W2.T + b2
    return float(np.mean((y - T)**2))
print(loss(x0), d['loss_at_x0'])
res = []
for s in list(range(20)) + [42]:
    es = CMA(mean=x0.copy(), sigma=0.5, seed=s)
    best = np.inf
    for g in range(100):
        sols = []
        for _ in range(es.population_size):
            x = es.ask(); f = loss(x); best = min(best, f); sols.append((x, f))
        es.tell(sols)
    res.append(best)
print([round(r, 3) for r in res]); print("median", np.median(res[:20]))
