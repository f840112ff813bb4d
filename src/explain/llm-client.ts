/**
 * The edge to a hosted LLM: one chat completion through @huggingface/inference's InferenceClient, with a timeout.
 * Every failure becomes an LlmError with a kind the caller can act on and a message with the token removed
 * (the library redacts headers but not, e.g., a server that echoes the token back).
 */
import { InferenceClient } from '@huggingface/inference';
import type { ExplanationPrompt } from './prompt';

export interface LlmOptions {
  /** Chat model id. Default 'meta-llama/Llama-3.1-8B-Instruct'. */
  model?: string;
  /** Inference provider ('auto' lets Hugging Face pick). Ignored when endpointUrl is set. Default 'auto'. */
  provider?: string;
  /**
   * A dedicated OpenAI-compatible endpoint (TGI, vLLM, llama.cpp's server, a local test server); requests go to
   * {endpointUrl}/v1/chat/completions. Default: $HF_INFERENCE_ENDPOINT, then $HF_ENDPOINT (see llmEndpoint),
   * else Hugging Face's inference providers.
   */
  endpointUrl?: string;
  /** Access token. Default: the HF_TOKEN environment variable. */
  token?: string;
  /** Give up after this many milliseconds. Default 20000. */
  timeoutMs?: number;
  /** Longest answer in tokens. Default 220. */
  maxTokens?: number;
}

export const LLM_DEFAULTS = {
  model: 'meta-llama/Llama-3.1-8B-Instruct',
  provider: 'auto',
  timeoutMs: 20000,
  maxTokens: 220,
} as const;

export type LlmErrorKind = 'no-token' | 'network' | 'timeout' | 'rate-limit' | 'http' | 'malformed';

export class LlmError extends Error {
  constructor(
    readonly kind: LlmErrorKind,
    message: string,
    /** HTTP status when the server answered. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'LlmError';
  }
}

/**
 * The endpoint a call goes to: the option, else $HF_INFERENCE_ENDPOINT (huggingface_hub's name for the
 * inference base URL), else $HF_ENDPOINT; undefined means Hugging Face's own routing. Checked up front, so a
 * typo fails with the variable's name instead of a fetch error three calls later.
 */
export function llmEndpoint(
  options: Pick<LlmOptions, 'endpointUrl'> = {},
  env = process.env,
): string | undefined {
  const sources: [string, string | undefined][] = [
    ['endpointUrl', options.endpointUrl],
    ['HF_INFERENCE_ENDPOINT', env.HF_INFERENCE_ENDPOINT],
    ['HF_ENDPOINT', env.HF_ENDPOINT],
  ];
  const found = sources.find(([, value]) => value !== undefined && value.trim() !== '');
  if (!found) return undefined;
  const [name, value] = found as [string, string];
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`${name} must be an http(s) URL such as http://127.0.0.1:8080, got '${value}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`${name} must be an http(s) URL such as http://127.0.0.1:8080, got '${value}'`);
  return value.trim().replace(/\/+$/, '');
}

/** `text` with every occurrence of the token replaced. */
export function redactToken(text: string, token: string | undefined): string {
  return token ? text.split(token).join('[redacted]') : text;
}

function classify(error: unknown, token: string | undefined, timeoutMs: number): LlmError {
  const e = error as {
    name?: string;
    message?: string;
    httpResponse?: { status?: number };
    cause?: { code?: string };
  };
  const message = redactToken(String(e?.message ?? error), token);
  const status = e?.httpResponse?.status;
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return new LlmError('timeout', `no answer within ${timeoutMs} ms`);
  }
  if (status === 429) return new LlmError('rate-limit', `rate limited (HTTP 429): ${message}`, status);
  if (typeof status === 'number') return new LlmError('http', `HTTP ${status}: ${message}`, status);
  if (e?.name === 'SyntaxError' || e?.name === 'ProviderOutputError') {
    return new LlmError('malformed', `malformed response: ${message}`);
  }
  // Without network Node's fetch throws `TypeError: fetch failed` (cause ECONNREFUSED, ENOTFOUND, …).
  const cause = e?.cause?.code ? ` (${e.cause.code})` : '';
  return new LlmError('network', `${message}${cause}`);
}

/** The model's answer text; throws LlmError. */
export async function requestChatCompletion(
  prompt: ExplanationPrompt,
  options: LlmOptions = {},
): Promise<string> {
  const o = { ...LLM_DEFAULTS, ...options };
  const token = options.token ?? process.env.HF_TOKEN;
  if (!token) throw new LlmError('no-token', 'no Hugging Face token: set HF_TOKEN or pass the token option');
  if (!(o.timeoutMs > 0)) throw new Error(`timeoutMs must be positive, got ${o.timeoutMs}`);
  const endpointUrl = llmEndpoint(options);
  const client = new InferenceClient(token, endpointUrl ? { endpointUrl } : {});
  let output: unknown;
  try {
    output = await client.chatCompletion(
      {
        model: o.model,
        ...(endpointUrl ? {} : { provider: o.provider as never }),
        messages: [
          { role: 'system', content: prompt.system },
          { role: 'user', content: prompt.user },
        ],
        max_tokens: o.maxTokens,
        temperature: 0,
      },
      // retry_on_error: the library retries a 503 immediately and without limit.
      { signal: AbortSignal.timeout(o.timeoutMs), retry_on_error: false },
    );
  } catch (error) {
    throw classify(error, token, o.timeoutMs);
  }
  const content = (output as { choices?: { message?: { content?: unknown } }[] })?.choices?.[0]?.message
    ?.content;
  if (typeof content !== 'string' || content.trim() === '') {
    throw new LlmError(
      'malformed',
      'malformed response: expected choices[0].message.content to be a non-empty string',
    );
  }
  return redactToken(content.trim(), token);
}
