#!/bin/bash -eu
# ClusterFuzzLite / OSS-Fuzz build: honours $CC, $CFLAGS (sanitizers and
# -fsanitize=fuzzer-no-link), $LIB_FUZZING_ENGINE and $OUT. First builds libtasn1, GnuTLS and
# OpenSSL from the upstream sources the Dockerfile unpacked in $SRC, static and with $CFLAGS,
# through the recipe ci/fuzz uses (fuzz/stacks/build-stack), so the targets fuzz inside the
# stacks. Then writes to $OUT each target the build has (fuzz/targets.list × the stacks' entry
# points, listed by the configure step in BUILD/fuzz/targets.txt), its
# <target>_seed_corpus.zip (made by the seed maker from a gen matrix), <target>.dict and
# <target>.options.
src=${SRC:-$(cd "$(dirname "$0")/.." && pwd)}/mtlsgrid
[ -d "$src" ] || src=$(cd "$(dirname "$0")/.." && pwd)
build=$WORK/mtlsgrid-build
stacks=$WORK/stacks

# OSS-Fuzz's CFLAGS define FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION; GnuTLS then swaps in a
# fixed random generator and skips the Finished check. The stacks are built without it so
# that what is fuzzed is the library as shipped, and the same library ci/fuzz fuzzes.
stack_cflags=$(echo " $CFLAGS " | sed 's/ -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION / /g')
# The libraries in dependency order, as the Dockerfile fetched them into $SRC (the stacks'
# build recipe, fuzz/stacks/build-stack, knows each by this name).
for lib in libtasn1 gnutls openssl; do
    STACK_CFLAGS="$stack_cflags" JOBS="$(nproc)" CC="$CC" \
        "$src/fuzz/stacks/build-stack" "$lib" "${STACKS_SRC:-$SRC}/$lib" "$stacks"
done

# The build-time tools (gen, the seed maker) run under the sanitizers too; a leak report
# from them must fail the build, not hide.
cmake -S "$src" -B "$build" -DMTLSGRID_FUZZ=ON -DMTLSGRID_FUZZ_BUNDLE_LIBS=ON \
      -DMTLSGRID_FUZZ_STACKS="$stacks" -DCMAKE_PREFIX_PATH="$stacks" -DOPENSSL_USE_STATIC_LIBS=TRUE \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER="$CC" -DCMAKE_C_FLAGS="$CFLAGS"
targets_txt=$build/fuzz/targets.txt
mapfile -t targets < <(grep -E '^[a-z]' "$targets_txt" | awk '{print "fuzz_" $1}')
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}"

# The runner image lacks some of the shared libraries the targets use (nettle, gmp, idn2,
# unistring, inih; the stacks themselves are linked in statically): they travel in
# $OUT/lib, where the targets' RPATH ($ORIGIN/lib) finds them.
mkdir -p "$OUT/lib"
grep -E '^[a-z]' "$targets_txt" | while read -r name corpus dict max_len; do
    cp "$build/fuzz/bin/$name" "$OUT/$name"
    ldd "$build/fuzz/bin/$name" | awk '$3 ~ /^\// {print $3}' |
        grep -vE '/(libc|libm|libpthread|libdl|librt|ld-linux[^/]*)\.so' |
        while read -r lib; do cp -n "$lib" "$OUT/lib/" || true; done
    (cd "$build/fuzz/corpus/$corpus" && zip -q -r "$OUT/${name}_seed_corpus.zip" .)
    if find "$src/fuzz/regressions/$name" -type f ! -name '.*' | grep -q .; then
        (cd "$src/fuzz/regressions/$name" && zip -q -r "$OUT/${name}_seed_corpus.zip" . -x '.*')
    fi
    cp "$src/fuzz/dict/$dict.dict" "$OUT/$name.dict"
    printf '[libfuzzer]\ndict = %s.dict\nmax_len = %s\ntimeout = 10\n' "$name" "$max_len" \
        >"$OUT/$name.options"
done
