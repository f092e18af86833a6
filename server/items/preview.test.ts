import { describe, expect, it } from 'vitest';
import { itemPreview } from './preview.ts';

describe('item previews', () => {
  it('shows a conversation by its first user turn, not its system prompt', () => {
    const chat = [
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Prove   that\n$\\sqrt 2$ is irrational.' },
    ];
    expect(itemPreview({ prompt: chat }, 'prompt')).toBe('Prove that $\\sqrt 2$ is irrational.');
  });

  it('falls back to the first string when the first field has no text', () => {
    expect(itemPreview({ reply: [{ id: 'a', content: 'first' }] }, 'reply')).toBe('a');
    expect(itemPreview({ text: 'plain' }, 'text')).toBe('plain');
  });
});
