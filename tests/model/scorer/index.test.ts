import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';

describe('the scorer is browser-safe', () => {
  it('imports only its own files and uses no Node globals', () => {
    const folder = path.join(__dirname, '../../../src/model/scorer');
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.ts'))) {
      const code = readFileSync(path.join(folder, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      const imports = [...code.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      expect(imports.filter((i) => !i.startsWith('./'))).toEqual([]);
      expect(code).not.toMatch(/\b(require|process|Buffer|__dirname)\b/);
    }
  });
});
