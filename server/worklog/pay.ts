import { PayRate as PaySchema } from '../../core/api/worklog.ts';
import type { PayRate } from '../../core/worklog.ts';

/** The pay rate as the projects row holds it (migration 0029): JSON text, or null for none. */
export const payColumn = (pay: PayRate | null | undefined): string | null =>
  pay ? JSON.stringify({ unit: pay.unit, rateCents: pay.rateCents, currency: pay.currency }) : null;

/** A project's pay rate, read from its row. */
export function payOf(p: { pay: string | null }): PayRate | null {
  return p.pay === null ? null : PaySchema.parse(JSON.parse(p.pay));
}
