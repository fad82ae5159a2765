#!/usr/bin/env bash
# Builds the UOS store package in a second tree: only the shipped programs (no tests, no benchmarks), through
# ccache when it is installed, so a later run recompiles only what changed.
# usage: build-uos.sh SOURCE_DIR BUILD_DIR GENERATOR BUILD_TYPE CXX_COMPILER
set -euo pipefail
src=$1 bin=$2 generator=$3 build_type=${4:-RelWithDebInfo} cxx=${5:-c++}
launcher=()
if command -v ccache >/dev/null; then
  # Paths relative to the source tree and no working directory in the hash: this tree then shares entries with
  # a sibling tree of the same depth (build/), and keeps its own from one run to the next.
  export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$src} CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
start=$SECONDS
cmake -S "$src" -B "$bin" -G "$generator" -DCMAKE_BUILD_TYPE="$build_type" -DCMAKE_CXX_COMPILER="$cxx" \
  -DWINDOWDESK_LAYOUT=uos -DWINDOWDESK_BUILD_TESTS=OFF -DWINDOWDESK_BUILD_BENCH=OFF "${launcher[@]}" >/dev/null
cmake --build "$bin" --target package
echo "UOS package built in $((SECONDS - start)) s"
