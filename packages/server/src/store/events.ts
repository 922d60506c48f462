import { randomUUID } from 'node:crypto';
import type { EventType } from '@resale-kit/core';
import type { Tx } from '../db/client.js';
import { events } from '../db/schema.js';

export interface NewEvent {
  opportunityId: string;
  isvId: string;
  type: EventType;
  actorId: string;
  at: Date;
  data?: Record<string, unknown> | null;
}

/** Appends audit events (never updated or deleted). */
export async function appendEvents(tx: Tx, list: readonly NewEvent[]): Promise<void> {
  if (list.length === 0) return;
  await tx
    .insert(events)
    .values(list.map((e) => ({ id: randomUUID(), ...e, data: e.data ?? null })));
}
