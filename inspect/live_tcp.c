/* inspect --connect's TCP connection, within the deadline of both attempts, in its words. */
#include "live_internal.h"

#include "socket_deadline.h"

#include <errno.h>
#include <netdb.h>
#include <string.h>

mg_result mg_live_tcp_connect(const mg_live_request *req, double deadline, int *fd)
{
    mg_connect_failure why;
    *fd = mg_connect_until(req->host, req->port, deadline, &why);
    if (*fd >= 0) return MG_OK;
    MG_ENSURE(why.resolve_error == 0, MG_E_USAGE, "inspect: --connect %s: cannot resolve %s: %s",
              req->target, req->host, gai_strerror(why.resolve_error));
    if (why.connect_error == ETIMEDOUT)
        return mg_fail(MG_E_IO, "inspect: --connect %s: no connection within --timeout",
                       req->target);
    return mg_fail(MG_E_IO, "inspect: --connect %s: cannot connect: %s", req->target,
                   strerror(why.connect_error));
}
