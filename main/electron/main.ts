/**
 * The Electron shell, kept thin: one secure window showing the bundled renderer from app://, one IPC
 * channel into callApi (any method of the API table, checked there), a native menu. All behaviour lives in plain modules (backend, dispatch,
 * securityPolicy, launch) that tests call directly.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type MenuItemConstructorOptions } from 'electron';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiMethod, RostermeisterApi } from '../api/contract.ts';
import { callApi, type ApiEnvelope } from '../api/dispatch.ts';
import { API } from '../api/methods.ts';
import { isApiMethod } from '../api/validate.ts';
import { createBackend } from '../backend/index.ts';
import { optimizerFaultFromEnv } from '../backend/optimizerFault.ts';
import { logPath, resolveDataDir } from '../dataDir.ts';
import { createLogger, fileSink } from '../log.ts';
import { contentTypeFor, resolveStaticPath } from '../serve/staticFiles.ts';
import { dataDirArg, nativeBindingPath } from './launch.ts';
import {
  allowNavigation,
  API_CHANNEL,
  APP_ENTRY_URL,
  APP_HOST,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  isTrustedSender,
  refusePermissionCheck,
  refusePermissionRequest,
  windowOptions,
} from './securityPolicy.ts';

const MAIN_DIR = dirname(fileURLToPath(import.meta.url));
const DIST_DIR = join(MAIN_DIR, '..');
const RENDERER_DIR = join(DIST_DIR, 'renderer');
const PRELOAD = join(MAIN_DIR, 'preload.cjs');

type Backend = Awaited<ReturnType<typeof createBackend>>;

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;

// Must happen before `ready`: app:// behaves like https (secure, standard origin, fetch allowed).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // Close the database (waiting for a running generation to stop) before the process ends.
  app.on('before-quit', (event) => {
    const closing = backend;
    if (closing === null) return;
    event.preventDefault();
    backend = null;
    void closing.close().finally(() => app.quit());
  });
  hardenAllWebContents();
  app.whenReady().then(start, (error: unknown) => fatal(error));
}

async function start(): Promise<void> {
  try {
    const dataDir = resolveDataDir(dataDirArg(process.argv));
    const errorLog = createLogger([fileSink(logPath(dataDir))]);
    // Test hooks (ROSTERMEISTER_OPTIMIZER_FAULT, ROSTERMEISTER_NATIVE_BINDING) are inert in a packaged app.
    const nativeBinding = nativeBindingPath(DIST_DIR, process.env, undefined, app.isPackaged);
    backend = await createBackend({ dataDir, nativeBinding, fault: optimizerFaultFromEnv(process.env, app.isPackaged) });
    const api = backend;
    const logInternal = (details: Record<string, unknown>) => errorLog.error('internal error', details);

    session.defaultSession.setPermissionRequestHandler(refusePermissionRequest);
    session.defaultSession.setPermissionCheckHandler(refusePermissionCheck);
    protocol.handle(APP_SCHEME, serveRendererFile);

    ipcMain.handle(API_CHANNEL, async (event, method: unknown, args: unknown): Promise<ApiEnvelope> => {
      const fromOurWindow = mainWindow !== null && event.sender === mainWindow.webContents;
      if (!isTrustedSender(event.senderFrame, fromOurWindow)) {
        errorLog.warn('refused an API call from outside the app window', { url: event.senderFrame?.url ?? null });
        return { ok: false, error: { code: 'bad_input', message: 'This call did not come from the Rostermeister window.' } };
      }
      const envelope = await callApi(api, method, args, logInternal);
      if (envelope.ok && isApiMethod(method) && API[method].changesClubName) void refreshTitle(api);
      return envelope;
    });

    mainWindow = new BrowserWindow(windowOptions(PRELOAD, 'Rostermeister'));
    // The page's <title> must not replace the club name.
    mainWindow.on('page-title-updated', (event) => event.preventDefault());
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(api, logInternal)));
    await refreshTitle(api);
    await mainWindow.loadURL(APP_ENTRY_URL);
  } catch (error) {
    fatal(error);
  }
}

async function serveRendererFile(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const file = url.host === APP_HOST ? resolveStaticPath(RENDERER_DIR, url.pathname) : null;
  const bytes = file === null ? null : await readFile(file).catch(() => null);
  if (file === null || bytes === null) return new Response('Not found', { status: 404 });
  return new Response(bytes, {
    headers: {
      'Content-Type': contentTypeFor(file)!,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** Every web contents ever created: no new windows, no navigation away from the app, no <webview>. */
function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!allowNavigation(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!allowNavigation(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

async function refreshTitle(api: RostermeisterApi): Promise<void> {
  const envelope = await callApi(api, 'getClubSettings', []);
  const name = envelope.ok ? (envelope.value as { name: string }).name : null;
  mainWindow?.setTitle(name ? `${name} – Rostermeister` : 'Rostermeister');
}

/** Runs one API call for a menu item and shows a failure as a message box. */
async function menuCall(api: RostermeisterApi, logInternal: (d: Record<string, unknown>) => void, method: ApiMethod, args: unknown[]) {
  const envelope = await callApi(api, method, args, logInternal);
  if (!envelope.ok) {
    await showMessage('error', 'That did not work', envelope.error.message);
    return null;
  }
  return envelope.value;
}

async function showMessage(type: 'info' | 'error' | 'question', message: string, detail: string, buttons?: string[]) {
  const options = { type, message, detail, buttons: buttons ?? ['OK'], defaultId: 0, cancelId: buttons ? buttons.length - 1 : 0 };
  return mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options);
}

function menuTemplate(api: RostermeisterApi, logInternal: (d: Record<string, unknown>) => void): MenuItemConstructorOptions[] {
  const exportClub = async () => {
    if (!mainWindow) return;
    const settings = (await menuCall(api, logInternal, 'getClubSettings', [])) as { name: string } | null;
    const fileName = `${(settings?.name ?? 'club').replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'club'}.json`;
    const choice = await dialog.showSaveDialog(mainWindow, {
      title: 'Export club',
      defaultPath: join(app.getPath('documents'), fileName),
      filters: [{ name: 'Rostermeister club file', extensions: ['json'] }],
    });
    if (choice.canceled || !choice.filePath) return;
    const text = await menuCall(api, logInternal, 'exportClub', []);
    if (typeof text !== 'string') return;
    await writeFile(choice.filePath, text, 'utf8');
    await showMessage('info', 'Club exported', `Saved to ${choice.filePath}`);
  };

  const importClub = async () => {
    if (!mainWindow) return;
    const choice = await dialog.showOpenDialog(mainWindow, {
      title: 'Import club',
      properties: ['openFile'],
      filters: [{ name: 'Rostermeister club file', extensions: ['json'] }],
    });
    if (choice.canceled || choice.filePaths.length === 0) return;
    const fileName = basename(choice.filePaths[0]);
    const confirm = await showMessage(
      'question',
      `Import ${fileName}?`,
      'The club settings, roles and members are replaced by the file’s. Drafts are kept (slots of members the file does not have become empty); ' +
        `published months the file repeats unchanged keep their publish time. A backup named “before import of ${fileName}” is made first. ` +
        'The Members page shows the details before importing.',
      ['Import', 'Cancel'],
    );
    if (confirm.response !== 0) return;
    const text = await readFile(choice.filePaths[0], 'utf8');
    const result = (await menuCall(api, logInternal, 'importClubFile', [text, fileName])) as {
      members: number;
      roles: number;
      backup: string;
    } | null;
    if (result === null) return;
    await refreshTitle(api);
    mainWindow.webContents.reload();
    await showMessage('info', 'Club imported', `${result.members} members and ${result.roles} roles. Backup: ${result.backup}.`);
  };

  const backupNow = async () => {
    const backup = (await menuCall(api, logInternal, 'createBackup', [])) as { name: string } | null;
    if (backup) await showMessage('info', 'Backup saved', backup.name);
  };

  const isMac = process.platform === 'darwin';
  return [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Export club…', accelerator: 'CmdOrCtrl+E', click: () => void exportClub() },
        { label: 'Import club…', click: () => void importClub() },
        { type: 'separator' },
        { label: 'Backup now', accelerator: 'CmdOrCtrl+B', click: () => void backupNow() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { role: 'reload' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' } as MenuItemConstructorOptions]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
}

function fatal(error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox('Rostermeister could not start', detail);
  app.exit(1);
}
