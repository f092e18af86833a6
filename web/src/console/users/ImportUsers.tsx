import { useEffect, useMemo, useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '../../../../core/api/client-errors.ts';
import type { ImportUsersResult } from '../../../../core/api/user-import.ts';
import { changeSummary, inviteLinksCsv } from '../../../../core/import-summary.ts';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '../../../../core/users-csv.ts';
import { call } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';

type Result = z.output<typeof ImportUsersResult>;
interface Problem {
  path: string;
  message: string;
}

/** The per-line problems of a refused import (VALIDATION_FAILED's details), or none. */
function problemsOf(err: unknown): Problem[] {
  if (!(err instanceof ApiError) || err.code !== 'VALIDATION_FAILED' || !Array.isArray(err.details))
    return [];
  return err.details.filter(
    (d): d is Problem => typeof d?.path === 'string' && typeof d?.message === 'string',
  );
}

/**
 * Bulk onboarding on the Users page (docs/onboarding.md): choose a CSV file, check it (a dry run:
 * what each line would change, or every problem by line and column), then apply exactly that.
 * The invite links of new accounts are shown once, with a CSV of them to download.
 */
export function ImportUsers({ onApplied }: { onApplied(message: string): void }) {
  const [csv, setCsv] = useState<{ name: string; text: string } | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (dryRun: boolean) => {
    if (!csv) return;
    setError(null);
    setBusy(true);
    try {
      const answer = await call('importUsers', {
        query: { dryRun: dryRun ? 'true' : 'false' },
        body: { csv: csv.text },
      });
      setResult(answer ?? null);
      if (answer && !dryRun)
        onApplied(
          `Imported: ${answer.created} created, ${answer.updated} updated, ${answer.unchanged} unchanged.`,
        );
    } catch (err) {
      setResult(null);
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const problems = problemsOf(error);
  const linksHref = useMemo(
    () =>
      result && !result.dryRun && result.created > 0
        ? URL.createObjectURL(
            new Blob([inviteLinksCsv(result.lines, result.inviteExpiresAt)], { type: 'text/csv' }),
          )
        : null,
    [result],
  );
  useEffect(
    () => () => {
      if (linksHref) URL.revokeObjectURL(linksHref);
    },
    [linksHref],
  );
  return (
    <section className="card stack" aria-labelledby="import-users-title">
      <h2 id="import-users-title">Import users from CSV</h2>
      <p className="muted">
        Columns: email, name, role, skills (<code>math.algebra:2;code.python:1</code>), projects (ids or
        names, <code>;</code>-separated, optionally <code>:role</code>), contract_start, contract_end. At most{' '}
        {MAX_IMPORT_ROWS} rows and {MAX_IMPORT_BYTES / 1024 / 1024} MiB. Every line or none is applied.
      </p>
      <div className="row">
        <label>
          CSV file{' '}
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              const file = e.target.files?.[0];
              setResult(null);
              setError(null);
              if (file) void file.text().then((text) => setCsv({ name: file.name, text }));
              else setCsv(null);
            }}
          />
        </label>
        <button type="button" disabled={!csv || busy} onClick={() => void run(true)}>
          Check (dry run)
        </button>
        <button
          type="button"
          className="primary"
          disabled={!csv || busy || !result?.dryRun}
          onClick={() => void run(false)}
        >
          Apply
        </button>
      </div>
      {problems.length > 0 ? (
        <div role="alert" className="alert alert-error">
          <p>Nothing was imported. Fix these lines and check again:</p>
          <ul>
            {problems.map((p) => (
              <li key={`${p.path}: ${p.message}`}>{`${p.path}: ${p.message}`}</li>
            ))}
          </ul>
        </div>
      ) : (
        <ErrorAlert error={error} />
      )}
      {result && (
        <div className="table-wrap">
          <p role="status">
            {result.dryRun ? 'Dry run, nothing changed: ' : 'Applied: '}
            {result.created} to create, {result.updated} to update, {result.unchanged} unchanged.
          </p>
          <table>
            <caption className="visually-hidden">
              What each line {result.dryRun ? 'would change' : 'changed'}
            </caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Email</th>
                <th scope="col">Action</th>
                <th scope="col">Changes</th>
                {!result.dryRun && <th scope="col">Invite link</th>}
              </tr>
            </thead>
            <tbody>
              {result.lines.map((l) => (
                <tr key={l.line}>
                  <td>{l.line}</td>
                  <td>{l.email}</td>
                  <td>{l.action}</td>
                  <td>{changeSummary(l)}</td>
                  {!result.dryRun && (
                    <td>
                      {l.inviteUrl ? (
                        <input readOnly aria-label={`Invite link for ${l.email}`} value={l.inviteUrl} />
                      ) : (
                        ''
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {linksHref && (
        <p>
          The links are shown only this once.{' '}
          <a href={linksHref} download="invite-links.csv">
            Download the invite links (CSV)
          </a>
        </p>
      )}
    </section>
  );
}
