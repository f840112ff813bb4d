"""Development-time tool: derives src/data/demo/calibration.ts from the real public files. Not used at run time.

    /usr/bin/python3 src/data/demo/derive-calibration.py ../shared/data > src/data/demo/calibration.ts
    node_modules/.bin/prettier --write src/data/demo/calibration.ts

- Per-decade means of 9 audio features + duration: unweighted mean of the yearly means in data_by_year_real.csv
  (Kaggle "Spotify Dataset 1921-2020", 100 yearly rows).
- Marginal shapes (quantiles), the latent correlation matrix, key and mode rates: spotify_600k_format_20k_real.csv
  (20,311 real tracks, years 2000-2020). Correlations are between normal scores (ranks -> probit), i.e. the
  Gaussian-copula correlation; explicit enters as a latent normal via the biserial correlation.
"""
import sys
import numpy as np
import pandas as pd
from scipy.stats import norm, rankdata

root = sys.argv[1]
by_year = pd.read_csv(f"{root}/data_by_year_real.csv")
tracks = pd.read_csv(f"{root}/spotify_600k_format_20k_real.csv")
tracks = tracks[tracks.tempo > 0]  # tempo 0 is dirt the generator plants on its own

FEATURES = ["danceability", "energy", "loudness", "speechiness", "acousticness", "instrumentalness",
            "liveness", "valence", "tempo", "duration_ms"]
# 0.1% and 99.9% as the ends: the real extremes (loudness +1.5 dB, a 43-minute track) are not worth copying
PROBS = [0.001, 0.005, 0.01, 0.02, 0.05] + [round(0.05 * i, 2) for i in range(2, 19)] + \
        [0.95, 0.98, 0.99, 0.995, 0.999]
PROBS = sorted(set(PROBS))
DIGITS = {"loudness": 3, "tempo": 3, "duration_ms": 0}


def fmt(x, digits=None):
    if digits == 0:
        return str(int(round(x)))
    if digits is not None:
        return repr(round(float(x), digits))
    return repr(float(f"{x:.4g}"))


def normal_scores(values):
    return norm.ppf((rankdata(values) - 0.5) / len(values))


out = []
w = out.append
w("/**")
w(" * Calibration constants of the demo generator, derived once at development time by")
w(" * `derive-calibration.py` (next to this file) from the real public files; the generator never reads them.")
w(" * - DECADE_MEANS: unweighted mean of the yearly means in data_by_year_real.csv (Kaggle \"Spotify Dataset")
w(" *   1921-2020\"), one row per decade (2020 is the single year 2020).")
w(" * - QUANTILES, LATENT_CORRELATION, KEY_WEIGHTS, MAJOR_MODE_RATE: 20,311 real tracks of 2000-2020")
w(" *   (spotify_600k_format_20k_real.csv, tempo-0 rows left out). Correlations are between normal scores")
w(" *   (Gaussian copula); `explicit` enters as a latent normal through its biserial correlation.")
w(" * Generated file: edit the script, not the numbers.")
w(" */")
w("")
w("/** Continuous columns the copula draws, in LATENT_CORRELATION order (then the explicit latent). */")
w("export const COPULA_FEATURES = [" + ", ".join(f"'{f}'" for f in FEATURES) + "] as const;")
w("export type CopulaFeature = (typeof COPULA_FEATURES)[number];")
w("")
w("/** Probabilities at which QUANTILES are tabulated (the generator interpolates linearly between them\n *  and clamps outside, so values stay within the real 0.1%..99.9% range). */")
w("export const QUANTILE_PROBS: readonly number[] = [" + ", ".join(repr(p) for p in PROBS) + "];")
w("")
w("/** Real marginal quantiles of each feature at QUANTILE_PROBS (the shape; decades then shift it). */")
w("export const QUANTILES: Readonly<Record<CopulaFeature, readonly number[]>> = {")
for f in FEATURES:
    q = np.quantile(tracks[f].to_numpy(float), PROBS)
    w(f"  {f}: [" + ", ".join(fmt(v, DIGITS.get(f)) for v in q) + "],")
w("};")
w("")
# latent correlation: 10 normal-score columns + explicit (biserial)
Z = np.column_stack([normal_scores(tracks[f].to_numpy(float)) for f in FEATURES])
R = np.corrcoef(Z, rowvar=False)
x = tracks.explicit.to_numpy(float)
p = x.mean()
h = norm.pdf(norm.ppf(1 - p))
biserial = [np.corrcoef(Z[:, j], x)[0, 1] * np.sqrt(p * (1 - p)) / h for j in range(len(FEATURES))]
K = len(FEATURES) + 1
full = np.eye(K)
full[:-1, :-1] = R
full[-1, :-1] = full[:-1, -1] = np.clip(biserial, -0.95, 0.95)
# keep it positive definite after rounding (biserial estimates need not be jointly consistent)
vals, vecs = np.linalg.eigh(full)
vals = np.maximum(vals, 0.02)
full = vecs @ np.diag(vals) @ vecs.T
d = np.sqrt(np.diag(full))
full = full / np.outer(d, d)
w("/** Gaussian-copula correlation of COPULA_FEATURES followed by the explicit latent (11 x 11). */")
w("export const LATENT_CORRELATION: readonly (readonly number[])[] = [")
for row in full:
    w("  [" + ", ".join(f"{v:.3f}" for v in row) + "],")
w("];")
w("")
decades = by_year.assign(decade=by_year.year // 10 * 10).groupby("decade")
w("/** Per-decade means of the real yearly means: the era trend the generator reproduces. */")
w("export const DECADE_MEANS: readonly { decade: number } & Readonly<Record<CopulaFeature, number>>[] = [".replace(
    "readonly { decade: number } & Readonly<Record<CopulaFeature, number>>[]",
    "ReadonlyArray<{ decade: number } & Readonly<Record<CopulaFeature, number>>>"))
for dec, g in decades:
    vals = ", ".join(f"{f}: {fmt(g[f].mean(), DIGITS.get(f, 4) if f in DIGITS else None)}" for f in FEATURES)
    w(f"  {{ decade: {dec}, {vals} }},")
w("];")
w("")
keys = tracks.key.value_counts(normalize=True).sort_index()
w("/** Share of each key 0..11 (C, C#, ... B). */")
w("export const KEY_WEIGHTS: readonly number[] = [" + ", ".join(f"{keys.get(k, 0):.4f}" for k in range(12)) + "];")
w("")
w("/** Share of tracks in a major key (mode 1). */")
w(f"export const MAJOR_MODE_RATE = {tracks['mode'].mean():.4f};")
print("\n".join(out))
