/**
 * The security settings of the Electron window and the browser host, kept free of Electron imports so
 * tests can check them directly. main.ts applies exactly these.
 */

/** The renderer runs from this origin inside Electron (a privileged, standard, secure custom scheme). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'rostermeister';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The one IPC channel: the preload forwards `call(method, args)` on it, main answers with an ApiEnvelope. */
export const API_CHANNEL = 'rostermeister:call';

/**
 * Scripts only from our own files (no inline script, no eval); inline styles are needed by MUI's
 * runtime styling. Nothing may frame the app, and forms and <base> are off.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** webPreferences of the one BrowserWindow: the page gets no Node, runs sandboxed and isolated from the preload. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const;
}

export function windowOptions(preloadPath: string, title: string) {
  return {
    title,
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 560,
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  };
}

/** True for a URL of our own bundled renderer, the only thing allowed to call the API or be shown. */
export function isAppUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string') return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/**
 * The IPC sender check: a call is served only when it comes from our window's web contents, from its
 * top frame (no iframe), while that frame shows our app.
 */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined, fromOurWindow: boolean): boolean {
  if (!fromOurWindow || !frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/**
 * The app asks for no permission (camera, notifications, clipboard, ...): requests are refused, and
 * checks (which Chromium makes without a request, e.g. for the Permissions API) answer no as well.
 */
export const refusePermissionRequest = (_contents: unknown, _permission: string, callback: (granted: boolean) => void): void =>
  callback(false);
export const refusePermissionCheck = (): boolean => false;

/** In-page navigation away from the app (a link, a dropped file, a script) is never followed. */
export function allowNavigation(url: string): boolean {
  return isAppUrl(url);
}
