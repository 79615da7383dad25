#!/usr/bin/env bash
# The one entry point of the project.
#   ./build.sh serve [ADDR]          build the WebAssembly and serve the playground (default 127.0.0.1:8000, or $CVQ_ADDR)
#   ./build.sh test                  formatting, vet (native and js/wasm), unit, wasm and browser tests, short fuzzing
#   ./build.sh build                 build build/web/app.wasm and the assets
#   ./build.sh static OUT [-prefix /path/]   write the playground as a static site
#   ./build.sh fuzz [SECONDS]        run every fuzz target longer (default 60 s each)
#   ./build.sh bench                 run the engine benchmarks, respond on the sample transcript, the page measurements
set -euo pipefail
cd "$(dirname "$0")"

need_go() {
  command -v go >/dev/null || { echo "build.sh: Go is required (https://go.dev/dl/)" >&2; exit 1; }
}

# chromium finds Debian's chromium, installing it when missing.
chromium_path() {
  for c in chromium chromium-browser google-chrome; do
    if command -v "$c" >/dev/null; then command -v "$c"; return; fi
  done
  echo "build.sh: installing chromium for the browser tests" >&2
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >&2
  command -v chromium
}

# need_tool installs a Debian package when its command is missing.
need_tool() {
  command -v "$1" >/dev/null && return
  echo "build.sh: installing $2" >&2
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$2" >&2
}

# fuzz_all runs every fuzz target for $1 seconds each.
fuzz_all() {
  for target in FuzzParse FuzzTranscript FuzzStream FuzzPolicy; do
    go test -run '^$' -fuzz "^${target}\$" -fuzztime "${1}s" ./protocol
  done
  go test -run '^$' -fuzz '^FuzzShareLink$' -fuzztime "${1}s" ./app/share
  go test -run '^$' -fuzz '^FuzzReevaluate$' -fuzztime "${1}s" ./app
}

build_wasm() {
  need_go
  mkdir -p build/web
  # No inlining in go-app, this project's packages, and the standard
  # packages the page uses off the keystroke path (policy JSON, URLs,
  # escaping, MIME, time, formatting, reflection for go-app's comparisons,
  # logging, files) or never runs (crypto, math/big and compress/gzip,
  # linked through go-app's net/http): their code is mostly small setters
  # and one-off work, and app.wasm comes out smaller (brotli 1.64 MB →
  # 1.57 MB) for no measurable cost per keystroke or at start. Packages
  # whose code grows without inlining (net/..., syscall/js, encoding/...)
  # keep it. binaryen's wasm-opt is not used: every level tried makes the
  # brotli copy larger, since it re-encodes Go's code less compactly.
  GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" \
    -gcflags='github.com/maxence-charriere/go-app/v10/...=-l' -gcflags='cvq-playground/...=-l' \
    -gcflags='encoding/json=-l' -gcflags='html=-l' -gcflags='net/url=-l' -gcflags='mime/...=-l' \
    -gcflags='crypto/...=-l' -gcflags='math/...=-l' -gcflags='compress/...=-l' \
    -gcflags='time=-l' -gcflags='fmt=-l' -gcflags='reflect=-l' -gcflags='log/...=-l' -gcflags='os/...=-l' \
    -o build/web/app.wasm ./app
  cp static/* build/web/
  version=$(sha256sum build/web/app.wasm static/* | sha256sum | cut -c1-16)
  # Precompressed copies that the server sends to browsers that accept them;
  # brotli -q 11 takes a few seconds, so only when the site changed.
  if [ "$(cat build/version 2>/dev/null)" != "$version" ] || [ ! -f build/web/app.wasm.br ]; then
    need_tool brotli brotli
    for f in build/web/app.wasm build/web/app.css build/web/embed.js; do
      brotli -q 11 -f -k "$f"; gzip -9 -f -k "$f"
    done
  fi
  echo "$version" > build/version
  echo "built build/web/app.wasm ($(stat -c %s build/web/app.wasm) bytes), version $version" >&2
}

case "${1:-}" in
  build)
    build_wasm
    ;;
  serve)
    build_wasm
    go build -o build/cvq-playground ./app
    CVQ_VERSION=$(cat build/version) exec ./build/cvq-playground serve -addr "${2:-${CVQ_ADDR:-127.0.0.1:8000}}"
    ;;
  static)
    shift
    [ $# -ge 1 ] || { echo "usage: ./build.sh static OUT [-prefix /path/]" >&2; exit 2; }
    out=$1; shift
    build_wasm
    go build -o build/cvq-playground ./app
    rm -rf "$out"
    CVQ_VERSION=$(cat build/version) ./build/cvq-playground static "$@" "$out"
    need_tool brotli brotli
    # Precompressed copies for servers that serve them (nginx gzip_static, …).
    find "$out" -type f \( -name '*.html' -o -name '*.js' -o -name '*.css' -o -name '*.wasm' -o -name '*.svg' -o -name '*.webmanifest' -o -name '*.json' \) |
      while read -r f; do gzip -9 -k -f "$f"; brotli -q 11 -k -f "$f"; done
    echo "static site in $out" >&2
    ;;
  test)
    need_go
    echo "== gofmt" >&2
    bad=$(gofmt -l app protocol wasm)
    [ -z "$bad" ] || { echo "gofmt would change: $bad" >&2; exit 1; }
    echo "== go vet (native, js/wasm)" >&2
    go vet ./...
    GOOS=js GOARCH=wasm go vet ./...
    echo "== unit tests" >&2
    go test -count=1 ./...
    echo "== js/wasm tests under node" >&2
    need_tool node nodejs
    PATH="$PATH:$(go env GOROOT)/lib/wasm" GOOS=js GOARCH=wasm go test -count=1 ./protocol ./wasm
    echo "== short fuzzing" >&2
    fuzz_all 3
    echo "== browser tests (headless chromium)" >&2
    CVQ_CHROMIUM=$(chromium_path) go test -count=1 -tags browser -run . ./app
    ;;
  fuzz)
    need_go
    fuzz_all "${2:-60}"
    ;;
  bench)
    need_go
    need_tool brotli brotli
    mkdir -p build
    need_tool /usr/bin/time time
    echo "== engine benchmarks" >&2
    go test -run '^$' -bench . -benchmem ./protocol | tee build/engine-bench.txt >&2
    echo "== respond as a whole process on the sample transcript" >&2
    go build -o build/cvq-playground ./app
    go run ./protocol/testdata/throughput -runs 7 build/cvq-playground | tee build/respond-bench.md
    echo "== page measurements (headless chromium)" >&2
    CVQ_CHROMIUM=$(chromium_path) CVQ_ENGINE_BENCH="$PWD/build/engine-bench.txt" \
      go test -count=1 -tags 'browser bench' -run '^TestBench$' ./app -v 2>&1 | grep '^|'
    echo "(written to build/bench.json)" >&2
    ;;
  *)
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
