import { createContext } from 'react';

/**
 * The assignment the annotation view shows, for the live editor to ask the model's replies on
 * (POST /api/assignments/:id/live). Absent (the builder's preview, an item page): no live chat.
 */
export const LiveWorkContext = createContext<{ assignmentId: number } | undefined>(undefined);
