/**
 * What a kernel sends to be drawn and what comes back (figure-image.ts ↔ its worker ↔ the shared renderer).
 * Types only, in a file of their own so the kernel side does not import the Chromium side's types.
 */
export interface ImageRequest {
  id: number;
  figure: { data: unknown[]; layout: Record<string, unknown>; config?: Record<string, unknown> };
  width: number;
  height: number;
  scale: number;
}

export type ImageReply = { id: number; png: string } | { id: number; error: string };
