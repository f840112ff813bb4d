import * as fs from 'fs';
import * as path from 'path';

/** node_modules/.cache/spotify-insights-lab of the project `from` belongs to (babel's and webpack's convention). */
export function projectCacheDir(from: string = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return path.join(dir, 'node_modules', '.cache', 'spotify-insights-lab');
}
