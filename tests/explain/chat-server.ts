/** A local chat-completions server on 127.0.0.1 (ephemeral port) whose behaviour each test chooses. */
import * as http from 'http';
import type { AddressInfo } from 'net';

export type ServerMode = 'ok' | 'http500' | 'http429' | 'slow' | 'malformed' | 'no-choices' | 'echo-token';

export interface ReceivedRequest {
  url: string;
  authorization?: string;
  body: { model?: string; messages?: { role: string; content: string }[] };
}

export interface ChatServer {
  url: string;
  mode: ServerMode;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

export async function startChatServer(answer = 'The model likes its energy.'): Promise<ChatServer> {
  const state: ChatServer = { url: '', mode: 'ok', received: [], close: async () => undefined };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      state.received.push({
        url: req.url ?? '',
        authorization: req.headers.authorization,
        body: JSON.parse(raw),
      });
      const json = (status: number, body: string): void => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(body);
      };
      if (req.method !== 'POST' || !req.url?.endsWith('/v1/chat/completions'))
        return json(404, '{"error":"not found"}');
      switch (state.mode) {
        case 'ok':
          return json(
            200,
            JSON.stringify({ choices: [{ message: { role: 'assistant', content: answer } }] }),
          );
        case 'http500':
          return json(500, '{"error":"internal failure"}');
        case 'http429':
          return json(429, '{"error":"rate limit reached"}');
        case 'slow':
          return; // never answers
        case 'malformed':
          return json(200, '{"choices": [ {"message": ');
        case 'no-choices':
          return json(200, '{"id":"x"}');
        case 'echo-token':
          return json(401, JSON.stringify({ error: `bad token ${req.headers.authorization}` }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
