/**
 * Runs sandboxed before the page: exposes exactly one function, which forwards an API call to main.
 * No Node, no ipcRenderer and no other Electron object reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNEL } from './securityPolicy.ts';

contextBridge.exposeInMainWorld('rostermeister', {
  call: (method: string, args: unknown[]) => ipcRenderer.invoke(API_CHANNEL, method, args),
});
