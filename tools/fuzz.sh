#!/usr/bin/env bash
# Run every cargo-fuzz target (or those named) for SECONDS each.
#   tools/fuzz.sh SECONDS [TARGET...]
# Installs cargo-fuzz when missing; runs on the stable toolchain with
# RUSTC_BOOTSTRAP=1 (cargo-fuzz passes nightly-only flags). Targets whose
# name starts with a format's prefix are seeded from test_files/ (see SEEDS).
# Exits non-zero as soon as a target finds a crash; the input is left in
# fuzz/artifacts/<target>/ and must become a regression test in the crate.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:?usage: tools/fuzz.sh SECONDS [TARGET...]}
shift || true

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "installing cargo-fuzz" >&2
    cargo install cargo-fuzz --locked >&2
fi
export RUSTC_BOOTSTRAP=1

# Seed files per target prefix, from the project's own samples.
declare -A SEEDS=(
    [id3]="test_files/*.mp3 test_files/*.aiff test_files/*_id3.wav"
    [mpeg]="test_files/*.mp3 test_files/*.mp2 test_files/*.aac test_files/*.ac3 test_files/*.eac3"
    [flac]="test_files/*.flac test_files/*.oga"
    [vorbis]="test_files/*.ogg test_files/*.opus test_files/*.flac"
    [ape]="test_files/mp3_apev2.mp3 test_files/*.wv test_files/*.mpc"
)

if [ $# -eq 0 ]; then
    mapfile -t targets < <(cd fuzz && cargo fuzz list)
else
    targets=("$@")
fi

for target in "${targets[@]}"; do
    corpus="fuzz/corpus/$target"
    mkdir -p "$corpus"
    prefix=${target%%_*}
    if [ -n "${SEEDS[$prefix]:-}" ]; then
        # shellcheck disable=SC2086
        for f in ${SEEDS[$prefix]}; do [ -f "$f" ] && cp -n "$f" "$corpus/" || true; done
    fi
    echo "== fuzz $target for ${seconds}s"
    log="fuzz/target/fuzz-$target.log"
    mkdir -p fuzz/target
    status=0
    (cd fuzz && cargo fuzz run "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=1048576 -print_final_stats=1) \
        >"$log" 2>&1 || status=$?
    grep -E "^(Done|#[0-9]+ *DONE|stat::number_of_executed_units|==[0-9]+==|SUMMARY|.*panicked)" \
        "$log" || true
    if compgen -G "fuzz/artifacts/$target/*" >/dev/null; then
        echo "fuzz: $target found a crash: $(ls fuzz/artifacts/$target)" >&2
        exit 1
    fi
    if [ "$status" -ne 0 ]; then
        # a build error, or the fuzzer stopping without leaving an input
        tail -n 30 "$log" >&2
        echo "fuzz: $target failed (exit $status) without a crash input; log: $log" >&2
        exit 1
    fi
done
echo "fuzz: no crash in ${#targets[@]} target(s), ${seconds}s each"
