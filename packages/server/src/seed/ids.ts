import { createHash } from 'node:crypto';

/**
 * Deterministic UUIDs for demo data: a name-based (version 5) UUID, so the same label always
 * gives the same valid RFC 9562 id.
 */
const NAMESPACE = Buffer.from('6f1c2b1a9d3e4b5c8a7f0e1d2c3b4a59', 'hex');

export function demoId(label: string): string {
  const bytes = createHash('sha1').update(NAMESPACE).update(label, 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50; // version 5
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
