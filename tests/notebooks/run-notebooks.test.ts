import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { listNotebooks } from '../../src/notebooks/run-notebooks';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-nb-list-'));
  for (const name of ['10_report.ipynb', '02_trends.ipynb', '01_eda.ipynb', 'scratch.ipynb', '03_notes.md']) {
    fs.writeFileSync(path.join(dir, name), '{}');
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('lists NN_name.ipynb in numeric order and skips the rest', () => {
  expect(listNotebooks(dir).map((f) => path.basename(f))).toEqual([
    '01_eda.ipynb',
    '02_trends.ipynb',
    '10_report.ipynb',
  ]);
});

test('--only picks numbers, with or without the leading zero', () => {
  expect(listNotebooks(dir, ['2', '10']).map((f) => path.basename(f))).toEqual([
    '02_trends.ipynb',
    '10_report.ipynb',
  ]);
  expect(() => listNotebooks(dir, ['04'])).toThrow(/no notebook numbered 4/);
  expect(() => listNotebooks(dir, ['eda'])).toThrow(/notebook numbers such as 01, got "eda"/);
  expect(() => listNotebooks(path.join(dir, 'missing'))).toThrow(/no notebook folder/);
});
