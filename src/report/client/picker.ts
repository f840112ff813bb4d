/// <reference lib="dom" />
/**
 * The Promotion Model track picker: album → track, or a search over track and artist names. The probability
 * is scored live in the browser from the model's JSON (the same trees libxgboost uses); the native
 * probability sits beside it so anyone can see they agree. SHAP comes from the browser's TreeSHAP, or from
 * the embedded precomputed values if that fails.
 */
import type { PickerTrack, TrackPickerBlock } from '../types';
import { el } from './dom';
import { drawFigure } from './figures';
import { createLiveScorer } from './score';
import { waterfallFigure, type ShapValues } from './waterfall';

const ALL_ALBUMS = '__all__';

export function mountPicker(mount: HTMLElement, block: TrackPickerBlock): void {
  const scorer = createLiveScorer(block.model, block.featureNames);
  const tracks = block.tracks;
  const albums = Array.from(new Set(tracks.map((t) => t.album))).sort((a, b) => a.localeCompare(b));

  const albumSelect = el(
    'select',
    { class: 'picker-album', 'aria-label': 'Album' },
    el('option', { value: ALL_ALBUMS }, `All albums (${albums.length})`),
    ...albums.map((album) => el('option', { value: album }, album || '(no album)')),
  );
  const searchBox = el('input', {
    type: 'search',
    class: 'picker-search',
    placeholder: 'Track or artist name',
    'aria-label': 'Search tracks',
  });
  const trackSelect = el('select', { class: 'picker-track', 'aria-label': 'Track' });
  mount.append(
    el(
      'div',
      { class: 'picker' },
      el('div', {}, el('label', {}, 'Album'), albumSelect),
      el('div', {}, el('label', {}, 'Search'), searchBox),
      el('div', {}, el('label', {}, 'Track'), trackSelect),
    ),
  );
  const result = el('div', { class: 'picker-result' });
  mount.append(result);

  function liveShap(track: PickerTrack): ShapValues | null {
    try {
      return scorer.shap(track.features);
    } catch (error) {
      // The page still works from the embedded values; say why the live ones are missing.
      console.warn('TreeSHAP in the browser failed, using embedded SHAP values if any:', error);
      return null;
    }
  }

  function fillTracks(): void {
    const album = albumSelect.value;
    const needle = searchBox.value.trim().toLowerCase();
    const matching = tracks
      .map((track, i) => ({ track, i }))
      .filter(({ track }) => album === ALL_ALBUMS || track.album === album)
      .filter(
        ({ track }) => !needle || `${track.name} ${track.artists.join(' ')}`.toLowerCase().includes(needle),
      );
    const current = trackSelect.value;
    trackSelect.replaceChildren(
      ...matching.map(({ track, i }) =>
        el('option', { value: String(i) }, `${track.name} — ${track.artists.join(', ')}`),
      ),
    );
    if (matching.some(({ i }) => String(i) === current)) trackSelect.value = current;
    show();
  }

  function show(): void {
    const track: PickerTrack | undefined = tracks[Number(trackSelect.value)];
    if (trackSelect.value === '' || !track) {
      result.replaceChildren(el('p', { class: 'caption' }, 'No track matches.'));
      return;
    }
    const live = scorer.probability(track.features);
    const card = (
      label: string,
      value: string,
      note: string,
      attrs: Record<string, string> = {},
    ): HTMLElement =>
      el(
        'div',
        { class: 'metric', ...attrs },
        el('div', { class: 'metric-label' }, label),
        el('div', { class: 'metric-value' }, value),
        el('div', { class: 'metric-note' }, note),
      );
    const metrics = el(
      'div',
      { class: 'metrics' },
      card('Promotion probability', live.toFixed(4), 'scored live in your browser from the model JSON', {
        'data-live-probability': String(live),
        'data-track-id': track.id,
      }),
      card('Native probability', track.nativeProbability.toFixed(4), 'libxgboost, at export time', {
        'data-native-probability': String(track.nativeProbability),
      }),
      card('Prediction', live >= 0.5 ? 'Promote' : 'Do not promote', 'threshold 0.5'),
    );
    const header = el(
      'p',
      {},
      el('strong', {}, track.name),
      ` by ${track.artists.join(', ')} — album `,
      el('em', {}, track.album),
    );
    const shap = liveShap(track) ?? track.shap ?? null;
    const figureMount = el('div', { class: 'figure', 'data-waterfall': '1' });
    const children: Node[] = [header, metrics];
    if (shap)
      children.push(el('section', { class: 'block' }, el('h3', {}, 'Why: SHAP waterfall'), figureMount));
    if (track.explanation) {
      const tag =
        track.explanation.source === 'llm'
          ? `LLM explanation${track.explanation.model ? ` (${track.explanation.model})` : ''}`
          : 'Offline explanation (template, no LLM)';
      children.push(
        el(
          'section',
          { class: 'block' },
          el('h3', {}, 'Explanation'),
          el(
            'div',
            { class: 'explanation' },
            el('span', { class: 'source-tag' }, tag),
            el('div', {}, track.explanation.text),
          ),
        ),
      );
    }
    result.replaceChildren(...children);
    if (shap) void drawFigure(figureMount, waterfallFigure(block.featureNames, track.features, shap));
  }

  albumSelect.addEventListener('change', fillTracks);
  searchBox.addEventListener('input', fillTracks);
  trackSelect.addEventListener('change', show);
  fillTracks();
}
