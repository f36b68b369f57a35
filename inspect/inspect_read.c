/* inspect reads certificates and CRLs through the one credential reader (credentials/), so
 * its messages are handshake's: the file, the line, what is wrong. */
#include "inspect_read.h"

#include "credential_read.h"

mg_result mg_inspect_read_certs(const char *path, STACK_OF(X509) **out)
{
    return mg_credential_read_certs(path, out);
}

mg_result mg_inspect_read_crls(const char *path, STACK_OF(X509_CRL) **out)
{
    return mg_credential_read_crls(path, out);
}
