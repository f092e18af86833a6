import type { RosterSort, RosterStatus } from '../../../../core/api/roster.ts';

/** The roster page's filters as the form holds them: text, empty when unset. */
export interface RosterForm {
  q: string;
  skill: string;
  minLevel: '' | '1' | '2' | '3';
  status: RosterStatus[];
  project: string;
  contractEndBefore: string;
  contractEndAfter: string;
  lastActiveSince: string;
  lastActiveBefore: string;
}

export const EMPTY_FORM: RosterForm = {
  q: '',
  skill: '',
  minLevel: '',
  status: [],
  project: '',
  contractEndBefore: '',
  contractEndAfter: '',
  lastActiveSince: '',
  lastActiveBefore: '',
};

export const STATUS_LABELS: Record<RosterStatus, string> = {
  active: 'Active',
  suspended: 'Suspended',
  offboarded: 'Offboarded',
  contract_not_started: 'Contract not started',
  contract_ended: 'Contract ended',
};

export interface RosterOrder {
  sort: RosterSort;
  order: 'asc' | 'desc';
}

/** The API query of the form and the order (only the filters that are set; dates as UTC days). */
export function rosterQuery(f: RosterForm, o: RosterOrder) {
  const text = (v: string) => v.trim();
  return {
    ...(text(f.q) ? { q: text(f.q) } : {}),
    ...(text(f.skill) ? { skill: text(f.skill) } : {}),
    ...(text(f.skill) && f.minLevel ? { minLevel: Number(f.minLevel) } : {}),
    ...(f.status.length > 0 ? { status: f.status } : {}),
    ...(f.project ? { project: Number(f.project) } : {}),
    ...(f.contractEndBefore ? { contractEndBefore: f.contractEndBefore } : {}),
    ...(f.contractEndAfter ? { contractEndAfter: f.contractEndAfter } : {}),
    ...(f.lastActiveSince ? { lastActiveSince: f.lastActiveSince } : {}),
    ...(f.lastActiveBefore ? { lastActiveBefore: f.lastActiveBefore } : {}),
    sort: o.sort,
    order: o.order,
  };
}
