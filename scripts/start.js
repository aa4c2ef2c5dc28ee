#!/usr/bin/env node
/**
 * `npm start`: development server for the Excel add-in at https://localhost:3000.
 *
 *   1. Makes sure office-addin-dev-certs' certificates exist in ~/.office-addin-dev-certs and
 *      tries to trust its CA (on Linux as root without `sudo`, through a temporary `sudo` shim).
 *      If trusting fails, it goes on with the certificates and says so.
 *   2. Builds the pane with webpack and serves it with webpack-dev-server (Node API) over https
 *      on localhost:3000, rebuilding on change, until Ctrl+C.
 *   3. Prints how to sideload manifest.xml into Excel (Windows, Mac, web) and the CLI route for
 *      Office 2016/2019.
 *
 * Works on a machine without Excel (nothing here launches Office).
 * Options: --prod (production build instead of development), --no-certs (skip step 1).
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const CERT_DIR = path.join(os.homedir(), '.office-addin-dev-certs');
const CA = path.join(CERT_DIR, 'ca.crt');
const CERT = path.join(CERT_DIR, 'localhost.crt');
const KEY = path.join(CERT_DIR, 'localhost.key');
const DAYS_VALID = 30;
const LINUX_CA_COPY = '/usr/local/share/ca-certificates/office-addin-dev-certs/ca.crt';

const args = new Set(process.argv.slice(2));
const mode = args.has('--prod') || args.has('--production') ? 'production' : 'development';

const say = (vi, en) => console.log(en ? `${vi}\n  (${en})` : vi);
const warn = (vi, en) => console.warn(`\n[!] ${vi}\n    ${en}\n`);

// ---- 1. certificates -------------------------------------------------------------------------

/** The certificate files exist, match each other and are valid for at least one more day. */
function certFilesUsable() {
  try {
    const { X509Certificate } = require('crypto');
    const cert = new X509Certificate(fs.readFileSync(CERT));
    const ca = new X509Certificate(fs.readFileSync(CA));
    const key = require('crypto').createPrivateKey(fs.readFileSync(KEY));
    const tomorrow = Date.now() + 24 * 3600 * 1000;
    return cert.checkPrivateKey(key) && cert.verify(ca.publicKey) && Date.parse(cert.validTo) > tomorrow && Date.parse(ca.validTo) > tomorrow;
  } catch {
    return false;
  }
}

function onPath(command) {
  return (process.env.PATH || '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, command), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * office-addin-dev-certs runs `sudo sh install_linux.sh` on Linux. Containers and minimal
 * servers often run as root with no `sudo`: give it a pass-through one for the call.
 */
async function withSudoShim(fn) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (process.platform !== 'linux' || !isRoot || onPath('sudo')) return fn();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-index-sudo-'));
  fs.writeFileSync(path.join(dir, 'sudo'), '#!/bin/sh\nexec "$@"\n', { mode: 0o755 });
  const savedPath = process.env.PATH;
  process.env.PATH = `${dir}${path.delimiter}${savedPath || ''}`;
  try {
    return await fn();
  } finally {
    process.env.PATH = savedPath;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Quietly, whether the system trusts *our* CA (the Linux check only looks for a file). */
function caTrusted(devCerts) {
  try {
    if (!devCerts.isCaCertificateInstalled()) return false;
    if (process.platform === 'linux' && fs.existsSync(LINUX_CA_COPY)) {
      return fs.readFileSync(LINUX_CA_COPY).equals(fs.readFileSync(CA));
    }
    return true;
  } catch {
    return false;
  }
}

/** Returns { trusted: boolean }. Never throws for a trust problem; throws only if no usable certificate. */
async function ensureCertificates() {
  const devCerts = require('office-addin-dev-certs');
  let fresh = false;
  let trusted = false;
  let installError = null;

  await withSudoShim(async () => {
    if (!certFilesUsable()) {
      say('Đang tạo chứng chỉ phát triển cho https://localhost …', `creating development certificates in ${CERT_DIR}`);
      // An older CA of ours may still be trusted: take it out first (best effort).
      await devCerts.uninstallCaCertificate(false, false).catch(() => undefined);
      devCerts.deleteCertificateFiles(CERT_DIR);
      await devCerts.generateCertificates(CA, CERT, KEY, DAYS_VALID);
      fresh = true;
    }
    trusted = caTrusted(devCerts);
    if (!trusted) {
      try {
        if (!fresh) await devCerts.uninstallCaCertificate(false, false).catch(() => undefined);
        await devCerts.installCaCertificate(CA, false);
      } catch (e) {
        installError = e;
      }
      trusted = caTrusted(devCerts);
    }
  });

  if (!certFilesUsable()) throw new Error(`No usable certificate in ${CERT_DIR}`);
  if (trusted) {
    say(`Chứng chỉ: ${CERT} — CA đã được hệ thống tin cậy.`, 'certificate ready; its CA is trusted by this system');
  } else {
    warn(
      `Không cài được chứng chỉ gốc (CA) vào kho tin cậy của hệ thống${installError ? `: ${String(installError.message || installError).split('\n')[0]}` : ''}. ` +
        `Máy chủ vẫn chạy bằng chứng chỉ đã tạo, nhưng trình duyệt/Excel sẽ cảnh báo hoặc từ chối kết nối. ` +
        `Hãy tự cài ${CA} vào mục "Trusted Root Certification Authorities" (Windows) hoặc Keychain (Mac).`,
      `Could not install the CA into the system trust store. The server still runs with the generated certificates, ` +
        `but browsers/Excel will warn or refuse. Trust ${CA} manually.`,
    );
  }
  return { trusted };
}

// ---- 3. instructions ---------------------------------------------------------------------------

function printInstructions(url) {
  const line = '─'.repeat(78);
  console.log(`
${line}
 Chỉ số CCHC — máy chủ phần bổ trợ đang chạy: ${url}/taskpane.html
 (PAR Index add-in server is running.)  Dừng: Ctrl+C  (stop: Ctrl+C)
 Tệp kê khai (manifest): ${MANIFEST}
 Lưu ý: "localhost" nghĩa là Excel phải chạy trên CHÍNH máy này và tin cậy chứng chỉ.
 (Note: "localhost" means Excel must run on THIS machine and trust the certificate.)
${line}

 EXCEL TRÊN WINDOWS — thư mục dùng chung (Trusted Add-in Catalog)
 (Excel on Windows desktop — shared-folder catalog)
   1. Tạo thư mục, ví dụ C:\\PhanBoTro, chép manifest.xml vào đó.
      (Create a folder, e.g. C:\\PhanBoTro, and copy manifest.xml into it.)
   2. Chuột phải thư mục → Properties → Sharing → Share… → chia sẻ cho chính mình;
      ghi lại đường dẫn mạng, ví dụ \\\\TEN-MAY\\PhanBoTro.
      (Right-click → Properties → Sharing → Share…; note the network path, e.g. \\\\MACHINE\\PhanBoTro.)
   3. Excel: Tệp → Tùy chọn → Trung tâm Tin cậy → Thiết đặt Trung tâm Tin cậy →
      Danh mục Phần bổ trợ Tin cậy.
      (File → Options → Trust Center → Trust Center Settings → Trusted Add-in Catalogs.)
   4. Dán đường dẫn mạng vào "Catalog Url" → Add catalog → đánh dấu "Show in Menu" → OK.
      Đóng hẳn Excel rồi mở lại.
      (Paste the network path into Catalog Url → Add catalog → tick Show in Menu → OK; restart Excel.)
   5. Trang đầu → Phần bổ trợ → Nâng cao… (hoặc Chèn → Phần bổ trợ của tôi) →
      THƯ MỤC DÙNG CHUNG → Chỉ số CCHC → Thêm. Nút "Chấm điểm CCHC" có trên thẻ Trang đầu.
      (Home → Add-ins → Advanced… (or Insert → My Add-ins) → SHARED FOLDER → PAR Index → Add.
       The "Chấm điểm CCHC" button appears on the Home tab.)

 EXCEL CHO MAC  (Excel on Mac)
   1. mkdir -p ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef
      cp manifest.xml ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
   2. Đóng hẳn Excel, mở lại, mở một sổ tính → Trang đầu → Phần bổ trợ (hoặc Chèn →
      Phần bổ trợ của tôi) → Chỉ số CCHC.
      (Quit and reopen Excel, open a workbook → Home → Add-ins (or Insert → My Add-ins) → PAR Index.)

 EXCEL TRÊN WEB  (Excel on the web)
   Trang đầu → Phần bổ trợ → Thêm phần bổ trợ → Tải lên Phần bổ trợ của tôi → chọn manifest.xml.
   (Home → Add-ins → More add-ins → Upload My Add-in → browse to manifest.xml → Upload.)
   Trình duyệt phải mở được ${url} trên chính máy đó.
   (The browser must reach ${url} on that same machine.)

 OFFICE 2016 / 2019 (bản cấp phép số lượng lớn — volume licence)
   Phần bổ trợ cần Microsoft 365 hoặc Office 2021 trở lên. Dùng dòng lệnh để tạo sổ tính
   chạy được trong mọi Excel từ 2010 trở lên, không cần phần bổ trợ:
   (The add-in needs Microsoft 365 or Office 2021+. Use the CLI to make a workbook that works
    in any Excel 2010 or later without the add-in:)
       npx par-index template --help
${line}
`);
}

// ---- 2. build and serve ------------------------------------------------------------------------

async function main() {
  if (!args.has('--no-certs')) {
    try {
      await ensureCertificates();
    } catch (e) {
      warn(
        `Không tạo được chứng chỉ (${e.message}). webpack-dev-server sẽ dùng chứng chỉ tự ký tạm thời.`,
        `Could not create certificates (${e.message}); webpack-dev-server falls back to a temporary self-signed one.`,
      );
    }
  }

  const webpack = require('webpack');
  const WebpackDevServer = require('webpack-dev-server');
  // Read the config only now, so it picks up the certificates created above.
  const config = require(path.join(ROOT, 'webpack.config.js'))({}, { mode });
  const { devServer, ...webpackConfig } = config;
  webpackConfig.stats = 'errors-warnings'; // keep the instructions below readable
  const url = `https://${devServer.host}:${devServer.port}`;

  say(`Đang build (${mode}) và khởi động máy chủ ${url} …`, `building (${mode}) and starting ${url}`);
  const compiler = webpack(webpackConfig);
  let printed = false;
  compiler.hooks.done.tap('par-index-start', (stats) => {
    if (stats.hasErrors()) {
      console.error(stats.toString({ all: false, errors: true, colors: false }));
      say('Build lỗi — sửa mã rồi lưu lại, máy chủ sẽ tự build lại.', 'build failed; fix and save, it rebuilds');
      return;
    }
    const seconds = ((stats.endTime - stats.startTime) / 1000).toFixed(1);
    say(`Build xong trong ${seconds} giây.`, `built in ${seconds} s`);
    if (!printed) {
      printed = true;
      setImmediate(() => printInstructions(url)); // after webpack-dev-server's own output
    }
  });

  const server = new WebpackDevServer(devServer, compiler);
  try {
    await server.start();
  } catch (e) {
    if (e && e.code === 'EADDRINUSE') {
      console.error(`\nCổng ${devServer.port} đang được dùng — có thể máy chủ đã chạy ở cửa sổ khác.\n(Port ${devServer.port} is in use — the server may already be running elsewhere.)`);
    } else {
      console.error(e);
    }
    process.exit(1);
  }

  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    say(`\nĐang dừng máy chủ (${signal}) …`, 'stopping the server');
    server
      .stop()
      .catch(() => undefined)
      .finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
