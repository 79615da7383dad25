#!/usr/bin/env bash
# The one entry point of the project.
#   ./build.sh serve [ADDR]          build the WebAssembly and serve the playground (default 127.0.0.1:8000, or $CVQ_ADDR)
#   ./build.sh test                  formatting, vet (native and js/wasm), unit, wasm and browser tests, short fuzzing
#   ./build.sh build                 build build/web/app.wasm and the assets
#   ./build.sh static OUT [-prefix /path/]   write the playground as a static site
#   ./build.sh engines               only the browser flows and accessibility audit, in three engines
#   ./build.sh fuzz [SECONDS]        run every fuzz target longer (default 60 s each)
#   ./build.sh screenshots           take the README's pictures (static/screenshots) again
#   ./build.sh bench [PART...]       print the performance table; PARTs (engine, eras, respond, listen, page, docs; default all) are measured again
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

# engines_test runs the browser flows and the accessibility audit in
# Chromium, Firefox ESR and WebKitGTK (app/testdata/engines, node's own test
# runner) against the playground's server, built as ./build.sh serve builds
# it and started on a free port. CVQ_ENGINES picks engines (default all).
engines_test() {
  need_tool firefox-esr firefox-esr
  need_tool WebKitWebDriver webkit2gtk-driver
  need_tool xvfb-run xvfb
  need_tool npm npm
  local dir=app/testdata/engines
  # npm ci again only when the lock file changed since the last install.
  if ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.installed-lock.json" 2>/dev/null; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.installed-lock.json) >&2
  fi
  build_wasm
  go build -o build/cvq-playground ./app
  local log=build/engines-server.log
  CVQ_VERSION=$(cat build/version) ./build/cvq-playground serve -addr 127.0.0.1:0 >"$log" 2>&1 &
  local pid=$!
  trap "kill $pid 2>/dev/null" EXIT
  local url=""
  for _ in $(seq 100); do
    url=$(sed -n 's|^CVQ playground on \(http://[^ ]*\)/$|\1|p' "$log")
    [ -n "$url" ] && break
    sleep 0.1
  done
  [ -n "$url" ] || { kill "$pid"; echo "build.sh: the server did not start: $(cat "$log")" >&2; exit 1; }
  local rc=0
  (cd "$dir" && CVQ_BASE_URL="$url" CVQ_CHROMIUM=$(chromium_path) xvfb-run -a node --test --test-timeout=900000 --test-reporter=spec) || rc=$?
  # The tests' result is the step's: a server gone during them would have
  # failed them; one gone after them is said, not failed.
  kill "$pid" 2>/dev/null || echo "build.sh: the server had already stopped: $(cat "$log")" >&2
  return "$rc"
}

# fuzz_all runs every fuzz target for $1 seconds each.
fuzz_all() {
  for target in FuzzParse FuzzTranscript FuzzStream FuzzPolicy; do
    fuzz_one "$target" "$1" ./protocol
  done
  fuzz_one FuzzShareLink "$1" ./app/share
  fuzz_one FuzzReevaluate "$1" ./app
  fuzz_one FuzzRender "$1" ./app/docs
  fuzz_one FuzzCheck "$1" ./app/docs
  fuzz_one FuzzRecording "$1" ./app/probe
  fuzz_one FuzzPack "$1" ./wasm/datapack
}

# fuzz_one fuzzes target $1 of package $3 for $2 seconds. Go's fuzzing can
# end with "context deadline exceeded" and no failing input when the time
# is up while a worker is still busy (a slow input on a loaded machine):
# that alone is run once more; a failing input always fails.
fuzz_one() {
  local out
  if out=$(go test -run '^$' -fuzz "^$1\$" -fuzztime "$2s" "$3" 2>&1); then
    echo "$out" >&2
    return 0
  fi
  echo "$out" >&2
  if grep -q "context deadline exceeded" <<<"$out" && ! grep -q "Failing input written" <<<"$out"; then
    echo "build.sh: $1 stopped at its deadline without a failing input; once more" >&2
    go test -run '^$' -fuzz "^$1\$" -fuzztime "$2s" "$3"
  else
    return 1
  fi
}

# bench_engine runs the engine's benchmarks 5 times and writes their rows.
bench_engine() {
  echo "== engine benchmarks" >&2
  go test -run '^$' -bench . -benchmem -count 5 ./protocol | tee build/engine-bench.txt >&2
  {
    bench_row BenchmarkParseAndAnswer ns/op "engine: one CVR line parsed, checked and answered" "%.0f" " ns" "≤ 1 µs"
    bench_row BenchmarkParseAndAnswer allocs/op "the same: allocations" "%.0f" "" "≤ 4"
    bench_row BenchmarkRespond lines/cpu-s "engine: respond in-process, 200,000-line sample, million lines per CPU second" "%.2f" "" "≥ 0.5" 1e-6
  } >build/bench/engine.rows
}

# bench_eras runs the page's evaluation benchmarks (natively) 5 times and
# writes their rows: a keystroke, and every era's answers.
bench_eras() {
  echo "== page evaluation and every era" >&2
  go test -run '^$' -bench 'Keystroke5000$|Eras' -benchmem -count 5 ./app | tee build/eras-bench.txt >&2
  {
    bench_txt=build/eras-bench.txt
    bench_row BenchmarkKeystroke5000 ns/op "page (native): a keystroke at the end of a pasted 5,000-line session, evaluated" "%.2f" " ms" "unchanged by every era" 1e-6
    bench_row BenchmarkErasSettle5000 ns/op "page (native): every era once typing pauses after it, answering the typed line" "%.2f" " ms" "≤ 1 ms" 1e-6
    bench_row BenchmarkErasSelect5000 ns/op "page (native): every era's answer to another of the 5,000 lines" "%.2f" " ms" "≤ 1 ms" 1e-6
    bench_row BenchmarkErasFirst5000 ns/op "page (native): every era's first answer to the 5,000th line (each preset steps through all)" "%.0f" " ms" "(information)" 1e-6
  } >build/bench/eras.rows
}

# bench_row writes the row $3 of benchmark $1's figure in unit $2 from
# $bench_txt (default build/engine-bench.txt): the median and range over
# the runs, each scaled by $7 (default 1), written with the printf format
# $4 and the unit $5, with the aim $6.
bench_row() {
  grep "^$1-" "${bench_txt:-build/engine-bench.txt}" |
    awk -v unit="$2" -v scale="${7:-1}" '{ for (i = 2; i < NF; i++) if ($(i+1) == unit) print $i * scale }' |
    sort -g | awk -v m="$3" -v f="$4" -v u="$5" -v aim="$6" '{ v[NR] = $1 } END {
      if (NR == 0) { printf "| %s | (no runs) | – | %s |\n", m, aim; exit }
      med = NR % 2 ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2
      printf "| %s | " f "%s | " f "–" f "%s | %s |\n", m, med, u, v[1], v[NR], u, aim }'
}

# bench_respond runs respond as a whole process on the sample transcript.
bench_respond() {
  echo "== respond as a whole process on the sample transcript" >&2
  go build -o build/cvq-playground ./app
  go run ./protocol/testdata/throughput -runs 7 -rows build/bench/respond.rows build/cvq-playground | tee build/respond-bench.md >&2
}

# bench_listen runs listen as a whole process under 1, 100 and 1,000
# clients at once, and holds 1,000 idle connections.
bench_listen() {
  echo "== listen: sessions per second, latency, idle connections" >&2
  go build -o build/cvq-playground ./app
  go run ./app/listen/testdata/bench -runs 5 -rows build/bench/listen.rows build/cvq-playground | tee build/listen-bench.md >&2
}

# bench_browser runs the page's measurements matching $2 in headless
# Chromium (with Lighthouse, installed pinned from app/testdata/lighthouse);
# every load is in build/bench-$1.log.
bench_browser() {
  need_tool node nodejs
  need_tool npm npm
  local lighthouse=app/testdata/lighthouse
  if [ ! -f "$lighthouse/node_modules/lighthouse/cli/index.js" ]; then
    echo "== installing Lighthouse" >&2
    (cd "$lighthouse" && npm ci --no-audit --no-fund >&2)
  fi
  echo "== $1 measurements (headless chromium)" >&2
  if ! CVQ_CHROMIUM=$(chromium_path) CVQ_LIGHTHOUSE="$PWD/$lighthouse/node_modules/lighthouse/cli/index.js" \
    go test -count=1 -timeout 40m -tags 'browser bench' -run "$2" ./app -v >"build/bench-$1.log" 2>&1; then
    tail -n 40 "build/bench-$1.log" >&2
    exit 1
  fi
}

# bench_table prints the performance table: the machine, the command, and
# every part's rows (the known parts first, in the README's order).
bench_table() {
  local cpu
  cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
  echo "Measured $(date -u +%Y-%m-%d) on ${cpu:-an unknown CPU}, $(nproc) cores (load average $(cut -d' ' -f1-3 /proc/loadavg) at the end), $(go version | cut -d' ' -f3), $($(chromium_path) --version 2>/dev/null | cut -d' ' -f1-2), by \`./build.sh bench\`:"
  echo
  echo "| measure | median | spread (min–max) | aim |"
  echo "|---|---|---|---|"
  local known=" page lighthouse eras engine respond listen docs "
  for part in page lighthouse eras engine respond listen docs; do
    [ -f "build/bench/$part.rows" ] && cat "build/bench/$part.rows"
  done
  for f in build/bench/*.rows; do
    [ -f "$f" ] || continue
    case "$known" in *" $(basename "$f" .rows) "*) continue ;; esac
    cat "$f"
  done
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
  # The documentation engine: the engine alone, for embed.js's engine
  # frame, with the wasm_exec.js of the Go that built it.
  GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -gcflags='cvq-playground/...=-l' \
    -gcflags='encoding/json=-l' -o build/web/engine.wasm ./app/engine
  # Go's linker writes up to 100,000 data segments, whose headers compress
  # poorly; written again as few segments, the same memory's brotli copy is
  # about 100 KB smaller (wasm/datapack), which keeps app.wasm under its
  # 1.6 MB budget.
  go run ./wasm/cmd/datapack build/web/app.wasm build/web/engine.wasm
  cp "$(go env GOROOT)/lib/wasm/wasm_exec.js" build/web/wasm_exec.js
  # The site's assets are static/'s files; its folders (the README's
  # pictures, sources) are not served.
  local assets
  mapfile -t assets < <(find static -maxdepth 1 -type f | sort)
  cp "${assets[@]}" build/web/
  # embed.js, the one file documentation pages load, is its sources
  # (static/embed/, one concern each) in the order of their names.
  cat static/embed/*.js > build/web/embed.js
  version=$(sha256sum build/web/app.wasm build/web/engine.wasm "${assets[@]}" static/embed/*.js | sha256sum | cut -c1-16)
  # Precompressed copies that the server sends to browsers that accept them;
  # brotli -q 11 takes a few seconds, so only when the site changed.
  changed=false
  [ "$(cat build/version 2>/dev/null)" = "$version" ] || changed=true
  for f in build/web/*; do
    case "$f" in *.br|*.gz|*.png) continue ;; esac
    if $changed || [ ! -f "$f.br" ] || [ ! -f "$f.gz" ]; then
      need_tool brotli brotli
      brotli -q 11 -f -k "$f"; gzip -9 -f -k "$f"
    fi
  done
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
    # Precompressed copies of every file but the images, for servers that
    # serve them (nginx gzip_static, …); the assets reuse build/web's.
    find "$out" -type f ! -name '*.br' ! -name '*.gz' ! -name '*.png' |
      while read -r f; do
        src="build/web/${f#"$out"/web/}"
        if [ "$src" != "build/web/$f" ] && [ -f "$src.br" ] && [ -f "$src.gz" ] && cmp -s "$f" "$src"; then
          cp "$src.br" "$f.br"; cp "$src.gz" "$f.gz"
        else
          gzip -9 -k -f "$f"; brotli -q 11 -k -f "$f"
        fi
      done
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
    CVQ_CHROMIUM=$(chromium_path) go test -count=1 -timeout 40m -tags browser -run . ./app
    echo "== browser flows and accessibility in chromium, firefox and webkit" >&2
    engines_test
    ;;
  engines)
    need_go
    engines_test
    ;;
  fuzz)
    need_go
    fuzz_all "${2:-60}"
    ;;
  screenshots)
    need_go
    echo "== the README's pictures (headless chromium)" >&2
    CVQ_CHROMIUM=$(chromium_path) go test -count=1 -tags browser -run '^TestScreenshots$' ./app
    mkdir -p static/screenshots
    cp build/screenshots/window-light.png static/screenshots/light.png
    cp build/screenshots/window-dark.png static/screenshots/dark.png
    echo "static/screenshots/light.png and dark.png written" >&2
    ;;
  bench)
    need_go
    need_tool brotli brotli
    need_tool /usr/bin/time time
    mkdir -p build/bench
    # Each part writes its rows of the table (build/bench/PART.rows, one
    # Markdown row per measure: | measure | median | spread (min–max) | aim |);
    # the table is every part's last rows under one header.
    parts=("${@:2}")
    [ ${#parts[@]} -gt 0 ] || parts=(engine eras respond listen page docs)
    for part in "${parts[@]}"; do
      rm -f "build/bench/$part.rows"
      case "$part" in
        engine) bench_engine ;;
        eras) bench_eras ;;
        respond) bench_respond ;;
        listen) bench_listen ;;
        page) rm -f build/bench/lighthouse.rows; bench_browser page '^(TestBench|TestProfileStart)$' ;;
        docs) bench_browser docs '^(TestDocsBench|TestDocsDetectBench)$' ;;
        *) echo "build.sh: no bench part $part (engine, eras, respond, listen, page, docs)" >&2; exit 2 ;;
      esac
    done
    bench_table
    ;;
  *)
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
