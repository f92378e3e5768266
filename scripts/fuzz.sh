#!/usr/bin/env bash
# Builds a libFuzzer target (swiftc -sanitize=fuzzer,address) over the real module sources and runs it.
#
#   scripts/fuzz.sh list                   the targets and what each drives
#   scripts/fuzz.sh TARGET SECONDS [ARG…]  build TARGET, fuzz it for SECONDS; ARGs go to libFuzzer
#   scripts/fuzz.sh TARGET build           build only; prints the binary's path
#
# The modules a target needs (Sources/Corpus, …) are compiled as the modules they are, with
# -enable-testing so the target can `@testable import` them, and linked with Fuzz/Targets/TARGET.swift,
# Fuzz/Support/*.swift and Fuzz/Support/MODULE/*.swift for each module it needs. The seeds in
# Fuzz/Seeds/TARGET are copied into a scratch corpus under .build-fuzz/corpus/TARGET, so the
# repository's seeds stay small. Crashes, timeouts and out-of-memory inputs are written to
# .build-fuzz/crashes/TARGET/ and the script exits 1. See docs/RELIABILITY.md, "Fuzzing".
#
# Environment: FUZZ_MAX_LEN (bytes per input, default 65536), FUZZ_TIMEOUT (seconds per input,
# default 10), FUZZ_BUILD (build folder, default .build-fuzz), SWIFTC, CLANG.
set -euo pipefail

# name|modules it needs, in dependency order|what it drives
targets=(
    "interview|Corpus|interview text (.txt) through DocumentLoader.parse: InterviewParser, Chunker"
    "markdown|Corpus|Markdown (.md) through DocumentLoader.parse: MarkdownParser, Chunker"
    "jsonlines|Corpus|JSON Lines (.jsonl) through DocumentLoader.parse and DocumentStream; JSONObjectScanner against JSONSerialization"
    "sentences|Corpus|SentenceSplitter.split/ranges and Chunker.chunks: no text lost, sentences trimmed and in order"
    "analyzer|Corpus Retrieval|Analyzer.tokens with and without an AnalysisMemo, fold and stem"
    "sse|CCurl LLM|ServerSentEventParser fed in pieces of any size, and ChatResponseReader over a streamed body"
    "errorbody|CCurl LLM|ErrorBody.message from bytes and text, and ChatResponseReader over error and JSON bodies"
)

usage() {
    cat >&2 <<EOF
usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer flags…]   build TARGET and fuzz it for SECONDS
       scripts/fuzz.sh TARGET build                        build TARGET only
       scripts/fuzz.sh list                                the targets
targets: $(for entry in "${targets[@]}"; do printf '%s ' "${entry%%|*}"; done)
EOF
    exit 2
}

# Whether $1 is missing or older than any of the remaining files.
stale() {
    local output=$1 file
    shift
    [ -e "$output" ] || return 0
    for file in "$@"; do
        if [ "$file" -nt "$output" ]; then return 0; fi
    done
    return 1
}

# Everything runs from main, which bash reads whole before it starts: editing this file while a long
# run is going does not change what the running script does.
main() {
    cd "$(dirname "$0")/.."
    local root=$PWD
    [ $# -ge 1 ] || usage
    case $1 in
    list)
        local entry name what
        for entry in "${targets[@]}"; do
            IFS='|' read -r name _ what <<<"$entry"
            printf '%-10s %s\n' "$name" "$what"
        done
        return 0
        ;;
    -h | --help | help) usage ;;
    esac

    local target=$1 modules="" entry name needs
    for entry in "${targets[@]}"; do
        IFS='|' read -r name needs _ <<<"$entry"
        if [ "$name" = "$target" ]; then modules=$needs; fi
    done
    if [ -z "$modules" ]; then
        echo "fuzz.sh: no target named '$target'; 'scripts/fuzz.sh list' shows the targets" >&2
        exit 2
    fi
    if [ $# -lt 2 ]; then
        echo "fuzz.sh: say how many seconds to fuzz $target for, or 'build'" >&2
        usage
    fi
    local seconds=$2
    shift 2
    if [ "$seconds" != build ] && ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
        echo "fuzz.sh: SECONDS must be a whole number greater than 0, not '$seconds'" >&2
        exit 2
    fi

    local swiftc clang resource_dir
    swiftc=${SWIFTC:-$(command -v swiftc || true)}
    if [ -z "$swiftc" ]; then
        echo "fuzz.sh: swiftc is not on PATH; install Swift 6 (see README.md) or set SWIFTC" >&2
        exit 1
    fi
    clang=${CLANG:-$(dirname "$swiftc")/clang}
    [ -x "$clang" ] || clang=$(command -v clang || true)
    resource_dir=$("$swiftc" -print-target-info | sed -n 's/.*"runtimeResourcePath": "\(.*\)".*/\1/p')
    if ! ls "$resource_dir"/clang/lib/*/libclang_rt.fuzzer*.a >/dev/null 2>&1; then
        echo "fuzz.sh: this Swift toolchain has no libFuzzer runtime (libclang_rt.fuzzer) under $resource_dir/clang/lib; use a swift.org toolchain for Linux" >&2
        exit 1
    fi

    local build=${FUZZ_BUILD:-.build-fuzz}
    mkdir -p "$build/modules" "$build/obj" "$build/bin" "$build/include/CCurl"
    local common=(-sanitize=fuzzer,address -O -g -swift-version 6 -package-name panelist
        -I "$build/modules" -I Sources/CISAL -I "$build/include/CCurl")

    local objects=() links=() module object sources
    for module in $modules; do
        object=$build/obj/$module.o
        case $module in
        CCurl)
            # SwiftPM makes this module map for a C target; here it is written by hand.
            printf 'module CCurl {\n    header "%s"\n    export *\n}\n' "$root/Sources/CCurl/include/CCurl.h" \
                >"$build/include/CCurl/module.modulemap"
            if stale "$object" Sources/CCurl/*.c Sources/CCurl/include/*.h; then
                echo "fuzz.sh: compiling CCurl" >&2
                "$clang" -c -O1 -g -fsanitize=address -I Sources/CCurl/include Sources/CCurl/CurlLibrary.c -o "$object"
            fi
            links+=(-ldl)
            ;;
        *)
            sources=(Sources/"$module"/*.swift)
            if stale "$object" "${sources[@]}" "$0"; then
                echo "fuzz.sh: compiling $module (${#sources[@]} files)" >&2
                "$swiftc" "${common[@]}" -parse-as-library -enable-testing -wmo -module-name "$module" \
                    -emit-module -emit-module-path "$build/modules/$module.swiftmodule" \
                    -c -o "$object" "${sources[@]}"
                touch "$object" # swiftc leaves an unchanged object file as it was
            fi
            if [ "$module" = Corpus ]; then links+=(-lisal); fi
            ;;
        esac
        objects+=("$object")
    done

    local binary=$build/bin/$target target_sources=(Fuzz/Support/*.swift)
    for module in $modules; do
        if [ -d "Fuzz/Support/$module" ]; then target_sources+=(Fuzz/Support/"$module"/*.swift); fi
    done
    target_sources+=("Fuzz/Targets/$target.swift")
    if stale "$binary" "${target_sources[@]}" "${objects[@]}"; then
        echo "fuzz.sh: linking $binary" >&2
        "$swiftc" "${common[@]}" -use-ld=lld -parse-as-library -module-name "Fuzz_$target" \
            "${target_sources[@]}" "${objects[@]}" "${links[@]}" -o "$binary"
    fi
    if [ "$seconds" = build ]; then
        echo "$binary"
        return 0
    fi

    local corpus=$build/corpus/$target crashes=$build/crashes/$target logs=$build/logs
    mkdir -p "$corpus" "$crashes" "$logs"
    if [ -d "Fuzz/Seeds/$target" ]; then cp -n "Fuzz/Seeds/$target"/* "$corpus"/ 2>/dev/null || true; fi
    local before after log status=0 runs started=$SECONDS
    before=$(find "$crashes" -type f | wc -l)
    log=$logs/$target-$(date +%Y%m%d-%H%M%S).log
    echo "fuzz.sh: fuzzing $target for $seconds s; corpus $corpus, crashes $crashes, log $log" >&2
    # Swift's own crash backtracer is off: it would catch a crash before libFuzzer and hang under ASan.
    SWIFT_BACKTRACE=enable=no "$binary" \
        -max_total_time="$seconds" -max_len="${FUZZ_MAX_LEN:-65536}" -timeout="${FUZZ_TIMEOUT:-10}" \
        -print_final_stats=1 -artifact_prefix="$crashes/" "$@" "$corpus" 2>&1 | tee "$log" || status=$?
    after=$(find "$crashes" -type f | wc -l)
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    echo "fuzz.sh: $target: ${runs:-?} executions in $((SECONDS - started)) s; $((after - before)) new file(s) in $crashes" >&2
    if [ "$status" -ne 0 ] || [ "$after" -gt "$before" ]; then
        echo "fuzz.sh: $target found a problem; reproduce it with: SWIFT_BACKTRACE=enable=no $binary $crashes/<file>" >&2
        exit 1
    fi
}

main "$@"
