/**
 * bench:load — the lab's load + clean + yearly means + top-20 artists (DuckDB) against the original app's
 * pandas code (bench/reference/load_pandas.py), on a cached 1.2M-row demo file, each as a child process,
 * alternating, N runs each; medians of wall time and peak RSS. Last line:
 *   bench load: ours/python wall R.RRx, rss R.RRx (target ≤ 0.35x)
 *
 *   npm run bench:load [-- --rows 1204025 --runs 3]   (--quick or BENCH_QUICK=1: 20000 rows, 1 run)
 * The child mode (`--child FILE`) is the measured "ours" side.
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadTracks } from '../src/data/load';
import {
  demoFile,
  benchLine,
  formatTable,
  intOption,
  machineSummary,
  median,
  runMeasured,
  writeResultsSection,
} from './common';

const TARGET_WALL = 0.35;
const TARGET_RSS = 0.4;

/** The measured work: what the Global Dashboard needs from the file. */
async function child(file: string): Promise<void> {
  const started = performance.now();
  const loaded = await loadTracks(file, { columns: ['year', 'tempo', 'energy', 'valence', 'artists'] });
  try {
    const yearly = await loaded.connection.runAndReadAll(
      `SELECT year, avg(tempo) AS tempo, avg(energy) AS energy, avg(valence) AS valence FROM tracks GROUP BY year ORDER BY year`,
    );
    const top = await loaded.connection.runAndReadAll(
      `SELECT artist, count(*) AS n FROM (SELECT unnest(artists) AS artist FROM tracks) GROUP BY artist ORDER BY n DESC, artist LIMIT 20`,
    );
    console.log(
      JSON.stringify({
        rows_read: loaded.report.rowsRead,
        rows_kept: loaded.rowCount,
        years: yearly.currentRowCount,
        top_artist: top.getRowsJS()[0][0],
        seconds: (performance.now() - started) / 1000,
      }),
    );
  } finally {
    loaded.close();
  }
}

async function main(): Promise<void> {
  const rows = intOption('rows', 1_204_025, 20_000);
  const runs = intOption('runs', 3, 1);
  const file = await demoFile(rows);
  const root = path.resolve(__dirname, '..');
  const ours = () =>
    runMeasured(process.execPath, [
      path.join(root, 'bin/run-ts.js'),
      path.join(root, 'bench/load.ts'),
      '--child',
      file,
    ]);
  const python = () =>
    runMeasured('/usr/bin/python3', [path.join(root, 'bench/reference/load_pandas.py'), file]);
  const measured: { ours: ReturnType<typeof ours>[]; python: ReturnType<typeof ours>[] } = {
    ours: [],
    python: [],
  };
  for (let run = 0; run < runs; run++) {
    measured.ours.push(ours());
    measured.python.push(python());
    console.error(
      `run ${run + 1}/${runs}: ours ${measured.ours[run].wallSeconds.toFixed(2)} s, python ${measured.python[run].wallSeconds.toFixed(2)} s`,
    );
  }
  const summary = (side: 'ours' | 'python') => {
    const last = JSON.parse(measured[side][runs - 1].stdout.trim().split('\n').pop()!) as Record<
      string,
      unknown
    >;
    return {
      wall: median(measured[side].map((m) => m.wallSeconds)),
      rss: median(measured[side].map((m) => m.peakRssMiB)),
      last,
    };
  };
  const o = summary('ours');
  const p = summary('python');
  const table = formatTable(
    ['side', 'wall s (median)', 'peak RSS MiB (median)', 'rows read', 'rows kept', 'years', 'top artist'],
    [
      [
        'ours (DuckDB)',
        o.wall,
        o.rss,
        String(o.last.rows_read),
        String(o.last.rows_kept),
        String(o.last.years),
        String(o.last.top_artist),
      ],
      [
        'python (pandas)',
        p.wall,
        p.rss,
        String(p.last.rows_read),
        String(p.last.rows_kept),
        String(p.last.years),
        String(p.last.top_artist),
      ],
    ],
  );
  const line = benchLine('load', o.wall / p.wall, o.rss / p.rss, TARGET_WALL);
  writeResultsSection(
    'load',
    `${machineSummary()}; ${rows} demo rows, ${runs} alternating runs each, medians. Targets: wall ≤ ${TARGET_WALL}x, RSS ≤ ${TARGET_RSS}x.\n` +
      `pandas counts top artists on the raw list literal (the original app's code); ours splits lists into names.\n\n` +
      '```\n' +
      table +
      '\n' +
      line +
      '\n```',
  );
  console.log(table);
  console.log(line);
}

if (process.argv[2] === '--child')
  child(process.argv[3]).catch((e) => {
    console.error(e);
    process.exit(1);
  });
else
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
