import { generateDemoTracks, planDirt, type DemoTrack } from '../../../src/data/demo';
import { SPOTIFY_ID_PATTERN } from '../../../src/data/demo/spotify-id';

const ROWS = 20_000;
const tracks: DemoTrack[] = [...generateDemoTracks(ROWS, 9, planDirt(ROWS, 9))];

describe('generateDemoTracks', () => {
  it('streams exactly the rows asked for, with unique Spotify-like ids', () => {
    expect(tracks).toHaveLength(ROWS);
    expect(new Set(tracks.map((t) => t.id)).size).toBe(ROWS);
    const ids = tracks.flatMap((t) => [t.id, t.albumId, ...t.artistIds]);
    expect(ids.filter((id) => !SPOTIFY_ID_PATTERN.test(id))).toEqual([]);
  });

  it('nests artists → albums → tracks: an album is contiguous, with one main artist, date and disc layout', () => {
    const albums = new Map<string, DemoTrack[]>();
    const problems: string[] = [];
    let previous = '';
    for (const t of tracks) {
      if (t.albumId !== previous && albums.has(t.albumId)) problems.push(`album ${t.albumId} is split`);
      previous = t.albumId;
      if (!albums.has(t.albumId)) albums.set(t.albumId, []);
      albums.get(t.albumId)!.push(t);
    }
    for (const [albumId, list] of albums) {
      if (new Set(list.map((t) => t.artistIds[0])).size !== 1)
        problems.push(`${albumId}: several main artists`);
      const dates = new Set(list.filter((t) => t.year !== 0).map((t) => t.releaseDate));
      if (dates.size > 1) problems.push(`${albumId}: several release dates`);
      // track_number restarts at 1 on each disc and counts up by one; discs count up from 1
      list.forEach((t, i) => {
        const p = list[i - 1];
        const expected = !p
          ? [1, 1]
          : t.discNumber === p.discNumber
            ? [p.discNumber, p.trackNumber + 1]
            : [p.discNumber + 1, 1];
        if (t.discNumber !== expected[0] || t.trackNumber !== expected[1]) {
          problems.push(
            `${albumId} row ${i}: disc ${t.discNumber} track ${t.trackNumber}, expected ${expected}`,
          );
        }
      });
    }
    expect(problems.slice(0, 5)).toEqual([]);
    const counts = [...albums.values()].map((l) => l.length);
    expect(counts.reduce((a, b) => a + b, 0) / counts.length).toBeGreaterThan(5);
    expect(tracks.filter((t) => t.discNumber === 1).length / ROWS).toBeGreaterThan(0.9);
    expect(tracks.some((t) => t.discNumber === 2)).toBe(true);
  });

  it('keeps an artist id bound to one name, and has collaborations at about CATALOG.collaborationRate', () => {
    const nameOf = new Map<string, string>();
    const problems: string[] = [];
    for (const t of tracks) {
      if (t.artists.length !== t.artistIds.length)
        problems.push(`${t.id}: ${t.artists.length} names, ${t.artistIds.length} ids`);
      t.artistIds.forEach((id, k) => {
        if ((nameOf.get(id) ?? t.artists[k]) !== t.artists[k]) problems.push(`artist ${id} has two names`);
        nameOf.set(id, t.artists[k]);
      });
    }
    expect(problems.slice(0, 5)).toEqual([]);
    const collaborations = tracks.filter((t) => t.artists.length > 1).length / ROWS;
    expect(collaborations).toBeGreaterThan(0.09);
    expect(collaborations).toBeLessThan(0.15);
    expect(tracks.some((t) => t.name.includes('(feat. '))).toBe(true);
  });

  it('writes release dates as YYYY-MM-DD mostly, some YYYY-MM and YYYY, matching the year', () => {
    const shapes = { day: 0, month: 0, year: 0 };
    const problems: string[] = [];
    for (const t of tracks) {
      if (t.year === 0) {
        if (t.releaseDate !== '0000') problems.push(`year 0 with ${t.releaseDate}`);
        continue;
      }
      if (t.releaseDate.slice(0, 4) !== String(t.year)) problems.push(`${t.releaseDate} in year ${t.year}`);
      if (/^\d{4}-\d{2}-\d{2}$/.test(t.releaseDate)) shapes.day++;
      else if (/^\d{4}-\d{2}$/.test(t.releaseDate)) shapes.month++;
      else if (/^\d{4}$/.test(t.releaseDate)) shapes.year++;
      else problems.push(`unexpected release_date ${t.releaseDate}`);
    }
    expect(problems.slice(0, 5)).toEqual([]);
    expect(shapes.day / ROWS).toBeGreaterThan(0.85);
    expect(shapes.month).toBeGreaterThan(0);
    expect(shapes.year).toBeGreaterThan(0);
  });

  it('skews years to recent decades like the 1.2M file: most tracks from the 2000s and 2010s', () => {
    const recent = tracks.filter((t) => t.year >= 2000 && t.year < 2020).length / ROWS;
    expect(recent).toBeGreaterThan(0.6);
    expect(tracks.filter((t) => t.year > 0 && t.year < 1960).length).toBeGreaterThan(0);
  });

  it('plants the dirt the plan asks for, and the tempo-0 rows look like Spotify no-beat tracks', () => {
    const plan = planDirt(ROWS, 9);
    expect(tracks.filter((t) => t.name === '').length).toBe(plan.counts.emptyName);
    expect(tracks.filter((t) => t.album === '').length).toBe(plan.counts.emptyAlbum);
    expect(tracks.filter((t) => t.year === 0).length).toBe(plan.counts.yearZero);
    const noBeat = tracks.filter((t) => t.tempo === 0);
    expect(noBeat.length).toBe(plan.counts.tempoZero);
    for (const t of noBeat) expect([t.danceability, t.timeSignature]).toEqual([0, 0]);
  });

  it('writes names with the real traps: commas, apostrophes, double quotes and non-ASCII', () => {
    const text = tracks.flatMap((t) => [t.name, t.album, ...t.artists]);
    expect(text.some((s) => s.includes(','))).toBe(true);
    expect(text.some((s) => s.includes("'"))).toBe(true);
    expect(text.some((s) => s.includes('"'))).toBe(true);
    expect(text.some((s) => /[^\x00-\x7f]/.test(s))).toBe(true);
    expect(tracks.some((t) => t.artists.some((a) => a.includes("'")))).toBe(true);
  });
});
