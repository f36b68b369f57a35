/* Time: leaf, intermediate and root outside their validity at the reference time. The CA
 * variants get their own sub-hierarchies, so the good chains stay good. */
#include "profile.h"

static const mg_profile_row rows[] = {
    {.name = "%s-expired", .issuer = "%s-ca", .defect = "expired", .window = MG_WINDOW_EXPIRED},
    {.name = "%s-not-yet-valid", .issuer = "%s-ca", .defect = "not-yet-valid",
     .window = MG_WINDOW_NOT_YET_VALID},
    {.name = "%s-ca-expired", .issuer = "%s-root", .kind = MG_KIND_CA, .defect = "expired",
     .window = MG_WINDOW_EXPIRED},
    {.name = "%s-via-ca-expired", .issuer = "%s-ca-expired", .defect = "intermediate-expired"},
    {.name = "%s-ca-not-yet-valid", .issuer = "%s-root", .kind = MG_KIND_CA,
     .defect = "not-yet-valid", .window = MG_WINDOW_NOT_YET_VALID},
    {.name = "%s-via-ca-not-yet-valid", .issuer = "%s-ca-not-yet-valid",
     .defect = "intermediate-not-yet-valid"},
    {.name = "%s-root-expired", .kind = MG_KIND_ROOT, .defect = "expired",
     .window = MG_WINDOW_EXPIRED},
    {.name = "%s-ca-under-root-expired", .issuer = "%s-root-expired", .kind = MG_KIND_CA},
    {.name = "%s-via-root-expired", .issuer = "%s-ca-under-root-expired", .defect = "root-expired"},
};

const mg_profile_table mg_profiles_time = MG_TABLE(rows);
