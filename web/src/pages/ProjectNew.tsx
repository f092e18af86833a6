import { type FormEvent, useMemo, useRef, useState } from 'react';
import { parseInterface } from '../../../core/interface/index.ts';
import { call } from '../api/client.ts';
import { navigate, useTitle } from '../app/router.tsx';
import { isManager, useUser } from '../app/session.tsx';
import { fromRaw, type InterfaceDraft, toRaw } from '../console/builder/draft.ts';
import { InterfaceBuilder } from '../console/builder/InterfaceBuilder.tsx';
import { Preview } from '../console/builder/Preview.tsx';
import { TemplatePicker } from '../console/builder/TemplatePicker.tsx';
import { type Template, templates } from '../console/builder/templates.ts';
import { PageHead } from '../console/PageHead.tsx';
import { apiPathErrors, type PathError, stripPath } from '../console/pathErrors.ts';
import { SettingsFields } from '../console/SettingsFields.tsx';
import { checkSettings, defaultSettings } from '../console/settings.ts';
import { ErrorAlert } from '../ui/Alert.tsx';
import '../console/console.css';

const blank = fromRaw({ fields: [{ name: 'text', type: 'text', format: 'plain' }], questions: [] });

/** Create a project: settings, an interface built in a form (or JSON), and a live preview. */
export function ProjectNew() {
  useTitle('New project');
  const user = useUser();
  const [settings, setSettings] = useState(defaultSettings);
  const [draft, setDraft] = useState<InterfaceDraft>(blank);
  const [settingsErrors, setSettingsErrors] = useState<PathError[]>([]);
  const [serverError, setServerError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const raw = useMemo(() => toRaw(draft), [draft]);
  const checked = useMemo(() => parseInterface(raw), [raw]);
  const ifaceErrors = [
    ...(checked.ok
      ? []
      : checked.errors.map((e) => ({ path: e.path, message: stripPath(e.path, e.message) }))),
    ...apiPathErrors(serverError, 'body.interface.'),
  ];
  if (!isManager(user)) return <p role="alert">Only managers and admins create projects.</p>;

  const pick = (t: Template) => {
    setDraft(fromRaw(t.interface));
    const untouched =
      settings.guidelines.trim() === '' || templates.some((x) => x.guidelines === settings.guidelines);
    if (untouched) setSettings({ ...settings, guidelines: t.guidelines });
    setNotice(`Started from the ${t.name} template${untouched ? ', with its guidelines' : ''}.`);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setServerError(null);
    const s = checkSettings(settings);
    setSettingsErrors(s.ok ? [] : s.errors);
    if (!s.ok || !checked.ok) {
      alertRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const project = await call('createProject', { body: { ...s.value, interface: checked.value } });
      if (project) navigate(`/projects/${project.id}/import`);
    } catch (err) {
      setServerError(err);
      setSettingsErrors(apiPathErrors(err, 'body.'));
      alertRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const problems = settingsErrors.length + (checked.ok ? 0 : checked.errors.length);
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <PageHead title="New project" />
      <TemplatePicker onPick={pick} />
      <p role="status" className="muted">
        {notice}
      </p>
      <section className="stack" aria-labelledby="settings-title">
        <h2 id="settings-title">Settings</h2>
        <SettingsFields value={settings} onChange={setSettings} errors={settingsErrors} />
      </section>
      <div className="builder-layout">
        <InterfaceBuilder draft={draft} onChange={setDraft} errors={ifaceErrors} />
        <Preview
          iface={checked.ok ? checked.value : null}
          problems={checked.ok ? 0 : checked.errors.length}
        />
      </div>
      <div ref={alertRef} tabIndex={-1} className="stack-tight">
        {serverError ? (
          <ErrorAlert error={serverError} />
        ) : (
          problems > 0 &&
          busy === false && (
            <p className="muted">
              {problems === 1 ? '1 problem needs' : `${problems} problems need`} fixing before the project can
              be created; each is marked next to its input.
            </p>
          )
        )}
      </div>
      <button type="submit" className="primary self-start" disabled={busy}>
        {busy ? 'Creating…' : 'Create project'}
      </button>
    </form>
  );
}
