# Each enabled stack's fuzz entry points (included by CMakeLists.txt). A stack that has any
# keeps them in harness/stacks/<stack>/fuzz/, whose fuzz.cmake calls
#   mg_fuzz_stack(<stack> ENTRIES <entry>...)
# That makes the library mg_fuzz_<stack> from the folder's *.c (linked with mg_fuzz_support and
# the stack's backend library; a stack needing more links it to mg_fuzz_<stack> after the
# call) and records the entries it defines (mg_fuzz_<stack>_<entry>, lib/fuzz_entry.h) in
# MG_FUZZ_ENTRIES_<stack>. A stack without a fuzz/fuzz.cmake has no fuzz targets.
function(mg_fuzz_stack stack)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "ENTRIES")
  if(NOT arg_ENTRIES)
    message(FATAL_ERROR "mg_fuzz_stack(${stack}): no ENTRIES")
  endif()
  # Called from the stack's fuzz.cmake, so CMAKE_CURRENT_LIST_DIR is that folder.
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.c)
  add_library(mg_fuzz_${stack} STATIC ${sources})
  target_include_directories(mg_fuzz_${stack} PRIVATE ${CMAKE_CURRENT_LIST_DIR})
  target_link_libraries(mg_fuzz_${stack} PUBLIC mg_fuzz_support mg_stack_${stack})
  set(MG_FUZZ_ENTRIES_${stack} ${arg_ENTRIES} PARENT_SCOPE)
endfunction()

foreach(stack ${MTLSGRID_STACKS})
  set(MG_FUZZ_ENTRIES_${stack} "")
  if(EXISTS ${MG_STACKS_DIR}/${stack}/fuzz/fuzz.cmake)
    include(${MG_STACKS_DIR}/${stack}/fuzz/fuzz.cmake)
  endif()
  message(STATUS "fuzz entry points of ${stack}: ${MG_FUZZ_ENTRIES_${stack}}")
endforeach()

# mg_fuzz_stacks_with(ENTRY OUT): the enabled stacks that have ENTRY, in registration order.
function(mg_fuzz_stacks_with entry out)
  set(stacks "")
  foreach(stack ${MTLSGRID_STACKS})
    if(entry IN_LIST MG_FUZZ_ENTRIES_${stack})
      list(APPEND stacks ${stack})
    endif()
  endforeach()
  set(${out} ${stacks} PARENT_SCOPE)
endfunction()
