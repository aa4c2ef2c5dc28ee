// A real browser: launching Chromium and a full pane flow take seconds, more on a busy CI machine.
jest.setTimeout(120_000);
