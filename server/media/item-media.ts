import type { z } from 'zod';
import type { ItemMedia } from '../../core/api/media.ts';
import { type InterfaceDefinition, MEDIA_FIELD_TYPES, migrateInterface } from '../../core/interface/index.ts';
import { mediaIdsByField } from '../../core/media/reference.ts';
import type { Db } from '../db/transaction.ts';
import { findProject } from '../projects/projects.repository.ts';
import { findProjectMediaMany } from './media.repository.ts';
import { toItemMedia } from './media-info.ts';

/**
 * An item's media fields as its API answer carries them (`media` of ItemDetail): the URL each is
 * served from and its facts; undefined when the project has no media field.
 */
export async function itemMedia(
  db: Db,
  projectId: number,
  itemId: number,
  data: Record<string, unknown>,
): Promise<Record<string, z.input<typeof ItemMedia>> | undefined> {
  const project = await findProject(db, projectId);
  if (!project) return undefined;
  const iface = migrateInterface(JSON.parse(project.interface)) as InterfaceDefinition;
  const mediaFields = iface.fields.filter((f) => MEDIA_FIELD_TYPES.includes(f.type)).map((f) => f.name);
  const refs = mediaIdsByField(data, mediaFields);
  if (refs.size === 0) return undefined;
  const rows = new Map((await findProjectMediaMany(db, projectId, [...refs.values()])).map((r) => [r.id, r]));
  const out: Record<string, z.input<typeof ItemMedia>> = {};
  for (const [field, id] of refs) {
    const row = rows.get(id);
    if (row) out[field] = toItemMedia(itemId, field, row);
  }
  return out;
}
