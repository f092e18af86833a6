import { describe, expect, it } from 'vitest';
import { validateItemData } from './item-data.ts';
import { migrateInterface } from './migrate.ts';
import { exampleInterface } from './testing.ts';

const iface = migrateInterface(exampleInterface);

describe('validateItemData', () => {
  it('accepts data with every field as a string, keeping extra keys', () => {
    expect(validateItemData(iface, { text: 'x', source: '', id: 7 })).toEqual([]);
  });

  it('names each missing or mistyped field', () => {
    expect(validateItemData(iface, { source: 3 })).toEqual([
      { path: 'data.text', message: 'data.text: missing' },
      { path: 'data.source', message: 'data.source: must be a string, got 3' },
    ]);
  });

  it('does not take a field from the object prototype', () => {
    const withCtor = migrateInterface({
      fields: [{ name: 'constructor', type: 'text' }],
      questions: [exampleInterface.questions[5]],
    });
    expect(validateItemData(withCtor, {})).toEqual([
      { path: 'data.constructor', message: 'data.constructor: missing' },
    ]);
  });

  it('refuses data that is not an object', () => {
    expect(validateItemData(iface, ['x'])).toEqual([
      { path: 'data', message: 'data: must be an object, got an array' },
    ]);
  });
});
