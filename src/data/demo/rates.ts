/**
 * Structure and dirt rates of the 1.2M file that the demo generator imitates. Each says where it comes from:
 * "measured" = counted on the real file (DESIGN.md "The data") or on the 116-row real subset; "assumed" = a
 * plausible choice where no real figure was at hand — change it freely, nothing downstream depends on it.
 */

/** Row counts of the real 1.2M file's dirt (measured, DESIGN.md), out of REAL_ROW_COUNT rows. */
export const REAL_ROW_COUNT = 1_204_025;
export const REAL_DIRT_COUNTS = { emptyName: 3, emptyAlbum: 11, yearZero: 10, tempoZero: 2777 } as const;
export type DirtKind = keyof typeof REAL_DIRT_COUNTS;
export const DIRT_KINDS = Object.keys(REAL_DIRT_COUNTS) as DirtKind[];

/**
 * Share of tracks per decade (assumed). The 1.2M file is a MusicBrainz-seeded crawl skewed to recent releases:
 * most tracks from the 2000s and 2010s, few before 1960. 2020 is the single year 2020 (the crawl ended then).
 */
export const DECADE_SHARES: ReadonlyArray<{ decade: number; share: number }> = [
  { decade: 1920, share: 0.002 },
  { decade: 1930, share: 0.003 },
  { decade: 1940, share: 0.004 },
  { decade: 1950, share: 0.012 },
  { decade: 1960, share: 0.03 },
  { decade: 1970, share: 0.045 },
  { decade: 1980, share: 0.054 },
  { decade: 1990, share: 0.11 },
  { decade: 2000, share: 0.27 },
  { decade: 2010, share: 0.44 },
  { decade: 2020, share: 0.03 },
];

/** Share of explicit tracks per decade (assumed: near zero before the 1980s, rising with hip-hop). */
export const EXPLICIT_RATE_BY_DECADE: Readonly<Record<number, number>> = {
  1920: 0.002,
  1930: 0.002,
  1940: 0.002,
  1950: 0.002,
  1960: 0.003,
  1970: 0.005,
  1980: 0.015,
  1990: 0.05,
  2000: 0.08,
  2010: 0.11,
  2020: 0.15,
};

/** time_signature values and weights (measured on the real subset: 4 → 88%, 3 → 8%, 1 and 5 rarer). */
export const TIME_SIGNATURES: ReadonlyArray<{ value: number; weight: number }> = [
  { value: 4, weight: 0.88 },
  { value: 3, weight: 0.085 },
  { value: 5, weight: 0.02 },
  { value: 1, weight: 0.015 },
];

/**
 * Audio-feature values written with a float artifact such as `0.6559999999999999`: a share of 2^-3 = 12.5%
 * (measured: 124 of 1,044 values, 11.9%, in the real subset). The real file went through a float round trip;
 * loaders must not care. Expressed in bits because the generator draws it from random bits (3 bits x 10 values).
 */
export const FLOAT_ARTIFACT_BITS = 3;

/** Catalog shape (assumed): how artists, albums and tracks nest. */
export const CATALOG = {
  /** Mean albums per artist (geometric). */
  meanAlbumsPerArtist: 2.5,
  /** Share of releases that are singles/EPs (1–6 tracks); the rest are albums of 7–18 tracks. */
  shortReleaseRate: 0.3,
  /** Share of albums of 14+ tracks split over 2–3 discs (track_number restarts on each disc, as on Spotify). */
  multiDiscRate: 0.12,
  /** Share of tracks by more than one artist; among those, 2 / 3 / 4 artists with these weights. */
  collaborationRate: 0.12,
  collaboratorCountWeights: [0.72, 0.23, 0.05],
  /** Share of collaboration tracks whose name carries `(feat. X)`. */
  featInNameRate: 0.5,
  /** Share of the latent feature variance shared by an artist's tracks (their sound). */
  artistVarianceShare: 0.35,
  /** Year gap between an artist's consecutive albums: 0..maxAlbumGapYears. */
  maxAlbumGapYears: 4,
  /** How many recent artists collaborators are drawn from. */
  collaboratorPoolSize: 4000,
} as const;

/** Share of release dates written as `YYYY` only (assumed: older catalog more often lacks a day). */
export function yearOnlyDateRate(year: number): number {
  if (year < 1960) return 0.3;
  if (year < 1980) return 0.15;
  if (year < 2000) return 0.06;
  return 0.02;
}

/** Share of release dates written as `YYYY-MM` (assumed; rare in the real file). */
export const YEAR_MONTH_DATE_RATE = 0.005;
