import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { parseInterface } from '../../../core/interface/index.ts';
import { call } from '../api/client.ts';
import { navigate, useTitle } from '../app/router.tsx';
import { isManager, useUser } from '../app/session.tsx';
import { ConfirmDialog } from '../console/builder/ConfirmDialog.tsx';
import { fromRaw, type InterfaceDraft } from '../console/builder/draft.ts';
import { ErrorSummary, focusFirstProblem } from '../console/builder/ErrorSummary.tsx';
import { InterfaceBuilder } from '../console/builder/InterfaceBuilder.tsx';
import {
  blankInterface,
  guidelinesUntouched,
  isSnapshot,
  pristine,
  sameForm,
  snapshotOf,
  withTemplate,
} from '../console/builder/new-project.ts';
import { Preview } from '../console/builder/Preview.tsx';
import { savedDraftStore } from '../console/builder/saved-draft.ts';
import { TemplatePicker } from '../console/builder/TemplatePicker.tsx';
import type { Template } from '../console/builder/templates.ts';
import { visibleErrors } from '../console/builder/touched.ts';
import { useUnsavedGuard } from '../console/builder/useUnsavedGuard.ts';
import { PageHead } from '../console/PageHead.tsx';
import { apiPathErrors, stripPath } from '../console/pathErrors.ts';
import { SettingsFields } from '../console/SettingsFields.tsx';
import { checkSettings, defaultSettings } from '../console/settings.ts';
import { ErrorAlert } from '../ui/Alert.tsx';
import { browserStorage } from '../work/storage.ts';
import '../console/console.css';

/**
 * Create a project: settings, an interface built in a form (or JSON), and a live preview. The
 * form is kept in this browser as it changes (restored after a reload, with a notice), leaving
 * with unsaved changes asks first, and problems show once an input is left or on submit.
 */
export function ProjectNew() {
  useTitle('New project');
  const user = useUser();
  const store = useMemo(
    () => savedDraftStore(browserStorage(), user.id, 'new-project', isSnapshot),
    [user.id],
  );
  const [restored] = useState(() => store.read());
  const [settings, setSettings] = useState(() => restored?.value.settings ?? defaultSettings);
  const [draft, setDraft] = useState<InterfaceDraft>(() =>
    restored ? fromRaw(restored.value.interface) : blankInterface(),
  );
  const [restoredAt, setRestoredAt] = useState(restored?.savedAt ?? null);
  // The form as a template (or the blank page) left it: picking another asks only after edits.
  const [baseline, setBaseline] = useState(pristine);
  const [pendingTemplate, setPendingTemplate] = useState<Template | null>(null);
  const [settingsTouched, setSettingsTouched] = useState<Set<string>>(() => new Set());
  const [ifaceTouched, setIfaceTouched] = useState<Set<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const [serverError, setServerError] = useState<unknown>(null);
  const [unparsed, setUnparsed] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLElement>(null);

  // An input the person leaves (Field's `data-path`) is touched: its problems show from then on.
  useEffect(() => {
    const form = formRef.current;
    const onLeave = (e: FocusEvent) => {
      const el = e.target as HTMLElement;
      const path = el.dataset?.path;
      if (path === undefined) return;
      const set = el.closest('.builder-layout') ? setIfaceTouched : setSettingsTouched;
      set((s) => (s.has(path) ? s : new Set(s).add(path)));
    };
    form?.addEventListener('focusout', onLeave);
    return () => form?.removeEventListener('focusout', onLeave);
  }, []);

  const snapshot = useMemo(() => snapshotOf(settings, draft), [settings, draft]);
  const blank = useMemo(pristine, []);
  const dirty = !sameForm(snapshot, blank);
  const guard = useUnsavedGuard(dirty);
  const [kept, setKept] = useState(true);
  useEffect(() => {
    if (dirty) setKept(store.write(snapshot, Date.now()));
    else store.clear();
  }, [store, snapshot, dirty]);

  const checked = useMemo(() => parseInterface(snapshot.interface), [snapshot]);
  const settingsChecked = checkSettings(settings);
  const ifaceErrors = [
    ...visibleErrors(
      [
        ...(unparsed === null ? [] : [{ path: '', message: unparsed }]),
        ...(checked.ok
          ? []
          : checked.errors.map((e) => ({ path: e.path, message: stripPath(e.path, e.message) }))),
      ],
      ifaceTouched,
      submitted,
    ),
    ...apiPathErrors(serverError, 'body.interface.'),
  ];
  const settingsErrors = [
    ...visibleErrors(settingsChecked.ok ? [] : settingsChecked.errors, settingsTouched, submitted),
    ...apiPathErrors(serverError, 'body.').filter((e) => !e.path.startsWith('interface')),
  ];
  const problems = [...settingsErrors, ...ifaceErrors];

  // After a refused submit, once the problems are on screen: the first one's input gets the focus.
  const problemsRef = useRef(problems);
  problemsRef.current = problems;
  useEffect(() => {
    if (focusRequest === 0) return;
    if (!focusFirstProblem(problemsRef.current)) summaryRef.current?.focus();
  }, [focusRequest]);

  if (!isManager(user)) return <p role="alert">Only managers and admins create projects.</p>;

  const apply = (t: Template) => {
    const next = withTemplate(settings, t);
    setSettings(next.settings);
    setDraft(next.draft);
    setBaseline(snapshotOf(next.settings, next.draft));
    setUnparsed(null); // the JSON view, if open, now shows the template
    setIfaceTouched(new Set());
    setNotice(next.notice);
  };
  const pick = (t: Template) => (sameForm(snapshot, baseline) ? apply(t) : setPendingTemplate(t));

  const discard = () => {
    store.clear();
    setSettings(defaultSettings);
    setDraft(blankInterface());
    setBaseline(blank);
    setSettingsTouched(new Set());
    setIfaceTouched(new Set());
    setSubmitted(false);
    setRestoredAt(null);
    setUnparsed(null);
    setNotice('Draft discarded.');
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setServerError(null);
    setSubmitted(true);
    if (!settingsChecked.ok || !checked.ok || unparsed !== null) {
      setFocusRequest((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const project = await call('createProject', {
        body: { ...settingsChecked.value, interface: checked.value },
      });
      if (project) {
        store.clear();
        navigate(`/projects/${project.id}/import`, { force: true });
      }
    } catch (err) {
      setServerError(err);
      if (apiPathErrors(err, 'body.').length > 0) setFocusRequest((n) => n + 1);
      else alertRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const left = checked.ok ? 0 : checked.errors.length;
  return (
    <>
      <form ref={formRef} className="stack" onSubmit={submit} noValidate>
        <PageHead title="New project" />
        {restoredAt !== null && (
          <div className="restored-draft">
            <p role="status">
              Draft restored: your unsaved new project from{' '}
              {new Date(restoredAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}.
            </p>
            <button type="button" onClick={discard}>
              Discard draft
            </button>
          </div>
        )}
        {dirty && !kept && (
          <p className="muted">
            This browser cannot keep a draft of this page (its storage is off or full): create the project
            before you close it.
          </p>
        )}
        <TemplatePicker onPick={pick} />
        <p role="status" className="muted">
          {notice}
        </p>
        <section className="stack" aria-labelledby="settings-title">
          <h2 id="settings-title">Settings</h2>
          <SettingsFields value={settings} onChange={setSettings} errors={settingsErrors} />
        </section>
        <div className="builder-layout">
          <InterfaceBuilder draft={draft} onChange={setDraft} errors={ifaceErrors} onUnparsed={setUnparsed} />
          <Preview iface={checked.ok ? checked.value : null} problems={left} />
        </div>
        <div ref={alertRef} tabIndex={-1} className="stack-tight">
          <ErrorAlert error={serverError} />
          {submitted && (
            <ErrorSummary
              errors={problems}
              summaryRef={summaryRef}
              title={
                problems.length === 1
                  ? '1 problem to fix before the project can be created'
                  : `${problems.length} problems to fix before the project can be created`
              }
            />
          )}
        </div>
        <button type="submit" className="primary self-start" disabled={busy}>
          {busy ? 'Creating…' : 'Create project'}
        </button>
      </form>
      <ConfirmDialog
        open={guard.target !== null}
        title="Leave this page?"
        confirmLabel="Leave"
        cancelLabel="Stay on this page"
        onConfirm={guard.leave}
        onCancel={guard.stay}
      >
        <p>The project is not created yet. Your draft stays in this browser: New project opens it again.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={pendingTemplate !== null}
        title={`Replace your interface with the ${pendingTemplate?.name ?? ''} template?`}
        confirmLabel="Replace"
        cancelLabel="Keep my work"
        onConfirm={() => {
          if (pendingTemplate) apply(pendingTemplate);
          setPendingTemplate(null);
        }}
        onCancel={() => setPendingTemplate(null)}
      >
        <p>
          The fields and questions you have built are replaced by the template's.{' '}
          {guidelinesUntouched(settings.guidelines)
            ? 'The guidelines are replaced by its guidelines.'
            : 'Your guidelines stay as they are.'}
        </p>
      </ConfirmDialog>
    </>
  );
}
