# The OpenSSL backend on OpenSSL 1.1.1 (find.cmake set MG_OPENSSL_BACKEND_1_1): a shared object
# linked with 1.1.1's libssl.so.1.1 and libcrypto.so.1.1, in a process whose generator,
# credentials, inspect, limbo... use the system's libcrypto.so.3. Both can be loaded at once
# because each exports versioned symbols (OPENSSL_1_1_0.., OPENSSL_3.0.0) and every reference
# names the version it was linked against; tests/test_versions.py checks the bindings.
#  - It is compiled against 1.1.1's headers alone (ossl_compat.h spells 3.0's names for it).
#  - It holds only the backend's own code: what it calls in mg_backend and mg_common resolves
#    to the one copy in the program (the linker exports what a linked shared object needs), so
#    state such as the last error message is shared, not duplicated.
#  - Its version script exports the stack table (and the reason tables its unit test reads);
#    -Bsymbolic binds its own calls inside it.
add_library(mg_stack_openssl SHARED ${MG_STACK_SOURCES})
set_target_properties(mg_stack_openssl PROPERTIES
  LIBRARY_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/lib
  BUILD_RPATH ${MTLSGRID_OPENSSL_ROOT}/lib
  INSTALL_RPATH ${MTLSGRID_OPENSSL_ROOT}/lib
  LINK_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/backend_1_1.map)
target_include_directories(mg_stack_openssl BEFORE PRIVATE ${MTLSGRID_OPENSSL_ROOT}/include)
target_include_directories(mg_stack_openssl PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}
  PRIVATE $<TARGET_PROPERTY:mg_backend,INTERFACE_INCLUDE_DIRECTORIES>)
target_link_libraries(mg_stack_openssl PRIVATE ${MG_OPENSSL_1_1_SSL} ${MG_OPENSSL_1_1_CRYPTO}
  INTERFACE mg_backend)
target_link_options(mg_stack_openssl PRIVATE -Wl,-Bsymbolic
  -Wl,--version-script=${CMAKE_CURRENT_SOURCE_DIR}/backend_1_1.map)

# The stack's own unit tests (tests/CMakeLists.txt makes them, after this folder) compare
# native codes with X509_V_ERR_* numbers, which 1.1.1 numbers differently (its 24 is 3.0's
# 79): once every target exists, they get 1.1.1's headers too.
function(mg_openssl_1_1_unit_tests)
  file(GLOB tests ${MG_STACKS_DIR}/openssl/tests/*_test.c)
  foreach(test_source ${tests})
    get_filename_component(test_name ${test_source} NAME_WE)
    if(TARGET ${test_name})
      target_include_directories(${test_name} BEFORE PRIVATE ${MTLSGRID_OPENSSL_ROOT}/include)
    endif()
  endforeach()
endfunction()
cmake_language(DEFER DIRECTORY ${PROJECT_SOURCE_DIR} CALL mg_openssl_1_1_unit_tests)
