# Instrumented stacks (included by fuzz/CMakeLists.txt). MTLSGRID_FUZZ_STACKS names the
# prefix where ci/build-instrumented-stacks (or .clusterfuzzlite/build.sh) installed static,
# sanitizer- and coverage-instrumented stack libraries. The top level finds them there when
# configured with -DCMAKE_PREFIX_PATH=PREFIX -DOPENSSL_USE_STATIC_LIBS=TRUE (each stack's
# find.cmake runs before this folder is read). Each stack's
# harness/stacks/<stack>/fuzz/instrumented.cmake checks that its libraries did come from
# there, so that a fuzz build never links the system's libraries while claiming the
# instrumented ones, and adds what its static library needs; a stack without one links what
# its find.cmake found, and the configure step says so.
set(MTLSGRID_FUZZ_STACKS "" CACHE PATH
    "Prefix of the instrumented static stack libraries (empty: the system libraries)")
if(NOT MTLSGRID_FUZZ_STACKS)
  return()
endif()
if(NOT MTLSGRID_FUZZ)
  message(FATAL_ERROR "MTLSGRID_FUZZ_STACKS is for the libFuzzer build (-DMTLSGRID_FUZZ=ON)")
endif()

set(MG_FUZZ_STACKS_PREFIX ${MTLSGRID_FUZZ_STACKS})
set(MG_FUZZ_STACKS_HINT "configure with -DCMAKE_PREFIX_PATH=${MG_FUZZ_STACKS_PREFIX} "
                        "-DOPENSSL_USE_STATIC_LIBS=TRUE in a fresh build folder")

# mg_fuzz_require_instrumented(VAR...): each VAR holds one static library of the prefix.
function(mg_fuzz_require_instrumented)
  foreach(found ${ARGN})
    if(NOT "${${found}}" MATCHES "^${MG_FUZZ_STACKS_PREFIX}/lib/[^;]*\\.a$")
      message(FATAL_ERROR "MTLSGRID_FUZZ_STACKS=${MG_FUZZ_STACKS_PREFIX}, but ${found} is "
                          "'${${found}}', not a static library there: " ${MG_FUZZ_STACKS_HINT})
    endif()
  endforeach()
endfunction()

foreach(stack ${MTLSGRID_STACKS})
  if(EXISTS ${MG_STACKS_DIR}/${stack}/fuzz/instrumented.cmake)
    include(${MG_STACKS_DIR}/${stack}/fuzz/instrumented.cmake)
    message(STATUS "Fuzz targets link the instrumented ${stack} in ${MG_FUZZ_STACKS_PREFIX}")
  else()
    message(WARNING "${stack} has no instrumented build (harness/stacks/${stack}/fuzz/"
                    "instrumented.cmake): its fuzz targets link the library its find.cmake "
                    "found, without coverage inside it")
  endif()
endforeach()
