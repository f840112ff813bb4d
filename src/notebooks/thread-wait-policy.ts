/**
 * How XGBoost's OpenMP threads wait when notebooks run side by side. libgomp's default lets a thread spin at
 * every barrier before it sleeps; alone on the machine that is the fastest. With two kernels on two cores it is
 * the slowest by far: a spinning thread burns the core the other kernel's threads need, and XGBoost crosses a
 * barrier for every tree level. Measured here: two 300k-row, 100-round trainings at once took 30 s with the
 * default, 14 s with GOMP_SPINCOUNT=10000, 9 s passive (one alone: 0.85 s default, 1.0 s passive).
 */

/**
 * The kernels' extra environment for `parallel` notebooks at once: OMP_WAIT_POLICY=PASSIVE when more than one
 * runs, unless the user chose a policy (OMP_WAIT_POLICY or GOMP_SPINCOUNT set in `env`).
 */
export function sideBySideThreadEnv(parallel: number, env: NodeJS.ProcessEnv): Record<string, string> {
  if (parallel <= 1 || env.OMP_WAIT_POLICY !== undefined || env.GOMP_SPINCOUNT !== undefined) return {};
  return { OMP_WAIT_POLICY: 'PASSIVE' };
}
