import './ui/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadScreen } from './app/App.tsx';
import { checkSession, SessionProvider } from './app/session.tsx';
import { applyTheme, initialTheme } from './ui/theme.ts';

applyTheme(initialTheme());
// The session check and the current screen's code are fetched side by side, before React's first
// render: a screen can show only once both are in.
const session = checkSession();
session.catch(() => undefined); // SessionProvider handles a failure; until it awaits, none is unhandled
preloadScreen(window.location.pathname);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionProvider first={session}>
      <App />
    </SessionProvider>
  </StrictMode>,
);
