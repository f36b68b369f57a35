# OpenSSL's libssl (libcrypto is found by the top level: the generator needs it anyway).
if(TARGET OpenSSL::SSL)
  set(MG_STACK_FOUND TRUE)
endif()
