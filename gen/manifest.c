/* Reads DIR/manifest.json (written by gen.c) into mg_manifest, with absolute paths. */
#include "manifest.h"

#include "path_join.h"
#include "read_file.h"

#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

static const char *text_of(json_t *obj, const char *key)
{
    return json_string_value(json_object_get(obj, key));
}

/* "<dir>/<relative>" for files["key"], NULL when absent. */
static char *file_path(const char *dir, json_t *files, const char *key)
{
    const char *rel = text_of(files, key);
    if (rel == NULL) return NULL;
    size_t len = strlen(dir) + strlen(rel) + 2;
    char *path = malloc(len);
    if (path && !mg_ok(mg_path_join(path, len, dir, rel))) { /* sized to fit: never */
        free(path);
        return NULL;
    }
    return path;
}

static int64_t int_of(json_t *obj, const char *key)
{
    return (int64_t)json_integer_value(json_object_get(obj, key));
}

static MG_RESULT load_artifact(const char *dir, const char *manifest_path, size_t index,
                               json_t *entry, mg_artifact *a)
{
    const char *name = text_of(entry, "name");
    json_t *defects = json_object_get(entry, "defects");
    json_t *files = json_object_get(entry, "files");
    MG_ENSURE(name && text_of(entry, "kind") && json_is_array(defects) && json_is_object(files),
              MG_E_INPUT, "%s: artifact %zu lacks name, kind, defects or files", manifest_path,
              index);
    MG_ENSURE(strchr(name, '/') == NULL && strcmp(name, "..") != 0, MG_E_INPUT,
              "%s: artifact name \"%s\" is not a plain name", manifest_path, name);
    a->name = strdup(name);
    a->kind = dup_or_null(text_of(entry, "kind"));
    a->role = dup_or_null(text_of(entry, "role"));
    a->profile = dup_or_null(text_of(entry, "profile"));
    a->issuer = dup_or_null(text_of(entry, "issuer"));
    a->defects = calloc(json_array_size(defects) + 1, sizeof *a->defects);
    MG_ENSURE(a->name && a->defects, MG_E_INTERNAL, "out of memory loading %s", manifest_path);
    for (size_t i = 0; i < json_array_size(defects); i++) {
        const char *d = json_string_value(json_array_get(defects, i));
        MG_ENSURE(d != NULL, MG_E_INPUT, "%s: artifact %s: defects must be strings",
                  manifest_path, name);
        a->defects[a->defect_count++] = strdup(d);
    }
    a->cert_pem = file_path(dir, files, "cert_pem");
    a->cert_der = file_path(dir, files, "cert_der");
    a->key_pem = file_path(dir, files, "key_pem");
    a->chain_pem = file_path(dir, files, "chain_pem");
    a->crl_pem = file_path(dir, files, "crl_pem");
    a->ocsp_der = file_path(dir, files, "ocsp_der");
    a->p12 = file_path(dir, files, "p12");
    a->p12_password = dup_or_null(text_of(entry, "p12_password"));
    a->key_type = dup_or_null(text_of(entry, "key_type"));
    a->host = dup_or_null(text_of(entry, "host"));
    a->root = dup_or_null(text_of(entry, "root"));
    a->about = dup_or_null(text_of(entry, "about"));
    a->not_before = int_of(entry, "not_before");
    a->not_after = int_of(entry, "not_after");
    return MG_OK;
}

static MG_RESULT load_root(const char *dir, const char *path, json_t *root, mg_manifest *out)
{
    json_t *artifacts = json_object_get(root, "artifacts");
    MG_ENSURE(json_is_object(root) && json_is_array(artifacts) && text_of(root, "time_mode")
                  && json_is_integer(json_object_get(root, "reference_time")),
              MG_E_INPUT, "%s: not a matrix manifest (needs time_mode, reference_time, artifacts)",
              path);
    out->time_mode = strdup(text_of(root, "time_mode"));
    out->seed = dup_or_null(text_of(root, "seed"));
    out->reference_time = int_of(root, "reference_time");
    out->artifacts = calloc(json_array_size(artifacts) + 1, sizeof *out->artifacts);
    MG_ENSURE(out->time_mode && out->artifacts, MG_E_INTERNAL, "out of memory loading %s", path);
    for (size_t i = 0; i < json_array_size(artifacts); i++) {
        out->count++;
        MG_GUARD(load_artifact(dir, path, i, json_array_get(artifacts, i), &out->artifacts[i]));
    }
    return MG_OK;
}

MG_RESULT mg_manifest_load(const char *dir, mg_manifest *out)
{
    memset(out, 0, sizeof *out);
    MG_ENSURE(dir != NULL && dir[0], MG_E_USAGE, "no matrix folder given");
    char absolute[PATH_MAX];
    MG_ENSURE(realpath(dir, absolute) != NULL, MG_E_IO, "matrix folder %s: %s", dir,
              strerror(errno));
    char path[PATH_MAX + 16];
    MG_GUARD(mg_path_join(path, sizeof path, absolute, "manifest.json"));
    if (access(path, F_OK) == 0) /* a FIFO would block the load, a huge file fill memory */
        MG_GUARD(mg_check_regular_file("matrix", path, MG_READ_CAP_DATA));
    json_error_t error;
    json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &error);
    if (root == NULL) {
        FILE *probe = fopen(path, "r");
        if (probe == NULL)
            return mg_fail(MG_E_IO, "%s: %s (not a matrix folder? make one with mtlsgrid gen)",
                           path, strerror(errno));
        fclose(probe);
        return mg_fail(MG_E_INPUT, "%s:%d: %s", path, error.line, error.text);
    }
    out->dir = strdup(absolute);
    mg_result r = out->dir ? load_root(absolute, path, root, out)
                           : mg_fail(MG_E_INTERNAL, "out of memory loading %s", path);
    json_decref(root);
    if (!mg_ok(r)) mg_manifest_free(out);
    return r;
}

const mg_artifact *mg_manifest_find(const mg_manifest *manifest, const char *name)
{
    if (manifest == NULL || name == NULL) return NULL;
    for (size_t i = 0; i < manifest->count; i++)
        if (manifest->artifacts[i].name && strcmp(manifest->artifacts[i].name, name) == 0)
            return &manifest->artifacts[i];
    return NULL;
}

static void artifact_free(mg_artifact *a)
{
    char *fields[] = {a->name, a->kind, a->role, a->profile, a->issuer, a->cert_pem,
                      a->cert_der, a->key_pem, a->chain_pem, a->crl_pem, a->ocsp_der, a->p12,
                      a->p12_password, a->key_type, a->host, a->root, a->about};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) free(fields[i]);
    for (size_t i = 0; i < a->defect_count; i++) free(a->defects[i]);
    free(a->defects);
}

void mg_manifest_free(mg_manifest *manifest)
{
    if (manifest == NULL) return;
    for (size_t i = 0; i < manifest->count; i++) artifact_free(&manifest->artifacts[i]);
    free(manifest->artifacts);
    free(manifest->dir);
    free(manifest->time_mode);
    free(manifest->seed);
    memset(manifest, 0, sizeof *manifest);
}
