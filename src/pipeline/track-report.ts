/**
 * `lab report --track <id>`: one track's insight page (features, promotion probability, SHAP waterfall, mood,
 * explanation) printed to PDF by headless Chromium — the original app's "coming soon".
 */
import { createHash } from 'crypto';
import * as path from 'path';
import { explainTrack } from '../explain/explain-track';
import { explainRow } from '../explain/shap';
import { featureMatrix } from '../model/features';
import { renderTrackPdf } from '../report/track-pdf';
import { countTrackRows, findTrackRow } from '../data/track-store';
import { openLab } from './lab';
import type { LabOptions } from './options';
import { boosterOf } from './steps/model';

/**
 * The PDF's file name for a track id: the id itself when it is a safe file name, else the id with unsafe
 * characters replaced plus a short hash of the real id, so `a/b` and `a?b` (both `a_b` once sanitised) cannot
 * overwrite each other's report.
 */
export function trackPdfName(trackId: string): string {
  const safe = trackId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 100);
  if (safe === trackId && safe.length > 0) return `${safe}.pdf`;
  return `${safe}-${createHash('sha256').update(trackId).digest('hex').slice(0, 10)}.pdf`;
}

export async function reportTrack(options: LabOptions, trackId: string, out?: string): Promise<string> {
  const lab = await openLab(options);
  try {
    const found = await findTrackRow(await lab.loaded(), trackId);
    if (found === null) throw new Error(`no track with id '${trackId}' in ${lab.source.path}`);
    const copies = await countTrackRows(await lab.loaded(), trackId);
    if (copies > 1)
      console.warn(
        `track id '${trackId}' appears ${copies} times in ${lab.source.path}; reporting the first in file order`,
      );
    const row = found;
    const [table, models, clusters] = [await lab.table(), await lab.models(), await lab.clusters()];
    const allScores = await lab.scores();
    const [identity] = await lab.identify([row]);
    const model = models.promotion;
    const matrix = featureMatrix(table, model.meta.features, [row]);
    const booster = boosterOf(model);
    let local;
    try {
      local = explainRow(booster, matrix, 0);
    } finally {
      booster.free();
    }
    const text = await explainTrack(identity, local, {
      offline: lab.options.offline,
      cacheDir: lab.options.cacheDir,
      predictor: lab.fingerprint,
    });
    const cluster = clusters.labels[row];
    const byFeature = new Map(local.contributions.map((c) => [c.feature, c.contribution]));
    const file = path.resolve(
      out ?? path.join(lab.options.outDir, 'reports', 'tracks', trackPdfName(trackId)),
    );
    await renderTrackPdf(
      {
        track: { ...identity, year: table.numeric.year?.[row] },
        featureNames: model.meta.features,
        features: Array.from(matrix.data, (v) => (Number.isFinite(v) ? v : null)),
        probability: allScores[row],
        cluster: { id: cluster, label: clusters.profiles[cluster].name },
        shap: { values: model.meta.features.map((f) => byFeature.get(f) ?? 0), bias: local.baseMargin },
        explanation:
          text.source === 'offline'
            ? { text: text.text, source: 'offline' }
            : { text: text.text, source: 'llm', model: text.model },
        provenance: `${lab.source.synthetic ? 'Synthetic demo data' : lab.source.path}; seed ${lab.options.seed}; model test AUC ${model.evaluation.rocAuc.toFixed(3)}`,
      },
      file,
    );
    return file;
  } finally {
    lab.close();
  }
}
