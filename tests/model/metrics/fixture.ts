/** A small case with ties across classes; its expected values come from scikit-learn 1.2 (see each test). */
export const LABELS = [0, 0, 1, 1, 0, 1, 0, 1, 1, 0];
export const SCORES = [0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.2, 0.9, 0.6, 0.7];
