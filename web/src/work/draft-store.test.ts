import { describe, expect, it } from 'vitest';
import { chooseAnswers, createDraftStore } from './draft-store.ts';
import { memoryStorage } from './storage.ts';

describe('draft store', () => {
  it('keeps the latest answers per assignment across a reload', () => {
    const storage = memoryStorage();
    createDraftStore(storage, 'u1').write(7, { topic: 'a' }, null, 1000);
    createDraftStore(storage, 'u1').write(7, { topic: 'b' }, null, 2000);
    const again = createDraftStore(storage, 'u1').read(7);
    expect(again).toMatchObject({ answers: { topic: 'b' }, editedAt: 2000, synced: false });
    expect(createDraftStore(storage, 'u2').read(7)).toBeUndefined();
  });

  it('marks answers synced only if they are still the latest', () => {
    const store = createDraftStore(memoryStorage(), 'u1');
    store.write(7, { topic: 'b' }, null, 1);
    store.markSynced(7, { topic: 'a' }, '2026-01-01T00:00:00Z');
    expect(store.read(7)?.synced).toBe(false);
    store.markSynced(7, { topic: 'b' }, '2026-01-01T00:00:00Z');
    expect(store.read(7)).toMatchObject({ synced: true, baseUpdatedAt: '2026-01-01T00:00:00Z' });
  });

  it('ignores a corrupt or foreign record instead of crashing', () => {
    const storage = memoryStorage();
    storage.setItem('verity.draft.u1.7', '{not json');
    storage.setItem('verity.draft.u1.8', JSON.stringify({ v: 99 }));
    const store = createDraftStore(storage, 'u1');
    expect(store.read(7)).toBeUndefined();
    expect(store.read(8)).toBeUndefined();
  });

  it('reports a refused write (quota full)', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(createDraftStore(storage, 'u1').write(1, {}, null, 1)).toBe(false);
  });
});

describe('choosing answers on load', () => {
  const server = { answers: { topic: 'server' }, updatedAt: '2026-01-01T10:00:00.000Z' };
  const local = (over: object) => ({
    v: 1 as const,
    assignmentId: 1,
    answers: { topic: 'local' },
    editedAt: Date.parse('2026-01-01T09:00:00Z'),
    baseUpdatedAt: server.updatedAt,
    synced: false,
    ...over,
  });

  it('restores unsynced local answers edited from the current server state', () => {
    expect(chooseAnswers(local({}), server).source).toBe('local');
  });
  it('restores local answers when the server has none yet', () => {
    expect(chooseAnswers(local({ baseUpdatedAt: null }), { answers: {}, updatedAt: null }).source).toBe(
      'local',
    );
  });
  it('takes the server answers when the local copy was synced', () => {
    expect(chooseAnswers(local({ synced: true }), server).source).toBe('server');
  });
  it('takes the later edit when both changed', () => {
    const moved = { ...server, updatedAt: '2026-01-01T11:00:00.000Z' };
    expect(chooseAnswers(local({}), moved).source).toBe('server');
    expect(chooseAnswers(local({ editedAt: Date.parse('2026-01-01T12:00:00Z') }), moved).source).toBe(
      'local',
    );
  });
});
