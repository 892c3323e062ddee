"""Writes ../preprocessing.json: scikit-learn 1.2.1 (Debian python3-sklearn 1.2.1+dfsg-1) outputs of
StandardScaler, MinMaxScaler, PCA (plain and whitened) and SimpleImputer on small fixed matrices.
Run with Debian's /usr/bin/python3 from this folder."""
import json
import numpy as np
import sklearn
from sklearn.decomposition import PCA
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import MinMaxScaler, StandardScaler

X = np.array([[1.0, -2.0, 3.5], [0.5, 4.0, -1.0], [2.5, 0.0, 0.0], [-1.5, 1.0, 2.0], [3.0, -3.0, 1.0],
              [0.0, 2.5, -2.5], [1.2, 0.3, 0.7]])
Xnew = np.array([[0.3, 0.7, -0.2], [5.0, -4.0, 2.0]])
Xnan = np.array([[1.0, np.nan, 3.0], [np.nan, 2.0, 5.0], [4.0, 6.0, np.nan], [2.0, 8.0, 1.0]])
out = {"sklearn": sklearn.__version__, "numpy": np.__version__, "X": X.tolist(), "Xnew": Xnew.tolist()}
s = StandardScaler().fit(X)
out["standard"] = {"mean": s.mean_.tolist(), "scale": s.scale_.tolist(), "Xnew": s.transform(Xnew).tolist()}
m = MinMaxScaler(feature_range=(-1, 2)).fit(X)
out["minmax"] = {"Xnew": m.transform(Xnew).tolist()}
for whiten in (False, True):
    p = PCA(n_components=2, whiten=whiten).fit(X)
    out["pca_whiten" if whiten else "pca"] = {"components": p.components_.tolist(),
                                              "explained_variance": p.explained_variance_.tolist(),
                                              "X": p.transform(X).tolist(), "Xnew": p.transform(Xnew).tolist()}
out["Xnan"] = [[None if np.isnan(v) else v for v in r] for r in Xnan]
for strat in ("mean", "median"):
    i = SimpleImputer(strategy=strat).fit(Xnan)
    out["impute_" + strat] = {"statistics": i.statistics_.tolist(), "X": i.transform(Xnan).tolist()}
with open("../preprocessing.json", "w") as f:
    json.dump(out, f, indent=1)
