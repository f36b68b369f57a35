/* The table of checks, in the order they run and print. The leaf's own checks come first: the
 * chain check leaves out what they already said about the leaf. */
#include "inspect_internal.h"

const mg_inspect_check mg_inspect_checks[] = {
    {"validity", mg_check_validity},
    {"purpose", mg_check_purpose},
    {"key-usage", mg_check_key_usage},
    {"name", mg_check_name},
    {"key", mg_check_key_strength},
    {"signature", mg_check_signature},
    {"extensions", mg_check_extensions},
    {"chain", mg_check_chain},
    {"revocation", mg_check_revocation},
    {"private-key", mg_check_private_key},
};

const size_t mg_inspect_check_count = sizeof mg_inspect_checks / sizeof mg_inspect_checks[0];
