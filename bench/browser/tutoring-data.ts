/**
 * The tutor's material for the browser bench, the same every time: long candidate answers with
 * prose, inline and display maths and fenced code, and long conversations.
 */
const WORDS = (
  'consider the integral over the unit interval where the function is continuous and bounded so ' +
  'the estimate follows from the mean value theorem applied twice with the constant chosen below'
).split(' ');

/** About `words` words of Markdown: paragraphs with inline maths, a display formula and code now and then. */
export function longAnswer(words: number, seed: number): string {
  const blocks: string[] = [];
  let written = 0;
  for (let p = 0; written < words; p++) {
    const k = seed * 31 + p;
    if (p % 6 === 5) {
      blocks.push(
        `\`\`\`python\ndef step_${k}(x, n=${k % 9}):\n    total = 0\n    for i in range(n):\n        total += x ** i / (i + 1)\n    return total\n\`\`\``,
      );
      written += 20;
      continue;
    }
    if (p % 6 === 2)
      blocks.push(`$$\n\\int_0^{${k}} x^{${k % 5}}\\,dx = \\frac{${k}^{${(k % 5) + 1}}}{${(k % 5) + 1}}\n$$`);
    const sentence: string[] = [];
    for (let w = 0; w < 100; w++) {
      const word = WORDS[(k * 7 + w * 3) % WORDS.length]!;
      // Mostly formulas of their own (nothing typeset before), and the odd `$x$` that recurs.
      sentence.push(
        w % 25 === 12 ? `$a_{${k}}^2 + \\beta_{${w}} \\leq \\frac{${k}}{${w + 1}}$` : w === 50 ? '$x$' : word,
      );
    }
    blocks.push(`${sentence.join(' ')}.`);
    written += 100;
  }
  return blocks.join('\n\n');
}

/** A conversation of `turns` turns and about `chars` characters, user and assistant taking turns. */
export function longConversation(turns: number, chars: number): { role: string; content: string }[] {
  const per = Math.floor(chars / turns);
  return Array.from({ length: turns }, (_, i) => {
    const head =
      i % 2 === 0
        ? `Question ${i + 1}: why is $x_{${i}}^2 \\geq 0$?`
        : `Because $x_{${i - 1}} \\cdot x_{${i - 1}} \\geq 0$; in code:\n\n\`\`\`python\nassert ${i} ** 2 >= 0\n\`\`\`\n\n`;
    let body = head;
    for (let w = 0; body.length < per; w++) body += ` ${WORDS[(i + w) % WORDS.length]}`;
    return { role: i % 2 === 0 ? 'user' : 'assistant', content: body.slice(0, Math.max(per, head.length)) };
  });
}
