/** The question and field types in words, wherever the console lists them. */
export const typeNames: Record<string, string> = {
  choice: 'Single choice',
  multi_choice: 'Multiple choice',
  spans: 'Text spans',
  rating: 'Rating scale',
  number: 'Number',
  text: 'Free text',
  pairwise: 'Compare two answers',
  ranking: 'Rank answers',
  rubric: 'Rubric grades',
  steps: 'Step-by-step check',
  rewrite: 'Ideal answer (rewrite)',
  turns: 'Per turn of a conversation',
  live: 'Conversation with the model (live)',
  segments: 'Time regions (audio, video)',
  frames: 'Video frame labels',
  tracks: 'Object tracks (video)',
};

export const fieldTypeNames: Record<string, string> = {
  text: 'Text',
  chat: 'Conversation (chat)',
  responses: 'Candidate answers (responses)',
  audio: 'Audio',
  video: 'Video',
  image: 'Image',
};
