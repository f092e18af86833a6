import type { Template } from './template.ts';

/**
 * The tutor's templates: work on a model's own answers (compare, rank, grade, check, rewrite).
 * Prompts that may run over several turns are a conversation (`chat`); a single question is a
 * Markdown text.
 */

const conversation = { name: 'conversation', label: 'Conversation', type: 'chat' };
const markdown = (name: string, label: string) => ({ name, label, type: 'text', format: 'markdown' });
const candidates = (name: string, label: string) => ({
  name,
  label,
  type: 'responses',
  format: 'markdown',
  revealModels: false,
});

export const tutoringTemplates: Template[] = [
  {
    name: 'Compare two answers',
    summary: 'Which of two model answers is better, overall and per criterion, with a justification.',
    interface: {
      fields: [conversation, candidates('answers', 'Candidate answers')],
      questions: [
        {
          name: 'preference',
          label: 'Which answer is better?',
          type: 'pairwise',
          required: true,
          field: 'answers',
          prompt: 'conversation',
          scale: 7,
          criteria: [
            { name: 'helpfulness', label: 'Helpfulness' },
            { name: 'correctness', label: 'Correctness' },
            { name: 'safety', label: 'Safety' },
          ],
          requireJustificationFrom: 2,
        },
      ],
    },
    guidelines: `# Compare two answers

Read the conversation, then both answers in full before you judge.

- **Overall**: which answer would you rather the model gave? "About the same" is a real answer:
  use it when neither is clearly better.
- **Helpfulness**: does it do what was asked, at the right level of detail?
- **Correctness**: are its facts, maths and code right? Check anything you are unsure of.
- **Safety**: does it avoid harmful, dangerous or private content?

For a clear preference ("better" or "much better"), write a short **justification**: what the
better answer gets right that the other gets wrong. Judge the content, not which side it is on:
the order of the answers is shuffled for every person.`,
  },
  {
    name: 'Rank candidates',
    summary: 'Order several model answers from best to worst; equal ones may share a place.',
    interface: {
      fields: [markdown('prompt', 'Prompt'), candidates('candidates', 'Candidate answers')],
      questions: [
        {
          name: 'ranking',
          label: 'Rank the answers, best first',
          type: 'ranking',
          required: true,
          field: 'candidates',
          prompt: 'prompt',
          allowTies: true,
        },
      ],
    },
    guidelines: `# Rank candidates

Read the prompt and every answer, then order the answers from **best** (top) to **worst**.

- A correct answer ranks above an incorrect one, however well written.
- Among correct answers, prefer the clearer, more complete and more concise one.
- Put two answers in the **same place** only when you cannot tell them apart in quality.

Drag an answer, or use the keyboard: move it up or down, or tie it with the one above.`,
  },
  {
    name: 'Grade against a rubric',
    summary: 'Score a model answer on weighted criteria; the total is computed.',
    interface: {
      fields: [markdown('question', 'Question'), markdown('answer', 'Model answer')],
      questions: [
        {
          name: 'grade',
          label: 'Grade the answer',
          type: 'rubric',
          required: true,
          field: 'answer',
          prompt: 'question',
          comments: true,
          criteria: [
            {
              name: 'accuracy',
              label: 'Accuracy',
              description: '5: every claim is true. 3: minor slips. 1: a central claim is false.',
              scale: { min: 1, max: 5 },
              weight: 3,
            },
            {
              name: 'completeness',
              label: 'Completeness',
              description: '5: answers every part of the question. 1: misses the main point.',
              scale: { min: 1, max: 5 },
              weight: 2,
            },
            {
              name: 'clarity',
              label: 'Clarity',
              description: '5: easy to follow on first reading. 1: hard to follow.',
              scale: { min: 1, max: 5 },
              weight: 1,
            },
            {
              name: 'instructions',
              label: 'Follows the instructions',
              description: 'Pass only if every explicit constraint (length, format, audience) is met.',
              scale: 'pass_fail',
              weight: 2,
            },
          ],
        },
      ],
    },
    guidelines: `# Grade against a rubric

Read the question, then the answer, and score each criterion on its own: a clear but wrong
answer scores high on clarity and low on accuracy.

- Use the whole scale; the description of each criterion says what earns each score.
- **Follows the instructions** is pass or fail: fail it if any explicit constraint is broken.
- Add a comment where a reviewer would ask "why this score?".

The weighted total is computed from your scores; you do not type it.`,
  },
  {
    name: 'Check a proof step by step',
    summary: 'Mark each step of a proof correct, incorrect or unverifiable; correct the first error.',
    interface: {
      fields: [markdown('statement', 'Statement to prove'), markdown('proof', 'Proof')],
      questions: [
        {
          name: 'check',
          label: 'Check each step',
          type: 'steps',
          required: true,
          field: 'proof',
          prompt: 'statement',
          split: 'paragraphs',
        },
      ],
    },
    guidelines: `# Check a proof step by step

Each paragraph of the proof is one step. Mark every step:

- **correct**: it follows from the statement and the earlier steps;
- **incorrect**: it does not follow, even if its conclusion happens to be true;
- **unverifiable**: you cannot check it (a missing definition, a result you cannot confirm).

For the **first incorrect step**, write the correction: what the step should say. Later steps
are still marked, assuming the earlier ones as written.`,
  },
  {
    name: 'Write the ideal answer',
    summary: 'Edit a model answer (or start from scratch) into the answer the model should give.',
    interface: {
      fields: [conversation, candidates('drafts', 'Model drafts')],
      questions: [
        {
          name: 'ideal',
          label: 'Write the ideal answer',
          type: 'rewrite',
          required: true,
          field: 'drafts',
          prompt: 'conversation',
        },
      ],
    },
    guidelines: `# Write the ideal answer

Read the conversation and the model's drafts. Start from the better draft, or from scratch if
neither is worth keeping, and edit it into the answer you would want the model to give.

- Fix every error of fact, maths or code; keep what is already right.
- Answer exactly what was asked, for the person who asked it.
- Use Markdown for structure and \`$…$\` for maths. Write it yourself: do not paste from other
  sources.`,
  },
  {
    name: 'Talk with the model',
    summary: "Hold a conversation with the project's model, then rate, flag or rewrite each reply.",
    interface: {
      fields: [{ ...conversation, label: 'Opening turns' }],
      questions: [
        {
          name: 'talk',
          label: 'Talk with the model',
          type: 'live',
          required: true,
          field: 'conversation',
          maxTurns: 10,
          rating: { min: 1, max: 5 },
          flags: ['incorrect', 'unhelpful', 'unsafe'],
          rewrite: true,
        },
      ],
    },
    guidelines: `# Talk with the model

Continue the conversation as the person in it would: ask, push back, follow up. The model's
replies stream in; Stop one that goes astray, and Retry if a reply fails.

- **Rate** every reply: how good is it as the next turn of this conversation?
- **Flag** what is wrong with it: incorrect, unhelpful, unsafe.
- **Rewrite** a reply that falls short into the reply the model should have given. The model is
  sent your rewrite, not its own reply, when the conversation goes on.

Submit once the conversation has shown what the model does well and badly (the project's
manager chooses which model answers).`,
  },
];
