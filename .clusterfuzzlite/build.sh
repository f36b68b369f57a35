#!/bin/bash -eu
# ClusterFuzzLite / OSS-Fuzz build: honours $CC, $CFLAGS (sanitizers and
# -fsanitize=fuzzer-no-link), $LIB_FUZZING_ENGINE and $OUT. Writes to $OUT each target of
# fuzz/targets.list, its <target>_seed_corpus.zip (made by the seed maker from a gen matrix),
# <target>.dict and <target>.options.
src=${SRC:-$(cd "$(dirname "$0")/.." && pwd)}/mtlsgrid
[ -d "$src" ] || src=$(cd "$(dirname "$0")/.." && pwd)
build=$WORK/mtlsgrid-build

# The build-time tools (gen, the seed maker) run under the sanitizers too; a leak report
# from them must fail the build, not hide.
cmake -S "$src" -B "$build" -DMTLSGRID_FUZZ=ON -DMTLSGRID_FUZZ_BUNDLE_LIBS=ON \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER="$CC" -DCMAKE_C_FLAGS="$CFLAGS"
targets=$(grep -E '^[a-z]' "$src/fuzz/targets.list" | awk '{print "fuzz_" $1}')
cmake --build "$build" -j"$(nproc)" --target $targets

# The runner image has no OpenSSL 3 or GnuTLS: the shared libraries the targets use (all but
# the C library's own) travel in $OUT/lib, where the targets' RPATH ($ORIGIN/lib) finds them.
mkdir -p "$OUT/lib"
grep -E '^[a-z]' "$src/fuzz/targets.list" | while read -r name corpus dict max_len; do
    cp "$build/fuzz/bin/$name" "$OUT/$name"
    ldd "$build/fuzz/bin/$name" | awk '$3 ~ /^\// {print $3}' |
        grep -vE '/(libc|libm|libpthread|libdl|librt|ld-linux[^/]*)\.so' |
        while read -r lib; do cp -n "$lib" "$OUT/lib/" || true; done
    (cd "$build/fuzz/corpus/$corpus" && zip -q -r "$OUT/${name}_seed_corpus.zip" .)
    if [ -n "$(ls -A "$src/fuzz/regressions/$name" 2>/dev/null | grep -v '^\.')" ]; then
        (cd "$src/fuzz/regressions/$name" && zip -q -r "$OUT/${name}_seed_corpus.zip" . -x '.*')
    fi
    cp "$src/fuzz/dict/$dict.dict" "$OUT/$name.dict"
    printf '[libfuzzer]\ndict = %s.dict\nmax_len = %s\ntimeout = 10\n' "$name" "$max_len" \
        >"$OUT/$name.options"
done
