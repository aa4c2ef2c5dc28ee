/*
 * Chỉ số CCHC — old-webview guard. ES5 only: copied into dist/ verbatim (not bundled, not
 * minified) and loaded before office.js and the main bundle, as an external file so the
 * Content-Security-Policy needs no 'unsafe-inline' for scripts.
 *
 * The pane's bundle is ES2020 syntax (test/build.test.ts checks dist/ with es-check) and uses a
 * few newer built-ins. Webviews that cannot run it get a message instead of a blank pane:
 *  - Internet Explorer 11 (Trident) and EdgeHTML, used by volume-licensed Office 2016/2019;
 *  - WebKit older than Safari 14.1 (Office on older macOS and iPadOS), which lacks WeakRef
 *    (Fluent UI's focus management) — found by feature, not by version;
 *  - any other webview that still fails to parse the bundle: a SyntaxError before the pane
 *    started replaces the page too.
 * Then this script sets window.PAR_UNSUPPORTED_BROWSER (index.tsx does nothing when it is set)
 * and replaces the page with a message pointing to the add-in-free workbook.
 */
(function () {
  'use strict';
  var ua = (window.navigator && window.navigator.userAgent) || '';

  /** Built-ins the bundle calls without a fallback (ES2020 and later). */
  function lacksBuiltIns() {
    return (
      typeof window.WeakRef !== 'function' ||
      typeof window.Promise === 'undefined' ||
      typeof window.Promise.allSettled !== 'function' ||
      typeof String.prototype.matchAll !== 'function' ||
      typeof String.prototype.replaceAll !== 'function' ||
      typeof Object.fromEntries !== 'function'
    );
  }

  // EdgeHTML says "Edge/18.x"; Chromium Edge (WebView2) says "Edg/", which must not match.
  var oldEngine = ua.indexOf('Trident/') !== -1 || ua.indexOf('Edge/') !== -1;
  if (!oldEngine && !lacksBuiltIns()) {
    // A syntax the webview does not know fails the whole bundle before it can say anything.
    var onError = function (event) {
      var message = String((event && event.message) || '');
      if (window.PAR_STARTED || message.indexOf('SyntaxError') === -1) return;
      window.removeEventListener('error', onError, false);
      unsupported();
    };
    window.addEventListener('error', onError, false);
    return;
  }
  unsupported();

  function unsupported() {
    window.PAR_UNSUPPORTED_BROWSER = true;

    var MESSAGE_VI = [
      'Phần bổ trợ Chỉ số CCHC cần Microsoft 365 hoặc Office 2021 trở lên, trên Windows, Excel trên web, hoặc máy Mac/iPad đã cập nhật (Safari 14.1, iPadOS 14.5 trở lên).',
      'Phiên bản Office này hiển thị ngăn tác vụ bằng trình duyệt cũ nên không chạy được phần bổ trợ.',
      'Sổ tính tạo bằng lệnh "par-index template" vẫn dùng được trong mọi phiên bản Excel (từ Excel 2010 trở lên) mà không cần phần bổ trợ: hãy nhờ người quản trị tạo sổ tính cho đơn vị.'
    ];
    var MESSAGE_EN =
      'The PAR Index add-in needs Microsoft 365 or Office 2021 or newer, on Windows, Excel on the web, or an up-to-date Mac/iPad (Safari 14.1, iPadOS 14.5 or later). A workbook made with "par-index template" works in any Excel (2010 and later) without the add-in.';

    function el(tag, text, css) {
      var node = document.createElement(tag);
      if (text) node.appendChild(document.createTextNode(text));
      // Style through the CSSOM (allowed by the CSP), never through a style attribute string.
      for (var key in css) if (css.hasOwnProperty(key)) node.style[key] = css[key];
      return node;
    }

    function replacePage() {
      var body = document.body;
      if (!body) return;
      while (body.firstChild) body.removeChild(body.firstChild);
      var box = el('div', '', {
        fontFamily: '"Segoe UI", Tahoma, Arial, sans-serif',
        fontSize: '14px',
        lineHeight: '1.45',
        color: '#242424',
        padding: '16px',
        borderTop: '4px solid #a31a1e'
      });
      box.setAttribute('role', 'alert');
      box.appendChild(el('h1', 'Chỉ số CCHC', { fontSize: '18px', margin: '0 0 12px 0', color: '#a31a1e' }));
      for (var i = 0; i < MESSAGE_VI.length; i++) {
        box.appendChild(el('p', MESSAGE_VI[i], { margin: '0 0 10px 0', fontWeight: i === 0 ? 'bold' : 'normal' }));
      }
      var en = el('p', MESSAGE_EN, { margin: '16px 0 0 0', fontSize: '12px', color: '#616161' });
      en.setAttribute('lang', 'en');
      box.appendChild(en);
      body.appendChild(box);
      document.title = 'Chỉ số CCHC';
    }

    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', replacePage, false);
    } else {
      replacePage();
    }
  }
})();
