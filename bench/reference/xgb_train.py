#!/usr/bin/env python3
"""Python xgboost's time for one training of the promotion model, for bench/notebook.ts to set beside lab.train.

    /usr/bin/python3 bench/reference/xgb_train.py tracks.csv [--rounds 100] [--max-depth 5] [--etas 0.3,0.31,0.29]

Prepares the data as bench/reference/original_pipeline.py does (clean, rule labels with a seeded 5% flip, a
stratified 70/30 split, the 9 audio features + duration_min + year as float32) without timing it, then times
one fit per learning rate in --etas (a user trying new parameters). Prints ONE JSON line: {"fit_s" (the median),
"fits_s", "train_rows", "features", "rounds", "params"}.
"""
import argparse
import json
import time

import numpy as np
import pandas as pd
import xgboost as xgb
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
    X_train, _, y_train, _ = train_test_split(X, y, test_size=0.3, stratify=y, random_state=args.seed)
    fits = []
    for eta in [float(e) for e in args.etas.split(",")]:
        params = {"max_depth": args.max_depth, "learning_rate": eta, "tree_method": "hist",
                  "objective": "binary:logistic", "n_jobs": args.threads, "random_state": args.seed}
        t0 = time.perf_counter()
        xgb.XGBClassifier(n_estimators=args.rounds, **params).fit(X_train, y_train)
        fits.append(time.perf_counter() - t0)
    print(json.dumps({"fit_s": float(np.median(fits)), "fits_s": fits, "train_rows": int(len(y_train)),
                      "features": len(MODEL_FEATURES), "rounds": args.rounds, "params": params}))


if __name__ == "__main__":
    main()
