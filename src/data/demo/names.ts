/**
 * Invented artist, album and track names with the real file's typographic traps: commas ("Mama, I'm Coming
 * Home"), apostrophes (Guns N' Roses — written with double quotes in the Python list), double quotes
 * (Christone "Kingfish" Ingram), non-ASCII (Flâneur, Sigur Rós, 坂本龍一) and suffixes like "- Live at …" or
 * "- Remastered 2011". The word lists are small on purpose: repeated words give realistic top-artist ties.
 */
import type { Random } from '../../util/random';

const pick = <T>(rng: Random, items: readonly T[]): T => items[rng.int(items.length)];

const FIRST_NAMES = [
  'Ada',
  'Ben',
  'Clara',
  'Dev',
  'Elena',
  'Felix',
  'Grace',
  'Hugo',
  'Iris',
  'Jonas',
  'Kai',
  'Lena',
  'Marco',
  'Nina',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sam',
  'Tomás',
  'Uma',
  'Victor',
  'Wren',
  'Yuki',
  'Zoë',
  'Björn',
  'Chloé',
  'Mateo',
  'Aiyana',
  'Kofi',
  'Ingrid',
  'Luis',
  'Mira',
  'Noah',
  'Olu',
  'Sade',
];
const LAST_NAMES = [
  'Adler',
  'Baker',
  'Castillo',
  'Duarte',
  'Ellis',
  'Fontaine',
  'García',
  'Hale',
  'Ibarra',
  'Jensen',
  'Kowalski',
  "O'Connor",
  'Lindqvist',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quintero',
  'Rossi',
  'Sørensen',
  'Tanaka',
  'Underwood',
  'Vance',
  'Whitfield',
  'Young',
  'Zimmermann',
  "D'Angelo",
  'Müller',
  'Ng',
  'Reyes',
];
const NICKNAMES = ['Kingfish', 'Smokey', 'Lucky', 'Big Mama', 'Little Bird', 'Sugar'];
const ADJECTIVES = [
  'Silver',
  'Electric',
  'Golden',
  'Broken',
  'Quiet',
  'Wild',
  'Neon',
  'Crimson',
  'Hollow',
  'Midnight',
  'Velvet',
  'Burning',
  'Frozen',
  'Lonely',
  'Sweet',
  'Dark',
  'Bright',
  'Restless',
  'Paper',
  'Glass',
  'Eternal',
  'Lost',
  'Blue',
  'Wandering',
  'Secret',
  'Distant',
  'Sacred',
  'Tender',
];
const NOUNS = [
  'River',
  'Heart',
  'City',
  'Fire',
  'Ocean',
  'Mountain',
  'Dream',
  'Shadow',
  'Light',
  'Road',
  'Storm',
  'Garden',
  'Mirror',
  'Echo',
  'Star',
  'Rain',
  'Wolf',
  'Ghost',
  'Summer',
  'Winter',
  'Machine',
  'Signal',
  'Horizon',
  'Harbor',
  'Engine',
  'Crown',
  'Letter',
  'Window',
  'Desert',
  'Radio',
];
const VERBS = [
  'Run',
  'Fall',
  'Stay',
  'Wait',
  'Dance',
  'Breathe',
  'Hold On',
  'Let Go',
  'Come Home',
  'Shine',
  'Go',
];
const UNICODE_WORDS = [
  'Flâneur',
  'Café',
  'Noël',
  'Mañana',
  'Señorita',
  'Über',
  'Ça va',
  'Façade',
  'Déjà vu',
  'Jalapeño',
  'Smörgåsbord',
  'Sigur Rós',
  '坂本龍一',
  '東京',
  'Сон',
  'Ἀρχή',
  'Saudade',
  'Naïve',
  'Øresund',
  'Ærø',
];
const PLACES = ['Central Park', 'Red Rocks', 'Radio City Music Hall', 'the Fillmore', 'Wembley', 'the Roxy'];
const CITIES = [
  'New York, NY',
  'Morrison, CO',
  'San Francisco, CA',
  'London',
  'Los Angeles, CA',
  'Austin, TX',
];
const MONTHS = ['January', 'March', 'April', 'June', 'September', 'November'];

/** An artist name: a person, a band, or a project; a few with an apostrophe, quotes or non-ASCII letters. */
export function artistName(rng: Random): string {
  const u = rng.next();
  if (u < 0.32) return `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`;
  if (u < 0.52) return `The ${pick(rng, ADJECTIVES)} ${pick(rng, NOUNS)}s`;
  if (u < 0.64) return `${pick(rng, ADJECTIVES)} ${pick(rng, NOUNS)}`;
  if (u < 0.72) return `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)} & The ${pick(rng, NOUNS)}s`;
  if (u < 0.78) return `${pick(rng, ['DJ', 'Lil', 'MC', 'Young'])} ${pick(rng, NOUNS)}`;
  if (u < 0.83) return `${pick(rng, NOUNS)}s N' ${pick(rng, NOUNS)}s`;
  if (u < 0.88) return pick(rng, UNICODE_WORDS);
  if (u < 0.9) return `${pick(rng, FIRST_NAMES)} "${pick(rng, NICKNAMES)}" ${pick(rng, LAST_NAMES)}`;
  if (u < 0.95) return `${pick(rng, NOUNS)}${pick(rng, NOUNS).toLowerCase()}`;
  return `${pick(rng, ADJECTIVES)} ${pick(rng, UNICODE_WORDS)}`;
}

/** A track title, before any "(feat. …)" the catalog adds. */
export function trackName(rng: Random): string {
  const u = rng.next();
  let base: string;
  if (u < 0.28) base = `${pick(rng, ADJECTIVES)} ${pick(rng, NOUNS)}`;
  else if (u < 0.4) base = pick(rng, NOUNS);
  else if (u < 0.52)
    base = `${pick(rng, ["Don't", "Can't", "Won't", "I'm Gonna", "Let's"])} ${pick(rng, VERBS)}`;
  else if (u < 0.6)
    base = `${pick(rng, VERBS)}, ${pick(rng, ['Baby', 'Darling', 'My Friend', 'Tonight', 'Again'])}`;
  else if (u < 0.68) base = `${pick(rng, NOUNS)} of the ${pick(rng, NOUNS)}`;
  else if (u < 0.74) base = `${pick(rng, ADJECTIVES)} ${pick(rng, UNICODE_WORDS)}`;
  else if (u < 0.8) base = `${pick(rng, VERBS)} (${pick(rng, ADJECTIVES)} ${pick(rng, NOUNS)})`;
  else if (u < 0.86) base = `${pick(rng, FIRST_NAMES)}'s ${pick(rng, NOUNS)}`;
  else if (u < 0.9) base = `"${pick(rng, NOUNS)}"`;
  else
    base = `${pick(rng, ['When', 'Where', 'Before', 'After'])} the ${pick(rng, NOUNS)} ${pick(rng, VERBS)}s`;
  const suffix = rng.next();
  if (suffix < 0.025) return `${base} - Remastered ${1995 + rng.int(26)}`;
  if (suffix < 0.04) {
    return `${base} - Live at ${pick(rng, PLACES)}, ${pick(rng, CITIES)} - ${pick(rng, MONTHS)} ${1970 + rng.int(50)}`;
  }
  if (suffix < 0.05) return `${base} - ${pick(rng, ['Acoustic', 'Radio Edit', 'Demo', 'Instrumental'])}`;
  return base;
}

/** An album title; `firstTrack` lets singles be named after their only track, as on Spotify. */
export function albumName(rng: Random, firstTrack: string, trackCount: number): string {
  if (trackCount === 1) return firstTrack;
  const u = rng.next();
  let base: string;
  if (u < 0.3) base = `${pick(rng, ADJECTIVES)} ${pick(rng, NOUNS)}s`;
  else if (u < 0.45) base = pick(rng, NOUNS);
  else if (u < 0.55) base = `${pick(rng, NOUNS)}, ${pick(rng, NOUNS)} & ${pick(rng, NOUNS)}`;
  else if (u < 0.63) base = `The ${pick(rng, NOUNS)} Sessions`;
  else if (u < 0.7) base = pick(rng, UNICODE_WORDS);
  else if (u < 0.78) base = `${pick(rng, VERBS)} ${pick(rng, ['Forever', 'Tonight', 'Slowly', 'Again'])}`;
  else base = `${pick(rng, ADJECTIVES)} ${pick(rng, NOUNS)}`;
  const edition = rng.next();
  if (edition < 0.06) return `${base} (Deluxe Edition)`;
  if (edition < 0.09) return `${base} (Remastered)`;
  if (edition < 0.1) return `${base} (Expanded Edition)`;
  return base;
}
