#!/usr/bin/env python3
"""The original app's load + clean + aggregates in pandas, for bench/load.ts.

    /usr/bin/python3 bench/reference/load_pandas.py tracks_features.csv
Prints ONE JSON line: rows read, rows kept, years, the top artist and the seconds spent.
The code is the original app's: read_csv, dropna on name/album, drop year 0 and tempo 0, yearly means of
tempo/energy/valence, and value_counts of the `artists` column (the raw list literal, as the app did).
"""
import json
import sys
import time

import pandas as pd


def main():
    t0 = time.perf_counter()
    df = pd.read_csv(sys.argv[1])
    rows_read = len(df)
    df = df.dropna(subset=["name", "album"])
    df = df[(df["year"] != 0) & (df["tempo"] != 0)]
    yearly = df.groupby("year")[["tempo", "energy", "valence"]].mean()
    top_artists = df["artists"].value_counts().head(20)
    print(json.dumps({
        "rows_read": rows_read,
        "rows_kept": len(df),
        "years": len(yearly),
        "top_artist": str(top_artists.index[0]),
        "seconds": time.perf_counter() - t0,
    }))


if __name__ == "__main__":
    main()
