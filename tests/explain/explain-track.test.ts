import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { explainTrack } from '../../src/explain/explain-track';
import { CACHE_FILE } from '../../src/explain/explanation-cache';
import { OFFLINE_LABEL } from '../../src/explain/offline-explanation';
import { startChatServer, type ChatServer } from './chat-server';
import { EXPLANATION, TOKEN, TRACK } from './fixture';

let server: ChatServer;
let cacheDir: string;
beforeAll(async () => (server = await startChatServer('From the LLM.')));
afterAll(() => server.close());
beforeEach(() => (cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'explain-'))));
afterEach(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

test('an LLM answer is cached by (model, predictor, track, prompt version) and served from disk next time', async () => {
  server.mode = 'ok';
  const options = { endpointUrl: server.url, token: TOKEN, cacheDir, model: 'm1', predictor: 'p1' };
  const first = await explainTrack(TRACK, EXPLANATION, options);
  expect(first).toMatchObject({ text: 'From the LLM.', source: 'llm', model: 'm1' });
  const calls = server.received.length;
  server.mode = 'http500'; // a cache hit must not call the server at all
  const second = await explainTrack(TRACK, EXPLANATION, options);
  expect(second).toMatchObject({ text: 'From the LLM.', source: 'cache' });
  expect(server.received.length).toBe(calls);
  // Another LLM model is another cache entry: here it falls back because the server now fails.
  const other = await explainTrack(TRACK, EXPLANATION, { ...options, model: 'm2' });
  expect(other.source).toBe('offline');
  const onDisk = fs.readFileSync(path.join(cacheDir, CACHE_FILE), 'utf8');
  expect(onDisk).toContain('From the LLM.');
  expect(onDisk).not.toContain(TOKEN);
});

test.each(['http500', 'http429', 'slow', 'malformed'] as const)(
  'server mode %s falls back to the labelled offline text, with a token-free reason, and caches nothing',
  async (mode) => {
    server.mode = mode;
    const result = await explainTrack(TRACK, EXPLANATION, {
      endpointUrl: server.url,
      token: TOKEN,
      cacheDir,
      timeoutMs: 300,
    });
    expect(result.source).toBe('offline');
    expect(result.text.startsWith(OFFLINE_LABEL)).toBe(true);
    expect(result.fallbackReason).toMatch(/^(http|rate-limit|timeout|malformed): /);
    expect(JSON.stringify(result)).not.toContain(TOKEN);
    expect(fs.existsSync(path.join(cacheDir, CACHE_FILE))).toBe(false);
  },
);

test('no token and connection refused fall back too; offline mode never calls out', async () => {
  const closed = await startChatServer();
  await closed.close();
  const refused = await explainTrack(TRACK, EXPLANATION, { endpointUrl: closed.url, token: TOKEN });
  expect(refused.fallbackReason).toMatch(/^network: .*fetch failed/);
  const saved = process.env.HF_TOKEN;
  delete process.env.HF_TOKEN;
  try {
    expect((await explainTrack(TRACK, EXPLANATION, { endpointUrl: server.url })).fallbackReason).toMatch(
      /^no-token/,
    );
  } finally {
    if (saved !== undefined) process.env.HF_TOKEN = saved;
  }
  const calls = server.received.length;
  const offline = await explainTrack(TRACK, EXPLANATION, {
    endpointUrl: server.url,
    token: TOKEN,
    offline: true,
  });
  expect(offline).toMatchObject({ source: 'offline', fallbackReason: 'offline mode' });
  expect(server.received.length).toBe(calls);
});

test('a corrupt cache file is treated as empty', async () => {
  fs.writeFileSync(path.join(cacheDir, CACHE_FILE), '{not json');
  server.mode = 'ok';
  const result = await explainTrack(TRACK, EXPLANATION, { endpointUrl: server.url, token: TOKEN, cacheDir });
  expect(result.source).toBe('llm');
  expect(JSON.parse(fs.readFileSync(path.join(cacheDir, CACHE_FILE), 'utf8')).version).toBe(1);
});
