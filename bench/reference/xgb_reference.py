"""Python side of `npm run bench:xgb`: the same data files, parameters and measurements as bench/xgb.ts.

Usage: /usr/bin/python3 bench/reference/xgb_reference.py DATA_DIR
Prints one JSON line: train_s (DMatrix + boosting + model bytes), shap_s, auc, peak_rss_mib.
"""
import json
import sys
import time

import numpy as np
import xgboost as xgb
from sklearn.metrics import roc_auc_score


def peak_rss_mib():
    with open('/proc/self/status') as status:
        for line in status:
            if line.startswith('VmHWM:'):
                return int(line.split()[1]) / 1024
    return float('nan')


def main():
    folder = sys.argv[1]
    with open(folder + '/meta.json') as f:
        meta = json.load(f)
    cols = meta['cols']
    X = np.fromfile(folder + '/X.f32', dtype=np.float32).reshape(meta['rows'], cols)
    y = np.fromfile(folder + '/y.f32', dtype=np.float32)
    Xt = np.fromfile(folder + '/Xt.f32', dtype=np.float32).reshape(meta['test_rows'], cols)
    yt = np.fromfile(folder + '/yt.f32', dtype=np.float32)

    started = time.perf_counter()
    dtrain = xgb.DMatrix(X, label=y, missing=np.nan, nthread=meta['params']['nthread'])
    booster = xgb.train(meta['params'], dtrain, meta['rounds'])
    model = booster.save_raw('json')
    train_s = time.perf_counter() - started

    dtest = xgb.DMatrix(Xt, missing=np.nan)
    auc = roc_auc_score(yt, booster.predict(dtest))
    dshap = xgb.DMatrix(Xt[: meta['shap_rows']], missing=np.nan)
    started = time.perf_counter()
    booster.predict(dshap, pred_contribs=True)
    shap_s = time.perf_counter() - started
    print(json.dumps({'side': 'python', 'train_s': train_s, 'shap_s': shap_s, 'auc': float(auc),
                      'model_bytes': len(model), 'peak_rss_mib': peak_rss_mib(),
                      'version': xgb.__version__}))


if __name__ == '__main__':
    main()
