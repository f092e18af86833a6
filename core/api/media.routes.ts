import { ProjectParams } from './common.ts';
import {
  ImportMediaUrlBody,
  ItemMediaParams,
  ListMediaQuery,
  MediaInfo,
  MediaListAnswer,
  MediaPeaksQuery,
  ReprobeMediaAnswer,
  ReprobeMediaBody,
  UploadMediaQuery,
} from './media.ts';
import { route } from './route.ts';

/** A project's media files (docs/media.md): uploads, imports by URL, and serving an item's media. */
export const mediaRoutes = {
  uploadMedia: route({
    operationId: 'uploadMedia',
    method: 'POST',
    path: '/api/projects/{projectId}/media',
    summary:
      'Upload one media file as the raw body (streamed; at most VERITY_MEDIA_MAX_BYTES); project managers only',
    tag: 'media',
    auth: 'user',
    params: ProjectParams,
    query: UploadMediaQuery,
    bodyKind: 'stream',
    response: MediaInfo,
    status: 201,
  }),
  importMediaUrl: route({
    operationId: 'importMediaUrl',
    method: 'POST',
    path: '/api/projects/{projectId}/media/url',
    summary: 'Fetch one media file from an http(s) URL on the server, guarded; project managers only',
    tag: 'media',
    auth: 'user',
    params: ProjectParams,
    body: ImportMediaUrlBody,
    response: MediaInfo,
    status: 201,
  }),
  listMedia: route({
    operationId: 'listMedia',
    method: 'GET',
    path: '/api/projects/{projectId}/media',
    summary:
      "The project's media files, newest first, with their probed facts and state (failed, pending, ready); project managers only",
    tag: 'media',
    auth: 'user',
    params: ProjectParams,
    query: ListMediaQuery,
    response: MediaListAnswer,
  }),
  reprobeMedia: route({
    operationId: 'reprobeMedia',
    method: 'POST',
    path: '/api/projects/{projectId}/media/reprobe',
    summary:
      "Probe again (and then compute waveforms for) the project's media whose probe failed or never ran; project managers only",
    tag: 'media',
    auth: 'user',
    params: ProjectParams,
    body: ReprobeMediaBody,
    response: ReprobeMediaAnswer,
  }),
  getItemMedia: route({
    operationId: 'getItemMedia',
    method: 'GET',
    path: '/api/items/{itemId}/media/{field}',
    summary:
      "An item's media field's bytes, with Range requests, to those who may see the item (a 206 for one range)",
    tag: 'media',
    auth: 'user',
    params: ItemMediaParams,
    response: null,
    responseKind: 'media',
  }),
  getItemMediaPeaks: route({
    operationId: 'getItemMediaPeaks',
    method: 'GET',
    path: '/api/items/{itemId}/media/{field}/peaks',
    summary:
      "One tile of an item's waveform peaks (application/octet-stream: up to 1024 pairs of int16 LE min, max per pixel), to those who may see the item; ETag, private caching",
    tag: 'media',
    auth: 'user',
    params: ItemMediaParams,
    query: MediaPeaksQuery,
    response: null,
    responseKind: 'media',
  }),
} as const;
