import type { Template } from './template.ts';
import { mediaTemplates } from './templates-media.ts';
import { tutoringTemplates } from './templates-tutoring.ts';

export type { Template } from './template.ts';

const text = (name = 'text', format: 'plain' | 'markdown' = 'plain') => ({ name, type: 'text', format });

export const templates: Template[] = [
  {
    name: 'Text classification',
    summary: 'One category per text.',
    interface: {
      fields: [text()],
      questions: [
        {
          name: 'category',
          label: 'Which category fits the text best?',
          type: 'choice',
          required: true,
          options: ['positive', 'negative', 'neutral'],
        },
      ],
    },
    guidelines: `# Text classification

Read the whole text, then choose the **one** category that fits it best.

- **positive**: the author is pleased, grateful or enthusiastic.
- **negative**: the author is unhappy, angry or disappointed.
- **neutral**: factual, mixed, or no opinion at all.

When two categories seem to fit, choose the one that describes most of the text.
If the text is unreadable or empty, **skip** it and say why.`,
  },
  {
    name: 'Multi-label tagging',
    summary: 'Any number of tags per text.',
    interface: {
      fields: [text()],
      questions: [
        {
          name: 'tags',
          label: 'Which tags apply?',
          type: 'multi_choice',
          options: ['toxic', 'spam', 'off-topic', 'personal data'],
        },
      ],
    },
    guidelines: `# Multi-label tagging

Select **every** tag that applies; leave all unselected when none does.

- **toxic**: insults, threats or harassment.
- **spam**: advertising or repeated content.
- **off-topic**: unrelated to the conversation.
- **personal data**: names with contact details, addresses, ID numbers.`,
  },
  {
    name: 'Named entities',
    summary: 'Mark people, organisations, places and dates in a text.',
    interface: {
      fields: [text()],
      questions: [
        {
          name: 'entities',
          label: 'Mark every named entity',
          type: 'spans',
          field: 'text',
          labels: ['PERSON', 'ORGANIZATION', 'LOCATION', 'DATE'],
          allowOverlap: false,
        },
      ],
    },
    guidelines: `# Named entities

Select each mention of a named entity and give it a label.

- **PERSON**: people, including fictional ones ("Ada Lovelace").
- **ORGANIZATION**: companies, agencies, teams ("Acme Corp").
- **LOCATION**: countries, cities, addresses, landmarks.
- **DATE**: absolute or relative dates ("3 May 2024", "last week").

Mark the shortest complete name: no leading articles, no trailing punctuation.
Entities may not overlap.`,
  },
  {
    name: 'Response quality rating',
    summary: 'Rate a model response to a prompt.',
    interface: {
      fields: [text('prompt', 'markdown'), text('response', 'markdown')],
      questions: [
        {
          name: 'helpfulness',
          label: 'How helpful is the response?',
          type: 'rating',
          min: 1,
          max: 5,
          required: true,
        },
        {
          name: 'correctness',
          label: 'How correct is the response?',
          type: 'rating',
          min: 1,
          max: 5,
          required: true,
        },
        {
          name: 'issues',
          label: 'Which problems does it have?',
          type: 'multi_choice',
          options: ['factual error', 'unsafe', 'off-topic', 'too long', 'formatting'],
        },
        { name: 'comment', label: 'Comment (optional)', type: 'text', multiline: true },
      ],
    },
    guidelines: `# Response quality rating

Read the prompt first, then the response.

**Helpfulness** (1–5): does the response do what the prompt asked? 5 = fully, 1 = not at all.

**Correctness** (1–5): are its facts, code and maths right? Check anything you are unsure of.

Tick every problem that applies, and use the comment for anything a reviewer should know.`,
  },
  {
    name: 'Free-text answer',
    summary: 'Write an answer to a question.',
    interface: {
      fields: [text('question', 'markdown')],
      questions: [{ name: 'answer', label: 'Your answer', type: 'text', multiline: true, required: true }],
    },
    guidelines: `# Free-text answer

Answer the question in your own words, in complete sentences.

- Be accurate and concise; show your working for calculations.
- Do not copy text from other sources.
- If the question cannot be answered, **skip** it and explain why.`,
  },
  ...tutoringTemplates,
  ...mediaTemplates,
];
