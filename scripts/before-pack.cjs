// electron-builder beforePack hook: puts better-sqlite3 built for the target's Electron ABI, platform
// and architecture into dist/native before the app files are copied (node_modules keeps its Node build).
const { Arch } = require('electron-builder');

exports.default = async function beforePack(context) {
  const { buildNativeForElectron } = await import('./electronNative.mjs');
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  const arch = Arch[context.arch];
  const electronVersion = context.packager.config.electronVersion || context.packager.info.framework.version;
  await buildNativeForElectron({ electronVersion, platform, arch }, (line) => console.log(`  • ${line}`));
};
