"""Runs `jupyter nbconvert` invocations one after another in this one Python process (src/notebooks/nbconvert-lane.ts).

Each line on stdin is a JSON job {"id": ..., "argv": [...], "next": {"kernel": ..., "cwd": ...} or null}: argv is
what `jupyter nbconvert` would get. The job runs nbconvert's own application (NbConvertApp) on it, so it converts,
executes and fails exactly as the command does, and writes what the command would write to stderr. Then one line
on stderr ends the job: the token given as this script's argument, the job's id and its exit code.

What a job saves is the command's start (Python and nbconvert's imports, about 1 s of CPU per notebook) and, when
the job says which kernel the next one needs, that kernel's start: it boots while this job runs, and the next
job's notebook executes in it (a kernel that has run nothing yet, in the folder nbconvert would start it in).
"""

import json
import sys
import traceback

from jupyter_client.manager import AsyncKernelManager
from nbclient.util import run_sync
from nbconvert.nbconvertapp import NbConvertApp
from nbconvert.preprocessors import ExecutePreprocessor

# The kernel started ahead for the next job: (kernel name, folder, manager), or None.
spare = None
# What the running job says the next one will need ({"kernel", "cwd"}), until its spare is started.
wanted_next = None


def start_spare():
    """Starts the kernel the next job will need, if the running job said which (a failure only means it won't)."""
    global spare, wanted_next
    following, wanted_next = wanted_next, None
    if not following or spare is not None:
        return
    try:
        manager = AsyncKernelManager(kernel_name=following["kernel"])  # nbclient's own kernel manager class
        run_sync(manager.start_kernel)(cwd=following["cwd"])
        spare = (following["kernel"], following["cwd"], manager)
    except Exception:
        traceback.print_exc()


def stop(manager, now=True):
    """Stops a kernel: one that ran a notebook as nbclient does (asked to shut down), a spare at once."""
    try:
        run_sync(manager.shutdown_kernel)(now=now)
    except Exception:
        pass  # already gone


def take_spare(kernel, cwd):
    """The spare kernel when it is the one asked for and alive; any other spare is stopped."""
    global spare
    held, spare = spare, None
    if held is None:
        return None
    if held[:2] == (kernel, cwd) and run_sync(held[2].is_alive)():
        return held[2]
    stop(held[2])
    return None


executing = ExecutePreprocessor.preprocess


def preprocess(self, nb, resources=None, km=None):
    """nbconvert's execution, in the spare kernel when it fits (nbclient then leaves stopping it to us)."""
    kernel = self.kernel_name or nb.metadata.get("kernelspec", {}).get("name")
    cwd = (resources or {}).get("metadata", {}).get("path") or None
    manager = take_spare(kernel, cwd) if km is None else None
    start_spare()  # boots beside this notebook's kernel and run
    if manager is None:
        return executing(self, nb, resources, km)
    try:
        return executing(self, nb, resources, manager)
    finally:
        if self.kc is not None:
            self.kc.stop_channels()
        stop(manager, now=False)


ExecutePreprocessor.preprocess = preprocess


def run(argv):
    app = NbConvertApp()
    try:
        app.initialize(argv)
        app.start()
    except SystemExit as stop_code:
        code = stop_code.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    except Exception:  # uncaught in the command: Python prints the traceback and exits with 1
        traceback.print_exc()
        return 1
    return 0


def main():
    global wanted_next
    token = sys.argv[1]
    try:
        for line in sys.stdin:
            if not line.strip():
                continue
            job = json.loads(line)
            wanted_next = job.get("next")
            code = run(job["argv"])
            sys.stdout.flush()
            sys.stderr.write(f"\n{token} {job['id']} {code}\n")
            sys.stderr.flush()
    finally:
        if spare is not None:
            stop(spare[2])


if __name__ == "__main__":
    main()
