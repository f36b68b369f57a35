/* Fuzz target flight_openssl: the input is a client's flight after the fixed ClientHello, sent
 * to a openssl server that requires a client certificate (see flight.h). */
#include "flight.h"
#include "fuzz_target.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)mg_flight_openssl_serve(data, size, NULL);
    return 0;
}
