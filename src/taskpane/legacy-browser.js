/*
 * Chỉ số CCHC — old-webview guard. ES5 only: copied into dist/ verbatim (not bundled, not
 * minified) and loaded before office.js and the main bundle, as an external file so the
 * Content-Security-Policy needs no 'unsafe-inline' for scripts.
 *
 * Volume-licensed Office 2016/2019 (and some retail builds) show task panes in Internet
 * Explorer 11 (Trident) or EdgeHTML. React 18 and Fluent UI v9 cannot run there, so on those
 * webviews this script sets window.PAR_UNSUPPORTED_BROWSER (index.tsx does nothing when it is
 * set), removes the app's mount point and replaces the page with a message.
 */
(function () {
  'use strict';
  var ua = (window.navigator && window.navigator.userAgent) || '';
  // EdgeHTML says "Edge/18.x"; Chromium Edge (WebView2) says "Edg/", which must not match.
  if (ua.indexOf('Trident/') === -1 && ua.indexOf('Edge/') === -1) return;

  window.PAR_UNSUPPORTED_BROWSER = true;

  var MESSAGE_VI = [
    'Phần bổ trợ Chỉ số CCHC cần Microsoft 365 hoặc Office 2021 trở lên.',
    'Phiên bản Office này (Office 2016/2019) hiển thị ngăn tác vụ bằng trình duyệt cũ nên không chạy được phần bổ trợ.',
    'Sổ tính tạo bằng lệnh "par-index template" vẫn dùng được trong mọi phiên bản Excel (từ Excel 2010 trở lên) mà không cần phần bổ trợ: hãy nhờ người quản trị tạo sổ tính cho đơn vị.'
  ];
  var MESSAGE_EN =
    'The PAR Index add-in needs Microsoft 365 or Office 2021 or newer. A workbook made with "par-index template" works in any Excel (2010 and later) without the add-in.';

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
})();
