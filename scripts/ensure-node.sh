# Sourced by ./run and .ci/run: puts a Node >= 22.18 first on PATH.
# Uses the machine's node when it is new enough; otherwise installs Node 24 from the npm registry
# (the package node-<os>-<arch> ships the real binary in bin/node) into .tools/node24.
node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=18)?0:1)'
}
if ! node_ok; then
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.tools/node24"
  if ! ls "$root"/node_modules/node-*/bin/node >/dev/null 2>&1; then
    case "$(uname -m)" in x86_64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; *) arch="$(uname -m)" ;; esac
    os="$(uname -s | tr A-Z a-z)"
    echo "Node >= 22.18 not found: installing node-$os-$arch@24 from the npm registry into .tools/" >&2
    mkdir -p "$root"
    npm install --no-save --no-package-lock --prefix "$root" "node-$os-$arch@24" >&2
  fi
  bin_dir="$(ls -d "$root"/node_modules/node-*/bin | head -1)"
  export PATH="$bin_dir:$PATH"
fi
node_ok || { echo "could not provide Node >= 22.18" >&2; exit 1; }
