import { execFileSync } from 'child_process';

/** Pids of shared figure renderers listening in `dir` (their argv names the socket there). */
export function rendererPids(dir: string): string[] {
  try {
    return execFileSync('pgrep', ['-f', `figure-renderer-entry.js ${dir}/`], { encoding: 'utf8' })
      .trim()
      .split('\n');
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}
