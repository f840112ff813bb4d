/**
 * Calibration constants of the demo generator, derived once at development time by
 * `derive-calibration.py` (next to this file) from the real public files; the generator never reads them.
 * - DECADE_MEANS: unweighted mean of the yearly means in data_by_year_real.csv (Kaggle "Spotify Dataset
 *   1921-2020"), one row per decade (2020 is the single year 2020).
 * - QUANTILES, LATENT_CORRELATION, KEY_WEIGHTS, MAJOR_MODE_RATE: 20,311 real tracks of 2000-2020
 *   (spotify_600k_format_20k_real.csv, tempo-0 rows left out). Correlations are between normal scores
 *   (Gaussian copula); `explicit` enters as a latent normal through its biserial correlation.
 * Generated file: edit the script, not the numbers.
 */

/** Continuous columns the copula draws, in LATENT_CORRELATION order (then the explicit latent). */
export const COPULA_FEATURES = [
  'danceability',
  'energy',
  'loudness',
  'speechiness',
  'acousticness',
  'instrumentalness',
  'liveness',
  'valence',
  'tempo',
  'duration_ms',
] as const;
export type CopulaFeature = (typeof COPULA_FEATURES)[number];

/** Probabilities at which QUANTILES are tabulated (the generator interpolates linearly between them
 *  and clamps outside, so values stay within the real 0.1%..99.9% range). */
export const QUANTILE_PROBS: readonly number[] = [
  0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75,
  0.8, 0.85, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999,
];

/** Real marginal quantiles of each feature at QUANTILE_PROBS (the shape; decades then shift it). */
export const QUANTILES: Readonly<Record<CopulaFeature, readonly number[]>> = {
  danceability: [
    0.06573, 0.1169, 0.152, 0.2019, 0.285, 0.362, 0.412, 0.447, 0.478, 0.504, 0.529, 0.552, 0.574, 0.597,
    0.619, 0.642, 0.664, 0.689, 0.714, 0.74, 0.769, 0.804, 0.851, 0.895, 0.92, 0.9385, 0.966,
  ],
  energy: [
    0.001656, 0.01625, 0.04416, 0.09573, 0.222, 0.3404, 0.417, 0.472, 0.516, 0.553, 0.587, 0.621, 0.651, 0.68,
    0.71, 0.737, 0.767, 0.797, 0.826, 0.856, 0.885, 0.919, 0.952, 0.9761, 0.985, 0.991, 0.996,
  ],
  loudness: [
    -37.967, -29.883, -25.776, -21.274, -14.346, -11.17, -9.669, -8.75, -8.104, -7.552, -7.128, -6.754,
    -6.398, -6.071, -5.768, -5.486, -5.208, -4.915, -4.629, -4.311, -3.96, -3.558, -3.037, -2.451, -2.09,
    -1.645, -0.811,
  ],
  speechiness: [
    0.0234, 0.0247, 0.0254, 0.0262, 0.0278, 0.0299, 0.0317, 0.0337, 0.0358, 0.0381, 0.0408, 0.044, 0.0478,
    0.0524, 0.0589, 0.0672, 0.0787, 0.09478, 0.116, 0.151, 0.2, 0.264, 0.339, 0.413, 0.4691, 0.5205, 0.7601,
  ],
  acousticness: [
    4.933e-6, 1.39e-5, 2.649e-5, 5.876e-5, 0.0002627, 0.00137, 0.00413, 0.009078, 0.0167, 0.0279, 0.0426,
    0.0598, 0.0838, 0.114, 0.15, 0.193, 0.248, 0.314, 0.395, 0.487, 0.601, 0.732, 0.878, 0.954, 0.976, 0.987,
    0.994,
  ],
  instrumentalness: [
    0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.07e-6, 5.74e-6, 1.55e-5, 4.911e-5,
    0.00015, 0.000504, 0.002142, 0.01069, 0.08048, 0.648, 0.9, 0.932, 0.953, 0.9787,
  ],
  liveness: [
    0.02362, 0.03339, 0.03929, 0.0477, 0.0613, 0.0742, 0.0836, 0.09108, 0.0976, 0.103, 0.108, 0.112, 0.119,
    0.128, 0.141, 0.157, 0.179, 0.21, 0.248, 0.293, 0.332, 0.375, 0.529, 0.702, 0.8341, 0.918, 0.974,
  ],
  valence: [
    0.02662, 0.0357, 0.038, 0.04769, 0.09697, 0.158, 0.204, 0.246, 0.288, 0.327, 0.358, 0.394, 0.432, 0.472,
    0.509, 0.545, 0.584, 0.627, 0.672, 0.718, 0.771, 0.836, 0.906, 0.961, 0.966, 0.971, 0.979,
  ],
  tempo: [
    54.289, 63.986, 68.722, 73.474, 77.711, 82.887, 88.866, 92.98, 96.185, 100.211, 105.686, 111.017, 116.155,
    120.135, 125.035, 129.844, 133.947, 139.17, 143.71, 149.328, 157.087, 166.094, 175.939, 185.253, 194.738,
    200.223, 207.97,
  ],
  duration_ms: [
    44135, 70209, 91062, 115593, 141467, 162631, 175415, 184224, 192040, 198776, 204490, 210168, 215839,
    221653, 227507, 233698, 240000, 247533, 256140, 266165, 279290, 297494, 331133, 389144, 455373, 526204,
    726068,
  ],
};

/** Gaussian-copula correlation of COPULA_FEATURES followed by the explicit latent (11 x 11). */
export const LATENT_CORRELATION: readonly (readonly number[])[] = [
  [1.0, -0.004, 0.099, 0.235, -0.008, -0.287, -0.093, 0.472, -0.071, -0.138, 0.416],
  [-0.004, 1.0, 0.775, 0.24, -0.702, -0.163, 0.145, 0.306, 0.206, 0.046, 0.047],
  [0.099, 0.775, 1.0, 0.146, -0.55, -0.334, 0.078, 0.317, 0.174, 0.013, 0.073],
  [0.235, 0.24, 0.146, 1.0, -0.152, -0.216, 0.092, 0.118, 0.089, -0.075, 0.681],
  [-0.008, -0.702, -0.55, -0.152, 1.0, 0.09, -0.078, -0.104, -0.185, -0.087, -0.095],
  [-0.287, -0.163, -0.334, -0.216, 0.09, 1.0, -0.064, -0.27, -0.061, 0.084, -0.308],
  [-0.093, 0.145, 0.078, 0.092, -0.078, -0.064, 1.0, -0.037, 0.017, 0.023, 0.111],
  [0.472, 0.306, 0.317, 0.118, -0.104, -0.27, -0.037, 1.0, 0.098, -0.198, -0.032],
  [-0.071, 0.206, 0.174, 0.089, -0.185, -0.061, 0.017, 0.098, 1.0, -0.023, -0.02],
  [-0.138, 0.046, 0.013, -0.075, -0.087, 0.084, 0.023, -0.198, -0.023, 1.0, -0.048],
  [0.416, 0.047, 0.073, 0.681, -0.095, -0.308, 0.111, -0.032, -0.02, -0.048, 1.0],
];

/** Per-decade means of the real yearly means: the era trend the generator reproduces. */
export const DECADE_MEANS: ReadonlyArray<{ decade: number } & Readonly<Record<CopulaFeature, number>>> = [
  {
    decade: 1920,
    danceability: 0.5591,
    energy: 0.2534,
    loudness: -16.163,
    speechiness: 0.1928,
    acousticness: 0.8692,
    instrumentalness: 0.3984,
    liveness: 0.2177,
    valence: 0.5617,
    tempo: 110.539,
    duration_ms: 189521,
  },
  {
    decade: 1930,
    danceability: 0.5419,
    energy: 0.2842,
    loudness: -14.191,
    speechiness: 0.1849,
    acousticness: 0.8741,
    instrumentalness: 0.2726,
    liveness: 0.2257,
    valence: 0.5646,
    tempo: 112.255,
    duration_ms: 208296,
  },
  {
    decade: 1940,
    danceability: 0.4733,
    energy: 0.2566,
    loudness: -15.196,
    speechiness: 0.1458,
    acousticness: 0.878,
    instrumentalness: 0.3777,
    liveness: 0.2223,
    valence: 0.49,
    tempo: 107.194,
    duration_ms: 221154,
  },
  {
    decade: 1950,
    danceability: 0.4768,
    energy: 0.2868,
    loudness: -14.731,
    speechiness: 0.09353,
    acousticness: 0.8402,
    instrumentalness: 0.2477,
    liveness: 0.2091,
    valence: 0.4786,
    tempo: 110.977,
    duration_ms: 220518,
  },
  {
    decade: 1960,
    danceability: 0.4946,
    energy: 0.4134,
    loudness: -12.694,
    speechiness: 0.05782,
    acousticness: 0.6263,
    instrumentalness: 0.1582,
    liveness: 0.2087,
    valence: 0.5516,
    tempo: 115.133,
    duration_ms: 211669,
  },
  {
    decade: 1970,
    danceability: 0.5249,
    energy: 0.5337,
    loudness: -11.425,
    speechiness: 0.05976,
    acousticness: 0.4002,
    instrumentalness: 0.116,
    liveness: 0.2164,
    valence: 0.5851,
    tempo: 119.859,
    duration_ms: 254052,
  },
  {
    decade: 1980,
    danceability: 0.5464,
    energy: 0.5947,
    loudness: -11.227,
    speechiness: 0.06203,
    acousticness: 0.2987,
    instrumentalness: 0.1222,
    liveness: 0.2046,
    valence: 0.5644,
    tempo: 121.345,
    duration_ms: 252124,
  },
  {
    decade: 1990,
    danceability: 0.5661,
    energy: 0.5861,
    loudness: -10.003,
    speechiness: 0.08054,
    acousticness: 0.3075,
    instrumentalness: 0.1097,
    liveness: 0.1966,
    valence: 0.545,
    tempo: 119.404,
    duration_ms: 248580,
  },
  {
    decade: 2000,
    danceability: 0.5741,
    energy: 0.6517,
    loudness: -7.499,
    speechiness: 0.08772,
    acousticness: 0.2697,
    instrumentalness: 0.08378,
    liveness: 0.1956,
    valence: 0.5302,
    tempo: 121.269,
    duration_ms: 239515,
  },
  {
    decade: 2010,
    danceability: 0.5972,
    energy: 0.6287,
    loudness: -7.518,
    speechiness: 0.0988,
    acousticness: 0.2643,
    instrumentalness: 0.08766,
    liveness: 0.1895,
    valence: 0.4561,
    tempo: 120.808,
    duration_ms: 227118,
  },
  {
    decade: 2020,
    danceability: 0.6929,
    energy: 0.6312,
    loudness: -6.595,
    speechiness: 0.1414,
    acousticness: 0.2199,
    instrumentalness: 0.01638,
    liveness: 0.1785,
    valence: 0.501,
    tempo: 124.283,
    duration_ms: 193728,
  },
];

/** Share of each key 0..11 (C, C#, ... B). */
export const KEY_WEIGHTS: readonly number[] = [
  0.1121, 0.1099, 0.1034, 0.033, 0.0737, 0.0787, 0.0679, 0.1094, 0.0718, 0.0924, 0.0678, 0.08,
];

/** Share of tracks in a major key (mode 1). */
export const MAJOR_MODE_RATE = 0.6591;
