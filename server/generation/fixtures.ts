/**
 * The generation tests' project: a conversation as the prompt, a pair of candidates and a
 * pairwise question over them; items imported with the prompt alone await their candidates.
 */
export const generationInterface = {
  fields: [
    { name: 'prompt', type: 'chat' },
    { name: 'pair', type: 'responses' },
  ],
  questions: [{ name: 'better', type: 'pairwise', field: 'pair', required: true }],
};

export const promptLine = (n: number, withField = n % 2 === 0) => ({
  id: `p${n}`,
  data: {
    prompt: [{ role: 'user', content: `Question number ${n}?` }],
    ...(withField ? { pair: [] } : {}),
  },
});

export const fullLine = (n: number) => ({
  id: `f${n}`,
  data: {
    prompt: [{ role: 'user', content: `Answered question ${n}?` }],
    pair: [
      { id: 'a', content: `first ${n}` },
      { id: 'b', content: `second ${n}` },
    ],
  },
});
