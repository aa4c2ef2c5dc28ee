/**
 * Builds the task pane into dist/:
 *
 *   dist/taskpane.html, taskpane[.hash].js   React 18 + Fluent UI v9 pane (src/taskpane), ES2020 syntax
 *   dist/legacy-browser.js                    ES5 guard for webviews that cannot run the bundle (copied verbatim)
 *   dist/commands.html, commands.js           the manifest's (empty) FunctionFile
 *   dist/help.html                            Vietnamese sideloading guide (manifest SupportUrl)
 *   dist/assets/icon-*.png, dist/manifest.xml
 *   dist/office-js/                           intranet build only: office.js + Excel host files + vi-vn/en-us strings
 *
 * Two builds:
 *  - default (`webpack --mode production`, npm run build): office.js from Microsoft's CDN, the
 *    only way Microsoft supports it in production (the CDN carries the fixes for new Office
 *    builds). The Content-Security-Policy allows scripts from exactly that origin besides ours.
 *  - intranet (`webpack --mode production --env intranet`, npm run build:intranet): the npm copy
 *    of office.js self-hosted in dist/office-js/, no external origin at all, for networks
 *    without internet.
 *
 * `webpack serve --mode development` (or `npm start`) for https://localhost:3000. Set
 * PAR_ADDIN_ORIGIN=https://server.intranet to write a dist/manifest.xml that points at an
 * intranet server instead of https://localhost:3000.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const PORT = 3000;
const DEV_ORIGIN = `https://localhost:${PORT}`;
const DIST = path.resolve(__dirname, 'dist');
const OFFICE_JS_DIST = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
const CERT_DIR = path.join(os.homedir(), '.office-addin-dev-certs');
/** Microsoft's production URL of office.js (API version 1, kept current by Microsoft). */
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Where the intranet build puts its copy, relative to taskpane.html. */
const OFFICE_JS_LOCAL = 'office-js/office.js';

/**
 * Content-Security-Policy of the pane (meta tag in taskpane.html and header of the dev server).
 * - Everything from our own origin ('self'): the bundle, icons, XHR/WebSocket (the dev server's
 *   live reload) and, in the intranet build, office.js with the host/locale files it loads next
 *   to itself.
 * - Default build: scripts also from the Office CDN's origin, where office.js loads its
 *   host/locale files from — that one origin, for scripts only.
 * - No 'unsafe-eval': office.js and the Excel host files do not eval (their only
 *   `new Function("return this")` is an unreached fallback), the production bundle does not,
 *   the development build uses devtool 'source-map' instead of eval, and zod runs jitless.
 * - No 'unsafe-inline' for scripts: legacy-browser.js is an external file.
 * - style-src 'unsafe-inline': Fluent UI v9 (Griffel) creates <style> elements at run time and
 *   cannot be given a nonce from a static page. Without it the pane renders unstyled.
 * - object-src/base-uri/form-action: nothing of the kind is used, so forbid it.
 */
function csp({ intranet }) {
  return [
    "default-src 'self'",
    ...(intranet ? [] : [`script-src 'self' ${new URL(OFFICE_JS_CDN).origin}`]),
    "style-src 'self' 'unsafe-inline'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** office-addin-dev-certs' files, read directly (its getHttpsServerOptions() fails without a CA install). */
function readDevCerts() {
  const file = (name) => path.join(CERT_DIR, name);
  if (!['ca.crt', 'localhost.crt', 'localhost.key'].every((name) => fs.existsSync(file(name)))) return null;
  return { ca: fs.readFileSync(file('ca.crt')), cert: fs.readFileSync(file('localhost.crt')), key: fs.readFileSync(file('localhost.key')) };
}

/** Copied as-is: `minimized: true` keeps Terser off office.js and our ES5 files. */
const verbatim = { minimized: true };

/**
 * The intranet build's office.js. It is a loader: it fetches the host file
 * (excel-win32-16.01.js, excel-mac-16.00.js, excel-web-16.00.js, …, or o15apptofilemappingtable.js
 * on Office 2013) and <locale>/office_strings.js from its own folder. Telemetry scripts are left
 * out on purpose: office.js disables telemetry when they are missing.
 */
const selfHostedOfficeJs = [
  {
    context: OFFICE_JS_DIST,
    from: '{office.js,o15apptofilemappingtable.js,excel*.js}',
    to: 'office-js/[name][ext]',
    globOptions: { ignore: ['**/*.debug.js'] },
    info: verbatim,
  },
  {
    context: OFFICE_JS_DIST,
    from: '{vi-vn,en-us}/office_strings.js',
    to: 'office-js/[path][name][ext]',
    info: verbatim,
  },
];

/**
 * Dependencies ship as their authors wrote them, some in syntax newer than the webviews Office
 * uses for ExcelApi 1.8 accept (older Safari/WKWebView on Mac and iPad rejects class `static {}`
 * blocks, `??=`…, and with them the whole bundle). TypeScript lowers their JavaScript to ES2020,
 * as it does our own code; test/build.test.ts runs es-check es2020 over dist/.
 */
const dependencySyntax = {
  test: /\.[cm]?js$/,
  include: /node_modules/,
  use: {
    loader: 'ts-loader',
    options: {
      transpileOnly: true,
      instance: 'dependencies',
      configFile: path.resolve(__dirname, 'tsconfig.json'),
      compilerOptions: { noEmit: false, allowJs: true, sourceMap: false, target: 'ES2020', module: 'ESNext' },
    },
  },
};

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const intranet = Boolean(env.intranet);
  const CSP = csp({ intranet });
  const origin = (process.env.PAR_ADDIN_ORIGIN || DEV_ORIGIN).replace(/\/+$/, '');
  const certs = readDevCerts();

  return {
    mode: dev ? 'development' : 'production',
    context: __dirname,
    target: ['web', 'es2020'],
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: {
      path: DIST,
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      publicPath: '',
      clean: true,
    },
    // No eval-based source maps (the CSP forbids eval); none at all in production.
    devtool: dev ? 'source-map' : false,
    resolve: { extensions: ['.tsx', '.ts', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              compilerOptions: { noEmit: false, sourceMap: dev },
            },
          },
        },
        dependencySyntax,
      ],
    },
    // Warn if the pane's own bundle grows past 1 MiB; the vendored office-js files are not ours to shrink.
    performance: {
      hints: dev ? false : 'warning',
      maxEntrypointSize: 1024 * 1024,
      maxAssetSize: 1024 * 1024,
      assetFilter: (name) => name.endsWith('.js') && !name.startsWith('office-js/'),
    },
    plugins: [
      new HtmlWebpackPlugin({
        template: './src/taskpane/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        inject: 'head',
        scriptLoading: 'defer',
        csp: CSP,
        officeJs: intranet ? OFFICE_JS_LOCAL : OFFICE_JS_CDN,
      }),
      // The manifest's FunctionFile: office.js and commands.js, no bundle.
      new HtmlWebpackPlugin({
        template: './src/taskpane/commands.html',
        filename: 'commands.html',
        chunks: [],
        inject: false,
        minify: false,
        csp: CSP,
        officeJs: intranet ? OFFICE_JS_LOCAL : OFFICE_JS_CDN,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]', info: verbatim },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            info: verbatim,
            transform: (content) => (origin === DEV_ORIGIN ? content : content.toString('utf8').split(DEV_ORIGIN).join(origin)),
          },
          { from: 'src/taskpane/legacy-browser.js', to: 'legacy-browser.js', info: verbatim },
          { from: 'src/taskpane/commands.js', to: 'commands.js', info: verbatim },
          { from: 'src/taskpane/help.html', to: 'help.html', info: verbatim },
          ...(intranet ? selfHostedOfficeJs : []),
        ],
      }),
    ],
    devServer: {
      host: 'localhost',
      port: PORT,
      // Prefer office-addin-dev-certs (scripts/start.js creates them); else a throw-away self-signed one.
      server: certs ? { type: 'https', options: certs } : 'https',
      headers: { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' },
      static: { directory: DIST, watch: false },
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false, runtimeErrors: false } },
      open: false,
    },
  };
};

module.exports.csp = csp;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.PORT = PORT;
module.exports.CERT_DIR = CERT_DIR;
