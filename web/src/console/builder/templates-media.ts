import type { Template } from './template.ts';

/**
 * Templates over recordings and videos (docs/media.md): transcription, speaker turns, sound
 * events, and objects followed through a video.
 */

const recording = { name: 'recording', label: 'Recording', type: 'audio' };
const video = { name: 'video', label: 'Video', type: 'video' };

const keys = `Keys: **space** plays and pauses, the **arrows** seek, **[** and **]** set the selected
region's start and end at the playhead, **digits** pick a label, **Enter** submits.`;

export const mediaTemplates: Template[] = [
  {
    name: 'Transcribe speech',
    summary: 'A timed transcript of a recording, each line with who says it.',
    interface: {
      fields: [recording],
      questions: [
        {
          name: 'transcript',
          label: 'Transcript',
          type: 'segments',
          field: 'recording',
          required: true,
          text: 'required',
          speakers: 'optional',
          mode: 'transcript',
        },
      ],
    },
    guidelines: `# Transcribe speech

Listen to the whole recording once, then transcribe it line by line.

- Make one region per sentence or phrase, from where the speech starts to where it stops.
- Write exactly what is said, including false starts; do not correct grammar.
- Write numbers as they are spoken ("twenty twenty-four", not "2024").
- Mark what you cannot make out as **[inaudible]**; leave silence and music without regions.
- Give the speaker when you can tell speakers apart (A, B, … in order of first speaking).

${keys}`,
  },
  {
    name: 'Speaker turns',
    summary: 'Who speaks when (diarization): one region per turn, each with its speaker.',
    interface: {
      fields: [recording],
      questions: [
        {
          name: 'turns',
          label: 'Speaker turns',
          type: 'segments',
          field: 'recording',
          required: true,
          allowOverlap: true,
          speakers: 'required',
        },
      ],
    },
    guidelines: `# Speaker turns

Mark every stretch of speech and say who is speaking.

- One region per turn: from the first word to the last, without the pauses around it.
- Name speakers **A**, **B**, **C**… in the order they first speak, and keep each name for the
  same voice through the recording.
- When two people speak at once, mark both regions: they may overlap.
- Leave out coughs, laughter and background noise.

${keys}`,
  },
  {
    name: 'Audio events',
    summary: 'Labelled regions of a recording: speech, music, noise, silence.',
    interface: {
      fields: [recording],
      questions: [
        {
          name: 'events',
          label: 'Sound events',
          type: 'segments',
          field: 'recording',
          required: true,
          labels: ['speech', 'music', 'noise', 'silence'],
          minLength: 0.2,
        },
      ],
    },
    guidelines: `# Audio events

Cover the recording with regions, each labelled with what you hear in it.

- **speech**: anyone talking or singing words.
- **music**: instruments or singing without words.
- **noise**: anything else you can hear (traffic, applause, a door).
- **silence**: nothing audible for longer than a second.

Regions do not overlap: where two sounds mix, choose the one in the foreground. Regions are at
least 0.2 s long.

${keys}`,
  },
  {
    name: 'Video tracking',
    summary: 'Follow each object with boxes on keyframes, and label the scene over time.',
    interface: {
      fields: [video],
      questions: [
        {
          name: 'objects',
          label: 'Objects',
          type: 'tracks',
          field: 'video',
          required: true,
          labels: ['person', 'vehicle', 'animal'],
        },
        {
          name: 'scene',
          label: 'Scene',
          type: 'frames',
          field: 'video',
          labels: ['indoor', 'outdoor'],
        },
      ],
    },
    guidelines: `# Video tracking

Give every person, vehicle and animal that appears its own track.

- Draw a tight box around the object where it first appears: that is a keyframe.
- Step through the video and add a keyframe wherever the box drifts from the object; between two
  keyframes the box moves in a straight line.
- When the object leaves the picture or is hidden, mark it **outside**; when it comes back, draw
  a new keyframe on the same track.
- After the last keyframe the box stays where it is until the end of the video, so mark the
  object outside when it leaves.

**Scene**: label the first frame, and again at every cut where the scene changes between indoor
and outdoor. A label holds until the next one.`,
  },
];
