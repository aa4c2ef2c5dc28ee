#!/usr/bin/env bash
# The tests use real programs where users meet them: LibreOffice Calc proves the
# workbook's formulas compute, xmllint checks the manifest, Chromium runs the built pane
# (end-to-end tests; DejaVu gives its screenshots Vietnamese glyphs); Liberation Serif stands in for
# Times New Roman and poppler-utils reads the printed PDFs. Installs what is missing
# (as root with apt-get), or says exactly what to install.
set -euo pipefail
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
# Writer turns the plan document (.docx) into the PDF its test reads.
[ -e /usr/lib/libreoffice/program/libswlo.so ] || need+=(libreoffice-writer-nogui)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
[ -x "${PAR_CHROMIUM:-/usr/bin/chromium}" ] || need+=(chromium)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
[ -e /usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf ] || need+=(fonts-liberation)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Cài đặt / installing: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}"
else
  echo "Thiếu chương trình cho bộ kiểm thử / missing test tools: ${need[*]}" >&2
  echo "Debian/Ubuntu: sudo apt-get install --no-install-recommends ${need[*]}" >&2
  exit 1
fi
