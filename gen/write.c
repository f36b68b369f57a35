/* Files of the matrix: "<tmp dir>/<artifact>/<file>", private keys created 0600 from the
 * start (never world-readable, not even for an instant); through the generator's file writer
 * when it has one (file_writer.h), else at once. */
#include "gen_internal.h"

#include "file_writer.h"
#include "path_join.h"

#include <openssl/bio.h>

MG_RESULT mg_write_file(mg_gen *g, const char *name, const char *file, const void *data,
                        size_t len, int mode)
{
    char path[4096];
    if (name != NULL)
        MG_GUARD(mg_path_format(path, sizeof path, "%s/%s/%s", g->dir, name, file));
    else
        MG_GUARD(mg_path_join(path, sizeof path, g->dir, file));
    g->files++;
    if (g->writer) return mg_file_writer_put(g->writer, path, data, len, mode);
    char why[MG_FILE_WRITE_WHY_MAX];
    MG_ENSURE(mg_file_write_now(path, data, len, mode, why, sizeof why), MG_E_IO, "%s", why);
    return MG_OK;
}

MG_RESULT mg_write_bio(mg_gen *g, const char *name, const char *file, BIO *bio, int mode)
{
    char *data = NULL;
    long len = BIO_get_mem_data(bio, &data);
    MG_ENSURE(len >= 0, MG_E_INTERNAL, "no data for %s/%s", name, file);
    return mg_write_file(g, name, file, data, (size_t)len, mode);
}
