/**
 * Task-pane entry. `legacy-browser.js` runs first and sets `PAR_UNSUPPORTED_BROWSER` on
 * webviews that cannot run the pane (IE11/EdgeHTML, old WebKit), where it has already replaced
 * the page with a message; nothing here runs then. `PAR_STARTED` tells it the bundle parsed,
 * so a later error is the pane's to report, not a sign of an old webview. The workbook port is made when an Excel API is there:
 * in Excel, or where a test page installed the recording double as `Excel`.
 */
import './zod-no-eval'; // must stay the first import
import { createRoot } from 'react-dom/client';
import { createOfficePort, excelAvailable } from '../workbook/office/port';
import { App } from './App';
import { stringsFor } from './strings';

declare global {
  interface Window {
    PAR_UNSUPPORTED_BROWSER?: boolean;
    PAR_STARTED?: boolean;
  }
}

interface ReadyInfo {
  host: Office.HostType | null;
  displayLanguage: string | null;
}

function officeReady(): Promise<ReadyInfo> {
  try {
    // office.js missing (e.g. not copied into dist/) or the page opened in a plain browser.
    if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
      return Promise.resolve({ host: null, displayLanguage: null });
    }
    return Office.onReady().then((info) => ({ host: info.host ?? null, displayLanguage: displayLanguage() }));
  } catch {
    return Promise.resolve({ host: null, displayLanguage: null }); // an Office object without onReady
  }
}


function displayLanguage(): string | null {
  try {
    return Office.context?.displayLanguage ?? null;
  } catch {
    return null; // outside Office the context can be half-initialised
  }
}

function start(): void {
  const container = document.getElementById('root');
  if (!container) return;
  officeReady()
    .catch((): ReadyInfo => ({ host: null, displayLanguage: null }))
    .then(({ host, displayLanguage }) => {
      const port = excelAvailable(host) ? createOfficePort() : null;
      createRoot(container).render(<App strings={stringsFor(displayLanguage)} host={host} port={port} />);
    });
}

window.PAR_STARTED = true;
if (!window.PAR_UNSUPPORTED_BROWSER) start();
