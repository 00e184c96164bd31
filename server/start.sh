#!/usr/bin/env bash
# Starts the built server (`pnpm build` makes `dist/` from `src/`), the product as it runs in production; configured
# from the environment (see the README). Every option Node gets in production is here, with its reason:
#
#
#   `@werkplaats/shared` and `@werkplaats/playbook-data` resolve to their built JavaScript (`dist/`) instead of their
#   TypeScript sources (their package.json `exports`). Running sources costs ~25 MiB of resident memory: Node's type
#   stripping (a WebAssembly compiler) and the stripped text of every file. Tests and `pnpm dev` keep the sources.
#
# `exec`, so the server is this process: signals (the drain on SIGTERM) and /proc readings reach Node itself.
# NODE may name the Node binary (the tests and the benchmarks pass their own); otherwise the one on PATH.
set -euo pipefail
exec "${NODE:-node}" --conditions=werkplaats-built "$(dirname "$0")/dist/main.js"
