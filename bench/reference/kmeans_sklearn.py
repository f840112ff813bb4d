"""scikit-learn side of bench/kmeans.ts: Lloyd k-means from given initial centers, fixed iterations.

Usage: /usr/bin/python3 kmeans_sklearn.py DATA.f64 INIT.f64 ROWS COLS K MAX_ITER
DATA/INIT are raw little-endian float64, row-major (numpy.fromfile). Threads: sklearn's Lloyd runs on OpenMP;
the caller sets OMP_NUM_THREADS (2 here, like ours). Prints one JSON line: fit wall and CPU seconds (all threads), inertia, n_iter, VmHWM.
"""
import json
import sys
import time

import numpy as np
from sklearn.cluster import KMeans


def vm_hwm_mib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main():
    data_path, init_path, rows, cols, k, max_iter = sys.argv[1:7]
    rows, cols, k, max_iter = int(rows), int(cols), int(k), int(max_iter)
    X = np.fromfile(data_path, dtype="<f8").reshape(rows, cols)
    init = np.fromfile(init_path, dtype="<f8").reshape(k, cols)
    started = time.perf_counter()
    cpu_started = time.process_time()
    # tol=0: stop only on strict convergence (no label change), as ours does with tolerance 0.
    model = KMeans(n_clusters=k, init=init, n_init=1, max_iter=max_iter, tol=0, algorithm="lloyd").fit(X)
    fit_seconds = time.perf_counter() - started
    fit_cpu_seconds = time.process_time() - cpu_started
    print(json.dumps({
        "fitSeconds": fit_seconds,
        "fitCpuSeconds": fit_cpu_seconds,
        "inertia": float(model.inertia_),
        "iterations": int(model.n_iter_),
        "vmHwmMiB": vm_hwm_mib(),
    }))


if __name__ == "__main__":
    main()
