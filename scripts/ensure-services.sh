# Sourced by ./run before the tests: the PostgreSQL and Redis adapters are tested against real, throw-away
# servers (server/test/support/services.ts starts them on free ports in temporary folders). They come from
# Debian's postgresql and redis-server packages, installed here when run as root on Debian.
missing=()
if [ -z "${POSTGRES_BIN_DIR:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then missing+=(postgresql); fi
if [ -z "${REDIS_SERVER:-}" ] && ! command -v redis-server >/dev/null 2>&1; then missing+=(redis-server); fi
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "Installing Debian's ${missing[*]} for the tests" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
    # The tests start their own servers; the package's own cluster and service are not needed.
  else
    echo "The tests need ${missing[*]}: install them (e.g. apt-get install ${missing[*]}), or point" >&2
    echo "POSTGRES_BIN_DIR at a folder with initdb and postgres and REDIS_SERVER at a redis-server binary." >&2
    exit 1
  fi
fi
