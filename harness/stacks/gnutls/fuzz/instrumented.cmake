# GnuTLS from the instrumented prefix (fuzz/stacks/stacks.cmake), and what a static
# libgnutls.a needs. gnutls.pc: Requires.private (libtasn1 from the prefix, static; nettle,
# hogweed and libidn2 from the system, shared) and Libs.private (gmp, unistring, atomic).
# libtasn1 is looked up apart: through pkg-config, the system's folder would be searched first.
mg_fuzz_require_instrumented(GNUTLS_LINK_LIBRARIES)
find_library(MG_FUZZ_TASN1 NAMES libtasn1.a PATHS ${MG_FUZZ_STACKS_PREFIX}/lib NO_DEFAULT_PATH
             REQUIRED)
pkg_check_modules(MG_FUZZ_GNUTLS_PRIVATE REQUIRED nettle hogweed libidn2)
find_library(MG_FUZZ_GMP gmp REQUIRED)
find_library(MG_FUZZ_UNISTRING unistring REQUIRED)
set_property(TARGET PkgConfig::GNUTLS APPEND PROPERTY INTERFACE_LINK_LIBRARIES
             ${MG_FUZZ_TASN1} ${MG_FUZZ_GNUTLS_PRIVATE_LINK_LIBRARIES} ${MG_FUZZ_GMP}
             ${MG_FUZZ_UNISTRING} atomic Threads::Threads)
