import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../work/storage.ts';
import { defaultSettings } from '../settings.ts';
import { fromRaw, toRaw } from './draft.ts';
import { blankInterface, isSnapshot, pristine, sameForm, snapshotOf, withTemplate } from './new-project.ts';
import { savedDraftStore } from './saved-draft.ts';
import { templates } from './templates.ts';

const edited = () =>
  snapshotOf(
    { ...defaultSettings, name: 'Maths pilot', lock: '2.5' },
    fromRaw({
      fields: [{ name: 'text', type: 'text' }],
      questions: [{ name: 'q', type: 'text', multiline: true }],
    }),
  );

describe('the new project kept in the browser', () => {
  it('reads back what was written, for the same user only', () => {
    const storage = memoryStorage();
    const mine = savedDraftStore(storage, 7, 'new-project', isSnapshot);
    expect(mine.write(edited(), 1000)).toBe(true);
    expect(savedDraftStore(storage, 7, 'new-project', isSnapshot).read()).toEqual({
      v: 1,
      value: edited(),
      savedAt: 1000,
    });
    expect(savedDraftStore(storage, 8, 'new-project', isSnapshot).read()).toBeUndefined();
    expect(savedDraftStore(storage, 7, 'interface-3', isSnapshot).read()).toBeUndefined();
  });

  it('is gone once cleared (the project was created, or the draft discarded)', () => {
    const storage = memoryStorage();
    const store = savedDraftStore(storage, 7, 'new-project', isSnapshot);
    store.write(edited(), 1000);
    store.clear();
    expect(store.read()).toBeUndefined();
    expect(storage.map.size).toBe(0);
  });

  it('ignores what is not a draft under its key (another version, broken JSON)', () => {
    const storage = memoryStorage();
    const store = savedDraftStore(storage, 7, 'new-project', isSnapshot);
    storage.setItem('verity.builder.7.new-project', '{not json');
    expect(store.read()).toBeUndefined();
    storage.setItem(
      'verity.builder.7.new-project',
      JSON.stringify({ v: 1, savedAt: 1, value: { settings: {} } }),
    );
    expect(store.read()).toBeUndefined();
  });

  it('says so when the browser refuses to keep it, or has no storage', () => {
    const full = {
      ...memoryStorage(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(savedDraftStore(full, 7, 'new-project', isSnapshot).write(edited(), 1)).toBe(false);
    expect(savedDraftStore(undefined, 7, 'new-project', isSnapshot).write(edited(), 1)).toBe(false);
  });

  it('restores the interface as it was left', () => {
    const storage = memoryStorage();
    const store = savedDraftStore(storage, 7, 'new-project', isSnapshot);
    store.write(edited(), 1);
    const back = store.read()!.value;
    expect(toRaw(fromRaw(back.interface))).toEqual(edited().interface);
  });
});

describe('the state of the new-project form', () => {
  it('is pristine until something changes', () => {
    expect(sameForm(snapshotOf(defaultSettings, blankInterface()), pristine())).toBe(true);
    expect(sameForm(edited(), pristine())).toBe(false);
  });

  it("takes a template's guidelines only over none or another template's", () => {
    const [a, b] = templates;
    const fromA = withTemplate(defaultSettings, a!);
    expect(fromA.settings.guidelines).toBe(a!.guidelines);
    expect(toRaw(fromA.draft)).toEqual(toRaw(fromRaw(a!.interface)));
    expect(withTemplate(fromA.settings, b!).settings.guidelines).toBe(b!.guidelines);
    const own = { ...defaultSettings, guidelines: 'My own words' };
    const kept = withTemplate(own, b!);
    expect(kept.settings.guidelines).toBe('My own words');
    expect(kept.notice).toBe(`Started from the ${b!.name} template.`);
  });
});
