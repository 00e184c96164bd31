# Sourced by ./run before the tests: the PDF export's tests read the generated PDF back with pdftotext and
# check it with pdfinfo (Debian's poppler-utils). Installs the package when missing and we are root on Debian
# (the project's machines and CI); elsewhere, install poppler-utils (or poppler) yourself.
if ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdfinfo >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "pdftotext not found: installing Debian's poppler-utils package" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >&2
  else
    echo "The PDF export's tests need pdftotext and pdfinfo: install poppler-utils (e.g. apt-get install poppler-utils)" >&2
    exit 1
  fi
fi
