#!/usr/bin/env python3
"""Python xgboost's time for one training of the promotion model, for bench/notebook.ts to set beside lab.train.

    /usr/bin/python3 bench/reference/xgb_train.py tracks.csv [--rounds 100] [--max-depth 5] [--etas 0.3,0.31,0.29]

Prepares the data as bench/reference/original_pipeline.py does (clean, rule labels with a seeded 5% flip, a
stratified 70/30 split, the 9 audio features + duration_min + year as float32) without timing it, then, per
learning rate in --etas (a user trying new parameters), times what the original app's train and metrics stages
do: the fit, then the test rows' probabilities, ROC AUC, F1, precision and recall (lab.train returns a model
with those test metrics too). Prints ONE JSON line: {"fit_s" (median of the fits alone), "fits_s",
"fit_eval_s" (median of fit + test metrics), "fit_evals_s", "train_rows", "test_rows", "features", "rounds",
"params"}.
"""
import argparse
import json
import time

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split

AUDIO = ["danceability", "energy", "loudness", "speechiness", "acousticness",
         "instrumentalness", "liveness", "valence", "tempo"]
MODEL_FEATURES = AUDIO + ["duration_min", "year"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("csv")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--max-depth", type=int, default=5)
    parser.add_argument("--etas", default="0.3")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    df = pd.read_csv(args.csv)
    df = df.dropna(subset=["name", "album"])
    df = df[(df["year"] != 0) & (df["tempo"] != 0)].copy()
    df["duration_min"] = df["duration_ms"] / 60000.0
    rule = ((df["valence"] > 0.6) & (df["energy"] > 0.6)) | (df["danceability"] > 0.75)
    flip = np.random.default_rng(args.seed).random(len(df)) < 0.05
    y = np.where(flip, ~rule.to_numpy(), rule.to_numpy()).astype(np.int32)
    X = df[MODEL_FEATURES].to_numpy(dtype=np.float32)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, stratify=y, random_state=args.seed)
    fits = []
    fit_evals = []
    for eta in [float(e) for e in args.etas.split(",")]:
        params = {"max_depth": args.max_depth, "learning_rate": eta, "tree_method": "hist",
                  "objective": "binary:logistic", "n_jobs": args.threads, "random_state": args.seed}
        t0 = time.perf_counter()
        model = xgb.XGBClassifier(n_estimators=args.rounds, **params).fit(X_train, y_train)
        fits.append(time.perf_counter() - t0)
        proba = model.predict_proba(X_test)[:, 1]
        pred = (proba >= 0.5).astype(np.int32)
        metrics = (roc_auc_score(y_test, proba), f1_score(y_test, pred), precision_score(y_test, pred),
                   recall_score(y_test, pred))
        fit_evals.append(time.perf_counter() - t0)
        assert all(np.isfinite(metrics))
    print(json.dumps({"fit_s": float(np.median(fits)), "fits_s": fits, "fit_eval_s": float(np.median(fit_evals)),
                      "fit_evals_s": fit_evals, "train_rows": int(len(y_train)), "test_rows": int(len(y_test)),
                      "features": len(MODEL_FEATURES), "rounds": args.rounds, "params": params}))


if __name__ == "__main__":
    main()
