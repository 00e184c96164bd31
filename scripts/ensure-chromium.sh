# Sourced by ./run before the end-to-end tests: they drive a real Chromium through playwright-core, which
# cannot download its own browser here. Uses CHROMIUM_PATH, else /usr/bin/chromium, else installs Debian's
# chromium package (needs root, as on the project's machines and CI).
if [ -z "${CHROMIUM_PATH:-}" ]; then
  for candidate in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
    if [ -x "$candidate" ]; then export CHROMIUM_PATH="$candidate"; break; fi
  done
fi
if [ -z "${CHROMIUM_PATH:-}" ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "Chromium not found: installing Debian's chromium package" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
    export CHROMIUM_PATH=/usr/bin/chromium
  else
    echo "The end-to-end tests need Chromium: install it (e.g. apt-get install chromium) or set CHROMIUM_PATH" >&2
    exit 1
  fi
fi
