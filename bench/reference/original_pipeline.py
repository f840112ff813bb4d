#!/usr/bin/env python3
"""The original app's pipeline in Python (pandas, scikit-learn, xgboost), timed stage by stage.

Run with Debian's /usr/bin/python3 (python3-pandas, python3-sklearn, python3-xgboost):
    /usr/bin/python3 bench/reference/original_pipeline.py tracks_features.csv [--seed 42] [--model-out PATH]
Prints ONE JSON line: {"stages": {...seconds}, "total", "rows_read", "rows_clean", "auc", "f1", "precision", "recall"}.
Same parameters as the lab's defaults; tree_method="hist" set explicitly (xgboost 1.7 defaults to exact greedy).
"""
import argparse
import json
import os
import time

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.cluster import KMeans
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

AUDIO = ["danceability", "energy", "loudness", "speechiness", "acousticness",
         "instrumentalness", "liveness", "valence", "tempo"]
MODEL_FEATURES = AUDIO + ["duration_min", "year"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("csv")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--flip", type=float, default=0.05)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--model-out", default=None)
    args = parser.parse_args()
    stages = {}
    t_all = time.perf_counter()

    def stage(name, t0):
        stages[name] = time.perf_counter() - t0

    t0 = time.perf_counter()
    df = pd.read_csv(args.csv)
    rows_read = len(df)
    stage("load", t0)

    t0 = time.perf_counter()
    df = df.dropna(subset=["name", "album"])
    df = df[(df["year"] != 0) & (df["tempo"] != 0)].copy()
    df["duration_min"] = df["duration_ms"] / 60000.0
    stage("clean", t0)

    t0 = time.perf_counter()
    yearly = df.groupby("year")[["tempo", "energy", "valence"]].mean()
    top_artists = df["artists"].value_counts().head(20)
    stage("aggregates", t0)

    t0 = time.perf_counter()
    scaled = StandardScaler().fit_transform(df[AUDIO].to_numpy(dtype=np.float64))
    km = KMeans(n_clusters=6, n_init=1, random_state=args.seed).fit(scaled)
    df["cluster"] = km.labels_
    stage("kmeans", t0)

    t0 = time.perf_counter()
    rule = ((df["valence"] > 0.6) & (df["energy"] > 0.6)) | (df["danceability"] > 0.75)
    rng = np.random.default_rng(args.seed)
    flip = rng.random(len(df)) < args.flip
    y = np.where(flip, ~rule.to_numpy(), rule.to_numpy()).astype(np.int32)
    X = df[MODEL_FEATURES].to_numpy(dtype=np.float32)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.3, stratify=y, random_state=args.seed)
    stage("label_split", t0)

    t0 = time.perf_counter()
    model = xgb.XGBClassifier(n_estimators=100, max_depth=6, learning_rate=0.3,
                              objective="binary:logistic", tree_method="hist",
                              n_jobs=args.threads, random_state=args.seed)
    model.fit(X_train, y_train)
    stage("train", t0)

    t0 = time.perf_counter()
    proba = model.predict_proba(X_test)[:, 1]
    pred = (proba >= 0.5).astype(np.int32)
    auc = roc_auc_score(y_test, proba)
    f1 = f1_score(y_test, pred)
    precision = precision_score(y_test, pred)
    recall = recall_score(y_test, pred)
    importance = model.get_booster().get_score(importance_type="gain")
    stage("metrics", t0)

    t0 = time.perf_counter()
    sample = X_test[: min(10000, len(X_test))]
    contribs = model.get_booster().predict(xgb.DMatrix(sample), pred_contribs=True)
    stage("shap", t0)

    t0 = time.perf_counter()
    if args.model_out:
        model.get_booster().save_model(args.model_out)
    stage("save", t0)

    print(json.dumps({
        "stages": stages, "total": time.perf_counter() - t_all,
        "rows_read": int(rows_read), "rows_clean": int(len(df)),
        "auc": float(auc), "f1": float(f1), "precision": float(precision), "recall": float(recall),
        "base_rate": float(y.mean()), "years": int(len(yearly)), "top_artist": str(top_artists.index[0]),
        "importance_features": len(importance), "shap_shape": list(contribs.shape),
        "versions": {"pandas": pd.__version__, "xgboost": xgb.__version__,
                     "sklearn": __import__("sklearn").__version__, "numpy": np.__version__},
        "threads": args.threads, "pid": os.getpid(),
    }))


if __name__ == "__main__":
    main()
