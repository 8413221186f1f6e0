// The Electron entry (dist/electron-main.js): runs the main process; a failure it cannot show in a
// window (none should reach here: startAgent's rejection becomes the startup-failure page) is
// printed and ends the app rather than leaving an unhandled rejection.
import { app } from 'electron';
import { runMain } from './main-process.js';

runMain().catch((error: unknown) => {
  console.error('tandem: the desktop app could not start:', error);
  app.exit(1);
});
