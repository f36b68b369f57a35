/* Manifest entries as the generator makes them (manifest.c reads them back). */
#include "gen_internal.h"

#include <stdio.h>

json_t *mg_manifest_entry(const char *name, const char *kind, const char *role,
                          const char *profile, const char *issuer, const char *defect)
{
    json_t *defects = json_array();
    if (defect && defects) json_array_append_new(defects, json_string(defect));
    return json_pack("{s:s, s:s, s:s, s:s, s:s, s:o*, s:o}", "name", name, "kind", kind, "role",
                     role, "profile", profile, "issuer", issuer, "defects", defects, "files",
                     json_object());
}

MG_RESULT mg_manifest_add(mg_gen *g, json_t *entry)
{
    MG_ENSURE(entry != NULL, MG_E_INTERNAL, "out of memory building the manifest");
    if (g->verbose) {
        json_t *defects = json_object_get(entry, "defects");
        printf("  %-44s %-4s %-12s %s\n", json_string_value(json_object_get(entry, "name")),
               json_string_value(json_object_get(entry, "kind")),
               json_string_value(json_object_get(entry, "role")),
               json_array_size(defects) ? json_string_value(json_array_get(defects, 0)) : "-");
    }
    MG_ENSURE(json_array_append_new(g->artifacts, entry) == 0, MG_E_INTERNAL,
              "out of memory building the manifest");
    return MG_OK;
}
