import type { Candidate, ChatTurn, InterfaceDefinition } from '../../../../core/interface/index.ts';

/**
 * A made-up item with every declared field, so the preview shows what annotators will see: texts,
 * a short conversation, and candidate answers (two, or four when only rankings ask about them),
 * with given steps when a steps question checks given steps. It passes the item checks of the
 * interface it is made for (sample.test.ts).
 */
export function sampleData(iface: InterfaceDefinition): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const f of iface.fields) {
    if (f.type === 'chat') data[f.name] = sampleConversation;
    else if (f.type === 'responses') data[f.name] = sampleCandidates(iface, f.name);
    else if (f.type === 'audio' || f.type === 'video' || f.type === 'image') data[f.name] = 'media:1';
    else data[f.name] = f.format === 'markdown' ? sampleMarkdown(f.name) : samplePlain(f.name);
  }
  // A steps question over a text field with given steps reads them from the item's data.
  for (const q of iface.questions)
    if (q.type === 'steps' && q.split === 'given' && q.stepsKey !== undefined && !(q.stepsKey in data))
      data[q.stepsKey] = oddSquares;
  return data;
}

const sampleMarkdown = (name: string) =>
  `**Sample ${name}** with *Markdown*, \`code\` and maths: $e^{i\\pi} + 1 = 0$.\n\nAda Lovelace wrote about the Analytical Engine in London in 1843.`;
const samplePlain = (name: string) =>
  `Sample ${name}: Ada Lovelace wrote about the Analytical Engine in London in 1843.`;

const sampleConversation: ChatTurn[] = [
  { role: 'user', content: 'What is the sum of the first $n$ odd numbers?' },
  {
    role: 'assistant',
    content: 'It is $n^2$: for example $1 + 3 + 5 = 9 = 3^2$.',
  },
  { role: 'user', content: 'Can you prove it?' },
  {
    role: 'assistant',
    content:
      'By induction: $\\sum_{k=1}^{n+1} (2k-1) = n^2 + 2n + 1 = (n+1)^2$, and for $n = 1$ the sum is $1 = 1^2$.',
  },
];

const oddSquares = [
  'For $n = 1$ the sum is $1 = 1^2$.',
  'Assume $1 + 3 + \\dots + (2n-1) = n^2$.',
  'Then adding $2n+1$ gives $n^2 + 2n + 1 = (n+1)^2$.',
  'So the sum of the first $n$ odd numbers is $n^2$ for every $n \\ge 1$.',
];

const contents = [
  oddSquares.join('\n\n'),
  'The $k$-th odd number is $2k - 1$.\n\nSo the sum is $2 \\cdot \\frac{n(n+1)}{2} - n = n^2 + n - n$.\n\nHence it equals $n^2$.',
  'Odd numbers grow by 2 each time.\n\nSo the sum is roughly $n \\cdot n$, which is $2n$.\n\nThe answer is $2n$.',
  'Check it in code:\n\n```python\nassert all(sum(range(1, 2*n, 2)) == n*n for n in range(1, 100))\n```\n\nEvery case holds, so the sum is $n^2$.',
];

function sampleCandidates(iface: InterfaceDefinition, field: string): Candidate[] {
  const over = iface.questions.filter((q) => 'field' in q && q.field === field);
  // A pair needs exactly two; with rankings only, four show what a longer list looks like.
  const count = over.some((q) => q.type === 'ranking') && !over.some((q) => q.type === 'pairwise') ? 4 : 2;
  const given = over.some((q) => q.type === 'steps' && q.split === 'given');
  return contents.slice(0, count).map((content, i) => {
    const id = 'abcd'[i]!;
    return {
      id,
      model: `model-${id}`,
      content,
      ...(given ? { steps: content.split('\n\n') } : {}),
    };
  });
}
