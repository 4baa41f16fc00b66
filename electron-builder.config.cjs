// Packaging: `npm run dist` on a machine with internet (electron-builder downloads Electron and
// its tools). It rebuilds better-sqlite3 for Electron inside the packaged app only, never in this
// project's node_modules, whose Node build the tests and the browser shell use.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'cn.alliance.secretariat',
  productName: '产教联合体秘书处工作台',
  executableName: 'alliance-secretariat',
  copyright: 'Alliance Secretariat developers',
  directories: { output: 'release', buildResources: 'build' },
  // The pdf font packages ship several weights; exports use Regular and Bold of each (8–15 MB each).
  files: [
    'dist/renderer/**',
    'dist-electron/**',
    'db/migrations/**',
    'db/check-worker.cjs',
    'package.json',
    '!**/*.map',
    '!node_modules/@embedpdf/fonts-sc/fonts/NotoSansHans-{Light,DemiLight,Medium}.otf',
    '!node_modules/@expo-google-fonts/noto-serif-sc/{200ExtraLight,300Light,500Medium,600SemiBold,800ExtraBold,900Black}/**',
    '!node_modules/@expo-google-fonts/noto-serif-sc/**/*.png',
  ],
  // The check worker runs on a worker thread, which loads its script from disk, not from the archive,
  // and resolves require('better-sqlite3') from there: beside it in app.asar.unpacked. So the worker,
  // better-sqlite3 and what it loads (bindings, file-uri-to-path) are all unpacked; a test traces the
  // worker's requires and fails if any would stay inside the archive.
  asarUnpack: ['**/*.node', 'db/check-worker.cjs', 'dist-electron/row-worker.js', 'node_modules/@e965/xlsx/**', 'node_modules/better-sqlite3/**', 'node_modules/bindings/**', 'node_modules/file-uri-to-path/**'],
  // Electron fuses (security checklist item 19): the packaged binary cannot be turned into a plain
  // Node, take NODE_OPTIONS or --inspect, or load an app from outside its checked asar.
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },
  npmRebuild: true,
  win: { target: [{ target: 'nsis', arch: ['x64', 'arm64'] }], icon: 'build/icon.png' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true, createDesktopShortcut: true, shortcutName: '产教联合体秘书处工作台' },
  mac: { target: [{ target: 'dmg', arch: ['x64', 'arm64'] }], category: 'public.app-category.productivity', icon: 'build/icon.png' },
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64', 'arm64'] },
      { target: 'deb', arch: ['x64', 'arm64'] },
    ],
    category: 'Office',
    icon: 'build/icon.png',
    maintainer: 'Alliance Secretariat developers',
  },
};
