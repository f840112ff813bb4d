"""Runs `jupyter nbconvert` invocations one after another in this one Python process (src/notebooks/nbconvert-lane.ts).

Each line on stdin is a JSON job {"id": ..., "argv": [...]}: the arguments `jupyter nbconvert` would get. The job
runs nbconvert's own application (NbConvertApp) on them, so it converts, executes and fails exactly as the command
does, and writes what the command would write to stderr. Then one line on stderr ends the job: the token given as
this script's argument, the job's id and its exit code. What a job saves is the command's start: Python and
nbconvert's imports, about 1 s of CPU per notebook.
"""

import json
import sys
import traceback

from nbconvert.nbconvertapp import NbConvertApp


def run(argv):
    app = NbConvertApp()
    try:
        app.initialize(argv)
        app.start()
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    except Exception:  # uncaught in the command: Python prints the traceback and exits with 1
        traceback.print_exc()
        return 1
    return 0


def main():
    token = sys.argv[1]
    for line in sys.stdin:
        if not line.strip():
            continue
        job = json.loads(line)
        code = run(job["argv"])
        sys.stdout.flush()
        sys.stderr.write(f"\n{token} {job['id']} {code}\n")
        sys.stderr.flush()


if __name__ == "__main__":
    main()
