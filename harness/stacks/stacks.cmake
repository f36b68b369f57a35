# The registered TLS stacks, one line each, in the order case lists use. A stack is its
# folder beside this file (backend, reason table, stock-tool commands, inspect words, fuzz
# entry points, find.cmake) plus its line here. Each gets an option MTLSGRID_WITH_<STACK>:
# ON by default when its library is found (OFF for a stack registered EXPERIMENTAL: one whose
# backend is not finished, built only when asked for), an error when asked for and missing. A build
# needs at least one stack. Included by the top level, so what find.cmake finds is seen by
# every folder; MTLSGRID_STACKS lists the enabled stacks afterwards.
set(MTLSGRID_STACKS "")
set(MG_STACK_LIBRARIES "")
set(MTLSGRID_KNOWN_STACKS "") # registered, built or not
set(MG_STACKS_DIR ${CMAKE_CURRENT_LIST_DIR})

macro(mg_register_stack name)
  string(TOUPPER ${name} mg_upper)
  set(mg_experimental "${ARGN}")
  list(APPEND MTLSGRID_KNOWN_STACKS ${name})
  set(MG_STACK_FOUND FALSE)
  include(${MG_STACKS_DIR}/${name}/find.cmake)
  if(NOT DEFINED MTLSGRID_WITH_${mg_upper} AND mg_experimental STREQUAL "EXPERIMENTAL")
    set(mg_default OFF)
  elseif(NOT DEFINED MTLSGRID_WITH_${mg_upper})
    set(mg_default ${MG_STACK_FOUND})
  else()
    set(mg_default ${MTLSGRID_WITH_${mg_upper}})
  endif()
  option(MTLSGRID_WITH_${mg_upper} "Build the ${name} backend (ON when found)" ${mg_default})
  if(MTLSGRID_WITH_${mg_upper})
    if(NOT MG_STACK_FOUND)
      message(FATAL_ERROR "MTLSGRID_WITH_${mg_upper}=ON, but ${name}'s library was not found "
                          "(ci/deps installs it)")
    endif()
    list(APPEND MTLSGRID_STACKS ${name})
    list(APPEND MG_STACK_LIBRARIES mg_stack_${name})
  endif()
endmacro()

mg_register_stack(openssl)
mg_register_stack(gnutls)
mg_register_stack(wolfssl)
mg_register_stack(nss)

if(NOT MTLSGRID_STACKS)
  message(FATAL_ERROR "no TLS stack to build: install one (ci/deps) or turn a MTLSGRID_WITH_* on")
endif()
message(STATUS "mtlsgrid stacks: ${MTLSGRID_STACKS}")
