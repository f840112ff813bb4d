"""What opening a notebook costs in a fresh kernel: the tslab kernel's start and notebook 01's first code cells
(its parameters, then the import of the lab and notebookLab()). Run by bench/notebook.ts with the project's
JUPYTER_PATH; prints one JSON line of seconds. Debian's Python has jupyter_client."""
import json
import os
import sys
import time

from jupyter_client.manager import start_new_kernel


def main(notebook: str) -> None:
    notebook = os.path.abspath(notebook)
    os.chdir(os.path.dirname(notebook))  # Jupyter starts a notebook's kernel in the notebook's folder
    started = time.perf_counter()
    manager, client = start_new_kernel(kernel_name="tslab")
    result = {"kernel_start_s": time.perf_counter() - started, "cells_s": []}
    try:
        with open(notebook, encoding="utf-8") as f:
            cells = [c for c in json.load(f)["cells"] if c["cell_type"] == "code"][:2]
        for cell in cells:
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            t = time.perf_counter()
            reply = client.execute_interactive(source, timeout=600, output_hook=lambda msg: None)
            if reply["content"]["status"] != "ok":
                raise SystemExit(f"{notebook}: a first cell failed: {reply['content'].get('evalue')}")
            result["cells_s"].append(time.perf_counter() - t)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1])
