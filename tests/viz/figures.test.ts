import { cohortFigure } from '../../src/viz/cohorts';
import { correlationHeatmapFigure, histogramFigure } from '../../src/viz/distributions';
import { labelSummaryFigure } from '../../src/viz/labels';
import { topEntitiesFigure } from '../../src/viz/rankings';
import { LIGHT_THEME, withAlpha } from '../../src/viz/theme';
import { decadeBarsFigure, yearlyTrendFigure } from '../../src/viz/trends';
import { wrapText } from '../../src/viz/wrap-text';
import { noiseCeiling } from '../../src/label/noise-ceiling';
import type { Figure } from '../../src/viz/types';
import {
  cohortsSmall,
  correlation,
  decades,
  histogramsSmall,
  topAlbumsSmall,
  topArtistsSmall,
  yearly,
} from './figures.fixtures';

/** Every trace's axis refs must name an axis the layout defines (a typo draws nothing, silently). */
function expectAxesDefined(figure: Figure): void {
  for (const trace of figure.data) {
    for (const [ref, prefix] of [
      [trace.xaxis, 'xaxis'],
      [trace.yaxis, 'yaxis'],
    ] as const) {
      if (ref === undefined) continue;
      const key = `${prefix}${String(ref).slice(1)}`;
      expect(figure.layout).toHaveProperty([key]);
    }
  }
}

describe('figure builders', () => {
  it('yearly trend lines with interval bands', () => {
    const figure = yearlyTrendFigure(yearly);
    expect(figure).toMatchSnapshot();
    expectAxesDefined(figure);
    // band upper, band lower (filled), mean line per feature
    expect(figure.data.map((t) => t.fill ?? '-')).toEqual(['-', 'tonexty', '-', '-', 'tonexty', '-']);
    expect(yearlyTrendFigure(yearly, { features: ['tempo'], showInterval: false }).data).toHaveLength(1);
    expect(() => yearlyTrendFigure(yearly, { features: ['valence'] })).toThrow(
      /'valence' is not in the means/,
    );
  });

  it('decade bars with error bars', () => {
    const figure = decadeBarsFigure(decades);
    expect(figure).toMatchSnapshot();
    expect(figure.data[0].x).toEqual(['1990s', '2000s']);
    expect((figure.data[0].error_y as { array: number[] }).array[0]).toBeCloseTo(0.098, 12);
  });

  it('histograms as bin-wide bars, counts or shares', () => {
    const figure = histogramFigure(histogramsSmall);
    expect(figure).toMatchSnapshot();
    expectAxesDefined(figure);
    expect(figure.data[1].x).toEqual([50, 150]);
    // The feature names the x axis; the y axis counts tracks (left column only).
    const axisTitle = (axis: unknown) => (axis as { title?: { text: string } }).title?.text;
    expect([axisTitle(figure.layout.xaxis), axisTitle(figure.layout.xaxis2)]).toEqual(['energy', 'tempo']);
    expect([axisTitle(figure.layout.yaxis), axisTitle(figure.layout.yaxis2)]).toEqual(['tracks', undefined]);
    const share = histogramFigure(histogramsSmall, { y: 'share' });
    expect(share.data[0].y).toEqual([3 / 8, 5 / 8]);
    expect(axisTitle(share.layout.yaxis)).toBe('share of tracks');
  });

  it('correlation heatmap on a fixed −1..1 scale', () => {
    const figure = correlationHeatmapFigure(correlation, { theme: LIGHT_THEME });
    expect(figure).toMatchSnapshot();
    expect([figure.data[0].zmin, figure.data[0].zmax]).toEqual([-1, 1]);
  });

  it('top artists and albums, same-title albums told apart', () => {
    expect(topEntitiesFigure(topArtistsSmall)).toMatchSnapshot();
    const albums = topEntitiesFigure(topAlbumsSmall, { showNote: false });
    expect(albums.data[0].y).toEqual(['Hits (x)', 'Hits (y)', 'Solo']);
    expect(albums.layout.annotations).toEqual([]);
  });

  it('cohort comparison heatmap of standardized effects', () => {
    const figure = cohortFigure(cohortsSmall);
    expect(figure).toMatchSnapshot();
    // Clusters numbered 1–k as in every other view; the printed number is the coloured one (SD units).
    expect(figure.data[0].y).toEqual(['cluster 1 (n = 6)', 'cluster 2 (n = 4)']);
    expect(figure.data[0].texttemplate).toBe('%{z:+.2f}');
    expect(figure.data[0].z).toEqual(cohortsSmall.segments.map((s) => s.effect));
    // The raw means stay in the hover.
    expect(figure.data[0].text).toEqual([
      ['0.600', '110.0'],
      ['0.350', '135.0'],
    ]);
    const named = cohortFigure(cohortsSmall, { clusterNames: { 0: 'Calm acoustic', 1: 'Loud & fast' } });
    expect(named.data[0].y).toEqual(['1: Calm acoustic (n = 6)', '2: Loud & fast (n = 4)']);
  });

  it('label summary: base rates, the ceiling, the original table and a model', () => {
    const ceiling = noiseCeiling({ flipRate: 0.05, noisyPositiveRate: 0.263 });
    const rates = { ruleBaseRate: ceiling.rulePositiveRate, labelBaseRate: 0.263, flipRate: 0.05 };
    const figure = labelSummaryFigure(rates, ceiling, {
      model: { auc: 0.915, precision: 0.94, recall: 0.85, f1: 0.89 },
    });
    expect(figure).toMatchSnapshot();
    expectAxesDefined(figure);
    expect(figure.data.map((t) => t.name)).toEqual([
      'share of tracks',
      'ceiling at 5.0% flips',
      'original app (reported)',
      'model',
    ]);
    expect(labelSummaryFigure(rates, ceiling, { reported: null }).data).toHaveLength(2);
    expect(() =>
      labelSummaryFigure(rates, ceiling, { model: { auc: NaN, precision: 1, recall: 1, f1: 1 } }),
    ).toThrow(/'auc'/);
  });

  it('helpers: alpha colours and wrapped captions', () => {
    expect(withAlpha('#1DB954', 0.25)).toBe('rgba(29, 185, 84, 0.25)');
    expect(() => withAlpha('green', 0.5)).toThrow(/#RRGGBB/);
    expect(wrapText('aa bb cc dd', 5)).toBe('aa bb<br>cc dd');
    expect(wrapText('longword x', 3)).toBe('longword<br>x');
  });
});
