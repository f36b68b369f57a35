/* Credentials that do not hold together: the key file is not the certificate's key. */
#include "profile.h"

static const mg_profile_row rows[] = {
    /* Its own certificate, but key.pem holds another P-256 key. */
    {.name = "%s-key-mismatch", .issuer = "%s-ca", .defect = "key-mismatch",
     .flags = MG_F_KEY_MISMATCH},
    /* The good certificate of "client"/"server", byte for byte, with the impostor's key. */
    {.name = "%s-impostor", .copy_of = "%s", .defect = "impostor-key"},
};

const mg_profile_table mg_profiles_credentials = MG_TABLE(rows);
