/* An NSPR I/O layer over mg_transport, the bottom of each SSL socket (PR_CreateIOLayerStub,
 * then SSL_ImportFD): one session runs over the in-memory pipe and over TCP alike. Nothing
 * to move now is PR_WOULD_BLOCK_ERROR, so NSS returns to the driver, which calls again once
 * the peer moved; a closed transport reads as the end of the stream. The methods NSS never
 * calls on a socket it did not connect itself stay NSPR's defaults. */
#include "nss_internal.h"

#include <prerror.h>
#include <prnetdb.h>

#include <string.h>

static PRDescIdentity layer_identity = PR_INVALID_IO_LAYER;
static PRIOMethods layer_methods;

static mg_session *session_of(PRFileDesc *fd) { return (mg_session *)(void *)fd->secret; }

static PRInt32 layer_recv(PRFileDesc *fd, void *buf, PRInt32 amount, PRIntn flags,
                          PRIntervalTime timeout)
{
    (void)flags, (void)timeout;
    mg_session *s = session_of(fd);
    if (amount <= 0) return 0;
    long n = s->io.recv(s->io.ctx, buf, (size_t)amount);
    if (n > 0) return (PRInt32)n;
    if (n == MG_TRANSPORT_WOULD_BLOCK) {
        PR_SetError(PR_WOULD_BLOCK_ERROR, 0);
        return -1;
    }
    s->transport_closed = true;
    return 0;
}

static PRInt32 layer_send(PRFileDesc *fd, const void *buf, PRInt32 amount, PRIntn flags,
                          PRIntervalTime timeout)
{
    (void)flags, (void)timeout;
    mg_session *s = session_of(fd);
    if (amount <= 0) return 0;
    long n = s->io.send(s->io.ctx, buf, (size_t)amount);
    if (n > 0) return (PRInt32)n;
    if (n == MG_TRANSPORT_WOULD_BLOCK) {
        PR_SetError(PR_WOULD_BLOCK_ERROR, 0);
        return -1;
    }
    s->transport_closed = true;
    PR_SetError(PR_CONNECT_RESET_ERROR, 0);
    return -1;
}

static PRInt32 layer_read(PRFileDesc *fd, void *buf, PRInt32 amount)
{
    return layer_recv(fd, buf, amount, 0, PR_INTERVAL_NO_TIMEOUT);
}

static PRInt32 layer_write(PRFileDesc *fd, const void *buf, PRInt32 amount)
{
    return layer_send(fd, buf, amount, 0, PR_INTERVAL_NO_TIMEOUT);
}

static PRStatus layer_close(PRFileDesc *fd)
{
    fd->secret = NULL;
    if (fd->dtor) fd->dtor(fd);
    return PR_SUCCESS;
}

/* NSS asks for the peer's address (the session cache key; the cache is off here). */
static PRStatus layer_address(PRFileDesc *fd, PRNetAddr *addr)
{
    (void)fd;
    return PR_InitializeNetAddr(PR_IpAddrLoopback, 0, addr);
}

static PRStatus layer_get_option(PRFileDesc *fd, PRSocketOptionData *data)
{
    (void)fd;
    if (data->option == PR_SockOpt_Nonblocking) {
        data->value.non_blocking = PR_TRUE;
        return PR_SUCCESS;
    }
    PR_SetError(PR_NOT_IMPLEMENTED_ERROR, 0);
    return PR_FAILURE;
}

static PRStatus layer_set_option(PRFileDesc *fd, const PRSocketOptionData *data)
{
    (void)fd, (void)data;
    return PR_SUCCESS;
}

static PRStatus layer_shutdown(PRFileDesc *fd, PRIntn how)
{
    (void)fd, (void)how;
    return PR_SUCCESS;
}

static MG_RESULT ensure_identity(void)
{
    if (layer_identity != PR_INVALID_IO_LAYER) return MG_OK;
    layer_identity = PR_GetUniqueIdentity("mtlsgrid transport");
    MG_ENSURE(layer_identity != PR_INVALID_IO_LAYER, MG_E_INTERNAL,
              "nss: PR_GetUniqueIdentity failed");
    layer_methods = *PR_GetDefaultIOMethods();
    layer_methods.file_type = PR_DESC_LAYERED;
    layer_methods.close = layer_close;
    layer_methods.read = layer_read;
    layer_methods.write = layer_write;
    layer_methods.recv = layer_recv;
    layer_methods.send = layer_send;
    layer_methods.getpeername = layer_address;
    layer_methods.getsockname = layer_address;
    layer_methods.getsocketoption = layer_get_option;
    layer_methods.setsocketoption = layer_set_option;
    layer_methods.shutdown = layer_shutdown;
    return MG_OK;
}

MG_RESULT mg_nss_transport_fd(mg_session *s, PRFileDesc **out)
{
    MG_GUARD(ensure_identity());
    *out = PR_CreateIOLayerStub(layer_identity, &layer_methods);
    MG_ENSURE(*out, MG_E_INTERNAL, "nss: PR_CreateIOLayerStub failed");
    (*out)->secret = (PRFilePrivate *)(void *)s;
    return MG_OK;
}
