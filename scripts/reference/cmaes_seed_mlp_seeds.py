# Success rate of the cmaes library (Debian python3-cmaes 0.9.1) on the seed MLP over seeds 0..29:
# CMA(mean=x0, sigma=0.5, seed=s), 100 generations; prints the first 12 best losses and the count below 4.1.
# Run: /usr/bin/python3 scripts/reference/cmaes_seed_mlp_seeds.py from the repository root (needs python3-cmaes and python3-numpy).
import json, numpy as np
from cmaes import CMA
d=json.load(open('minima4j-cli/src/main/resources/reference/seed_mlp.json'))
X=np.array(d['input']); T=np.array(d['target']); x0=np.array(d['x0'])
def f(x):
    W1=x[0:4].reshape(2,2); W2=x[4:8].reshape(2,2); b=x[8:10]
    H=np.maximum(X@W1.T,0); Y=H@W2.T+b; return float(np.mean((Y-T)**2))
vals=[]
for s in list(range(30)):
    es=CMA(mean=x0.copy(), sigma=0.5, seed=s); best=np.inf
    for g in range(100):
        sols=[]
        for _ in range(es.population_size):
            x=es.ask(); v=f(x); sols.append((x,v)); best=min(best,v)
        es.tell(sols)
    vals.append(best)
print(' '.join('%.3g'%v for v in vals[:12]), '... below 4.1:', sum(v<4.1 for v in vals), '/30')
