"""NumPy RandomState draws for NumpyRandomStateTest (numpy 1.24.2, Debian bookworm).

Run: /usr/bin/python3 numpy_random_state_ref.py > ../numpy_random_state.json
Each case seeds RandomState(seed) and records one kind of draw, in order.
"""
import json
import sys

import numpy as np

out = {"source": "numpy " + np.__version__, "cases": []}


def case(seed, kind, values, **kw):
    d = {"seed": seed, "kind": kind, "values": values}
    d.update(kw)
    out["cases"].append(d)


for seed in [0, 1, 42, 4294967295]:
    r = np.random.RandomState(seed)
    case(seed, "uint32", [int(v) for v in r.randint(0, 2**32, size=8, dtype=np.uint64)])
    r = np.random.RandomState(seed)
    case(seed, "random_sample", [float(v) for v in r.random_sample(1000)])
    r = np.random.RandomState(seed)
    case(seed, "randn", [float(v) for v in r.randn(5001)])
    r = np.random.RandomState(seed)
    case(seed, "uniform", [float(v) for v in r.uniform(-5.12, 5.12, size=7)], low=-5.12, high=5.12)
    for bound in [1, 2, 3, 10, 17, 1000, 2**31 - 1]:
        r = np.random.RandomState(seed)
        case(seed, "randint", [int(r.randint(0, bound)) for _ in range(50)], bound=bound)
    r = np.random.RandomState(seed)
    case(seed, "randint64", [int(r.randint(0, 2**40 + 3)) for _ in range(10)], bound=2**40 + 3)
    r = np.random.RandomState(seed)
    case(seed, "permutation", [int(v) for v in r.permutation(25)], n=25)
    r = np.random.RandomState(seed)
    case(seed, "shuffle_then_uniform", [int(v) for v in r.permutation(7)] + [float(r.random_sample())], n=7)
    p = [0.1, 0.0, 0.35, 0.05, 0.5]
    r = np.random.RandomState(seed)
    case(seed, "choice_p", [int(v) for v in r.choice(len(p), size=40, p=p)], p=p)
    r = np.random.RandomState(seed)
    r.randn()  # leaves a cached Gaussian
    st = r.get_state()
    case(seed, "state_after_one_randn", [int(v) for v in st[1][:4]], pos=int(st[2]), has_gauss=int(st[3]),
         cached=float(st[4]), next=[float(r.randn()), float(r.randn()), float(r.random_sample())])
json.dump(out, sys.stdout)
