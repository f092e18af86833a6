import { SHORTCUTS } from '../editors/keymap.ts';
import { Dialog } from './Dialog.tsx';

export function ShortcutsDialog(props: { open: boolean; onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" open={props.open} onClose={props.onClose}>
      <table className="shortcuts">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
              <td>{s.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        {/* biome-ignore lint/a11y/noAutofocus: focus the way out of a help dialog */}
        <button type="button" className="primary" onClick={props.onClose} autoFocus>
          Close
        </button>
      </div>
    </Dialog>
  );
}
