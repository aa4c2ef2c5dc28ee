/* Chỉ số CCHC — function file: tells Office the (empty) command runtime is ready. ES5. */
(function () {
  'use strict';
  if (typeof Office !== 'undefined' && Office.onReady) Office.onReady();
})();
