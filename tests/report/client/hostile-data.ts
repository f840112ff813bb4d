/**
 * A data file in the 1.2M layout whose first rows carry hostile names (track name, album and artist list),
 * made from a seeded demo file: what an attacker who controls a CSV a user loads could put in it.
 */
import * as fs from 'fs';
import { writeDemoCsv } from '../../../src/data/demo';
import { HOSTILE_NAMES } from './hostile-names';

/** One CSV field as pandas' `to_csv` quotes it (QUOTE_MINIMAL). */
const field = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** A Python list literal of one name: the raw characters kept (tabs, CR), `\` and `'` escaped. */
const pythonList = (name: string): string => `['${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;

/**
 * Writes `rows` demo rows (seeded) to `file`, then puts HOSTILE_NAMES[i] in row i's name, album and artists.
 * Returns the hostile rows' track ids.
 */
export async function writeHostileCsv(file: string, rows: number, seed: number): Promise<string[]> {
  await writeDemoCsv(file, { rows, seed });
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
  const columns = header.split(',');
  const at = (name: string) => columns.indexOf(name);
  const ids: string[] = [];
  const out = [header];
  lines.forEach((line, i) => {
    const name = HOSTILE_NAMES[i];
    if (name === undefined) return out.push(line);
    // The demo's own first columns are plain ids; rebuild the row's leading fields, keep the numeric tail.
    const cells = splitCsvLine(line);
    ids.push(cells[at('id')]);
    cells[at('name')] = field(name);
    cells[at('album')] = field(name);
    cells[at('artists')] = field(pythonList(name));
    out.push(
      cells
        .map((c, j) => (j === at('name') || j === at('album') || j === at('artists') ? c : field(c)))
        .join(','),
    );
  });
  fs.writeFileSync(file, out.join('\n') + '\n');
  return ids;
}

/** Splits one line of a QUOTE_MINIMAL CSV (the demo writes no line breaks inside fields). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}
