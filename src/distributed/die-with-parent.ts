/**
 * Linux's PR_SET_PDEATHSIG through koffi: the kernel sends this process SIGKILL when its parent dies. A worker
 * spends its life inside synchronous XGBoost calls, where no JS event (a closed stdin, a timer) can run, so
 * only the kernel can stop it when `lab train` is killed. Elsewhere (macOS) it is a no-op.
 */
import * as koffi from 'koffi';

const PR_SET_PDEATHSIG = 1;
const SIGKILL = 9;

export function dieWithParent(): void {
  if (process.platform !== 'linux') return;
  const libc = koffi.load('libc.so.6');
  const prctl = libc.func(
    'int prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5)',
  );
  prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
  // The parent may have died before the call: then we are orphaned already.
  if (process.ppid === 1) process.exit(1);
}
