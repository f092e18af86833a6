import { useEffect } from 'react';
import { useNavigationGuard } from '../../app/router.tsx';

/**
 * Guards a page with unsaved changes (`dirty`): in-app navigation is held until the person
 * answers (`target` is where they were going: show a ConfirmDialog, then `leave()` or `stay()`),
 * and closing or reloading the tab makes the browser ask its own question. The work itself is
 * kept elsewhere (the page's local draft), so the browser's Back loses nothing either.
 */
export function useUnsavedGuard(dirty: boolean) {
  const guard = useNavigationGuard(dirty);
  useEffect(() => {
    if (!dirty) return;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers ask only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);
  return guard;
}
