/**
 * One track's explanation in words: the cached LLM answer if there is one, else a fresh LLM call, else — on any
 * failure (no token, no network, HTTP error, rate limit, timeout, malformed answer) — the offline text from the
 * SHAP values, with the reason. Never throws for a network problem; the notebook always has something to show.
 */
import { getCachedExplanation, putCachedExplanation } from './explanation-cache';
import { LLM_DEFAULTS, LlmError, llmEndpoint, requestChatCompletion, type LlmOptions } from './llm-client';
import type { LocalExplanation } from './local-explanation';
import { offlineExplanation } from './offline-explanation';
import { buildExplanationPrompt, type PromptOptions, type TrackIdentity } from './prompt';

export interface ExplainTrackOptions extends LlmOptions, PromptOptions {
  /** Directory of the on-disk cache; no caching when absent. */
  cacheDir?: string;
  /** Identifies the promotion model in the cache key (e.g. its data fingerprint). Default 'default'. */
  predictor?: string;
  /** Skip the LLM and write the offline text. Default false. */
  offline?: boolean;
}

export const EXPLAIN_TRACK_DEFAULTS = { predictor: 'default', offline: false } as const;

export interface TrackExplanationText {
  text: string;
  source: 'llm' | 'cache' | 'offline';
  /** LLM model id when source is llm or cache. */
  model?: string;
  /** Why the offline text was used (no token, timeout, HTTP 500 …), token-free. */
  fallbackReason?: string;
  promptVersion: string;
}

const OFFLINE_MODE = 'offline mode';

/**
 * Whether a text is final for its cache key: an LLM answer, or the offline text chosen on purpose (offline
 * mode). The offline text after a failure (network, timeout, rate limit, HTTP error, malformed answer, no
 * token) is a stand-in: a cache that keeps it would never ask the LLM again, so callers store only settled
 * texts and retry the rest.
 */
export function isSettledExplanation(text: Pick<TrackExplanationText, 'source' | 'fallbackReason'>): boolean {
  return text.source !== 'offline' || text.fallbackReason === OFFLINE_MODE;
}

export async function explainTrack(
  track: TrackIdentity,
  explanation: LocalExplanation,
  options: ExplainTrackOptions = {},
): Promise<TrackExplanationText> {
  const prompt = buildExplanationPrompt(track, explanation, options);
  const llmModel = options.model ?? LLM_DEFAULTS.model;
  const fallback = (reason: string): TrackExplanationText => ({
    text: offlineExplanation(explanation),
    source: 'offline',
    fallbackReason: reason,
    promptVersion: prompt.version,
  });
  if (options.offline ?? EXPLAIN_TRACK_DEFAULTS.offline) return fallback(OFFLINE_MODE);
  const key = {
    endpoint: llmEndpoint(options),
    llmModel,
    predictor: options.predictor ?? EXPLAIN_TRACK_DEFAULTS.predictor,
    trackId: track.id,
    promptVersion: prompt.version,
  };
  if (options.cacheDir) {
    const hit = getCachedExplanation(options.cacheDir, key);
    if (hit) return { text: hit.text, source: 'cache', model: llmModel, promptVersion: prompt.version };
  }
  try {
    const text = await requestChatCompletion(prompt, options);
    if (options.cacheDir) {
      try {
        putCachedExplanation(options.cacheDir, { ...key, text, createdAt: new Date().toISOString() });
      } catch (error) {
        // The answer is real and shown; only the next run pays for the call again.
        console.warn(`explanation cache: ${(error as Error).message}; the answer is used but not cached`);
      }
    }
    return { text, source: 'llm', model: llmModel, promptVersion: prompt.version };
  } catch (error) {
    if (error instanceof LlmError) return fallback(`${error.kind}: ${error.message}`);
    throw error;
  }
}
