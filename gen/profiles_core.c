/* The good hierarchies every scenario starts from. The server trusts only client-root and
 * the client only server-root (trust separation), so each side has its own tree. */
#include "profile.h"

static const mg_profile_row rows[] = {
    {.name = "%s-root", .kind = MG_KIND_ROOT},
    {.name = "%s-ca", .issuer = "%s-root", .kind = MG_KIND_CA},
    {.name = "%s", .issuer = "%s-ca"},
};

const mg_profile_table mg_profiles_core = MG_TABLE(rows);
