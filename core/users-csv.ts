import { Email, Role } from './api/users.ts';
import { CodecError } from './codecs/codec-error.ts';
import { csvBatches } from './codecs/csv.ts';
import { DisplayName } from './names.ts';
import { skillNameProblem } from './skills.ts';

/**
 * The CSV of bulk onboarding (docs/onboarding.md, "CSV format"), read and checked line by line
 * without the store: columns, emails, names, roles, skills and their levels, project references,
 * contract dates, a repeated email. What needs the store (unknown skills and projects, whether an
 * account exists) is the server's part.
 */

/** The limits of one import: data rows and bytes of CSV text. */
export const MAX_IMPORT_ROWS = 2000;
export const MAX_IMPORT_BYTES = 1024 * 1024;

export const importColumns = [
  'email',
  'name',
  'role',
  'skills',
  'projects',
  'contract_start',
  'contract_end',
] as const;
export type ImportColumn = (typeof importColumns)[number];

/** A problem on one line of the file (1-based, the header is line 1), in one column when it is one. */
export interface LineError {
  line: number;
  column: ImportColumn | null;
  message: string;
}

/** A project named by a line: by id (digits) or by name, with the membership's role. */
export interface ProjectRef {
  ref: string;
  role: Role;
}

/**
 * One line as read. For name, role and the contract dates, `undefined` is an empty cell: left as
 * it is for an account that exists (docs/onboarding.md, "What a line changes"). A contract date
 * of `null` (the cell says `none`) clears that side of the window.
 */
export interface ImportLine {
  line: number;
  email: string;
  name: string | undefined;
  role: Role | undefined;
  skills: { skill: string; level: number }[];
  projects: ProjectRef[];
  contractStart: number | null | undefined;
  contractEnd: number | null | undefined;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * A contract cell as an instant (epoch ms): a date-time with its offset as written; a bare date
 * is a whole UTC day, so a start date opens at 00:00 UTC of that day and an end date closes at the
 * end of that day (the next day's 00:00 UTC, the window's end being exclusive). `none` clears.
 */
export function contractInstant(text: string, side: 'start' | 'end'): number | null | string {
  if (text.toLowerCase() === 'none') return null;
  const day = DATE_ONLY.exec(text);
  if (day) {
    const ms = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
    if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text)
      return `"${text}" is not a calendar date`;
    return side === 'start' ? ms : ms + DAY_MS;
  }
  if (DATE_TIME_WITH_OFFSET.test(text)) {
    const ms = Date.parse(text);
    if (!Number.isNaN(ms)) return ms;
  }
  return `"${text.slice(0, 40)}" must be a date (2027-01-31, a whole UTC day), a date-time with its offset (2027-01-31T09:00:00+01:00), or none`;
}

function parseSkills(cell: string, fail: (message: string) => void): ImportLine['skills'] {
  const out: ImportLine['skills'] = [];
  for (const part of cell.split(';').map((p) => p.trim())) {
    if (part === '') continue;
    const colon = part.lastIndexOf(':');
    const skill = colon < 0 ? part : part.slice(0, colon).trim();
    const levelText = colon < 0 ? '' : part.slice(colon + 1).trim();
    const problem = skillNameProblem(skill);
    if (problem) fail(`skill "${skill.slice(0, 64)}" ${problem}`);
    else if (!/^[123]$/.test(levelText))
      fail(`"${part.slice(0, 80)}": give each skill a level of 1, 2 or 3, as name:level (math.algebra:2)`);
    else if (out.some((s) => s.skill === skill)) fail(`skill "${skill}" is named twice`);
    else out.push({ skill, level: Number(levelText) });
  }
  return out;
}

function parseProjects(cell: string, fail: (message: string) => void): ProjectRef[] {
  const out: ProjectRef[] = [];
  for (const part of cell.split(';').map((p) => p.trim())) {
    if (part === '') continue;
    const colon = part.lastIndexOf(':');
    const roleText = colon < 0 ? '' : part.slice(colon + 1).trim();
    const role = colon < 0 ? 'annotator' : Role.safeParse(roleText).data;
    const ref = colon < 0 ? part : part.slice(0, colon).trim();
    if (role === undefined)
      fail(`"${part.slice(0, 80)}": the role after ":" must be one of ${Role.options.join(', ')}`);
    else if (ref === '') fail(`"${part.slice(0, 80)}": name a project (its id or name) before ":"`);
    else if (out.some((p) => p.ref === ref)) fail(`project "${ref.slice(0, 80)}" is named twice`);
    else out.push({ ref, role });
  }
  return out;
}

/** Checks the header: the known columns, each once, `email` among them; the columns by position. */
function readHeader(values: string[], errors: LineError[]): (ImportColumn | null)[] | null {
  const columns: (ImportColumn | null)[] = [];
  for (const raw of values) {
    const name = raw.trim().toLowerCase();
    const known = (importColumns as readonly string[]).includes(name) ? (name as ImportColumn) : null;
    if (!known)
      errors.push({
        line: 1,
        column: null,
        message: `unknown column "${raw.slice(0, 40)}"; the columns are ${importColumns.join(', ')}`,
      });
    else if (columns.includes(known)) errors.push({ line: 1, column: known, message: 'column named twice' });
    columns.push(known);
  }
  if (!columns.includes('email'))
    errors.push({ line: 1, column: 'email', message: 'the header must have an email column' });
  return errors.length > 0 ? null : columns;
}

function readLine(
  line: number,
  columns: (ImportColumn | null)[],
  values: string[],
  errors: LineError[],
): ImportLine | null {
  const before = errors.length;
  if (values.length !== columns.length) {
    errors.push({
      line,
      column: null,
      message: `has ${values.length} fields; the header has ${columns.length}`,
    });
    return null;
  }
  const cell = (c: ImportColumn) => {
    const i = columns.indexOf(c);
    return i < 0 ? '' : values[i]!.trim();
  };
  const fail = (column: ImportColumn) => (message: string) => errors.push({ line, column, message });
  const email = Email.safeParse(cell('email'));
  if (!email.success)
    fail('email')(
      cell('email') === '' ? 'is empty' : `"${cell('email').slice(0, 80)}" is not an email address`,
    );
  let name: string | undefined;
  if (cell('name') !== '') {
    const parsed = DisplayName.safeParse(cell('name'));
    if (parsed.success) name = parsed.data;
    else fail('name')(parsed.error.issues[0]!.message);
  }
  let role: Role | undefined;
  if (cell('role') !== '') {
    role = Role.safeParse(cell('role').toLowerCase()).data;
    if (!role)
      fail('role')(`"${cell('role').slice(0, 40)}" is not a role; use one of ${Role.options.join(', ')}`);
  }
  const skills = parseSkills(cell('skills'), fail('skills'));
  const projects = parseProjects(cell('projects'), fail('projects'));
  const dates = { contractStart: undefined, contractEnd: undefined } as Pick<
    ImportLine,
    'contractStart' | 'contractEnd'
  >;
  for (const [column, key, side] of [
    ['contract_start', 'contractStart', 'start'],
    ['contract_end', 'contractEnd', 'end'],
  ] as const) {
    if (cell(column) === '') continue;
    const at = contractInstant(cell(column), side);
    if (typeof at === 'string') fail(column)(at);
    else dates[key] = at;
  }
  const { contractStart: start, contractEnd: end } = dates;
  if (typeof start === 'number' && typeof end === 'number' && end <= start)
    fail('contract_end')('must be later than contract_start');
  if (errors.length > before || !email.success) return null;
  return { line, email: email.data, name, role, skills, projects, ...dates };
}

/**
 * Reads the whole file: every line's problems (all of them, not the first only), and the lines
 * that have none, so the store's checks can report theirs in the same answer. A repeated email is
 * an error on its later line, naming the first.
 */
export async function readUsersCsv(text: string): Promise<{ lines: ImportLine[]; errors: LineError[] }> {
  const errors: LineError[] = [];
  const lines: ImportLine[] = [];
  let columns: (ImportColumn | null)[] | null | undefined;
  const seen = new Map<string, number>();
  let rows = 0;
  const source = (async function* () {
    yield text.replace(/^\uFEFF/, '');
  })();
  for await (const batch of csvBatches(source)) {
    for (const record of batch) {
      if (record instanceof CodecError) {
        errors.push({ line: record.line, column: null, message: record.message.replace(/^line \d+: /, '') });
        continue;
      }
      if (columns === undefined) {
        columns = readHeader(record.values, errors);
        continue;
      }
      if (columns === null) break;
      rows += 1;
      if (rows > MAX_IMPORT_ROWS) {
        errors.push({
          line: record.line,
          column: null,
          message: `the file has more than ${MAX_IMPORT_ROWS} rows; split it`,
        });
        return { lines: [], errors };
      }
      const read = readLine(record.line, columns, record.values, errors);
      if (!read) continue;
      const first = seen.get(read.email);
      if (first !== undefined)
        errors.push({
          line: read.line,
          column: 'email',
          message: `${read.email} is on line ${first} already`,
        });
      else {
        seen.set(read.email, read.line);
        lines.push(read);
      }
    }
  }
  if (columns === undefined)
    errors.push({ line: 1, column: null, message: 'the file is empty: give a header line' });
  else if (columns !== null && rows === 0 && errors.length === 0)
    errors.push({ line: 2, column: null, message: 'the file has a header but no rows' });
  return { lines, errors };
}

/** `line 3, column skills: …`: how a problem reads in messages and the API's details. */
export const lineErrorPath = (e: Pick<LineError, 'line' | 'column'>): string =>
  e.column ? `line ${e.line}, column ${e.column}` : `line ${e.line}`;
