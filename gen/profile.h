/* Certificate profiles as data: one row per artifact (or per pair of artifacts, one for the
 * client side and one for the server side). Text fields may hold "%s", replaced by the side
 * ("client" or "server") when the row is expanded; zero fields mean "the usual for this kind
 * and side" (spec.c), so a row states only its defect. */
#ifndef MG_PROFILE_H
#define MG_PROFILE_H

#include "keys.h"

#include <stddef.h>

typedef enum { MG_SIDE_CLIENT = 1, MG_SIDE_SERVER = 2 } mg_side;

typedef enum {
    MG_KIND_LEAF = 0, /* end entity of the row's side */
    MG_KIND_ROOT,     /* self-signed CA */
    MG_KIND_CA,       /* intermediate CA */
    MG_KIND_RESPONDER /* delegated OCSP responder */
} mg_cert_kind;

/* Validity windows, relative to the reference time (window.c gives the seconds). */
typedef enum { MG_WINDOW_VALID = 0, MG_WINDOW_EXPIRED, MG_WINDOW_NOT_YET_VALID } mg_window;

/* Extended key usage purposes; 0 = the side's own (serverAuth or clientAuth). */
enum {
    MG_EKU_SERVER = 1u << 0,
    MG_EKU_CLIENT = 1u << 1,
    MG_EKU_CODE = 1u << 2,
    MG_EKU_EMAIL = 1u << 3,
    MG_EKU_ANY = 1u << 4,
    MG_EKU_OCSP = 1u << 5,
    MG_EKU_ABSENT = 1u << 6, /* no extendedKeyUsage extension at all */
};

/* Key usage bits; 0 = usual (leaf: digitalSignature; CA: + keyCertSign, cRLSign). */
enum {
    MG_KU_DIGITAL_SIGNATURE = 1u << 0,
    MG_KU_KEY_ENCIPHERMENT = 1u << 1,
    MG_KU_KEY_AGREEMENT = 1u << 2,
    MG_KU_CERT_SIGN = 1u << 3,
    MG_KU_CRL_SIGN = 1u << 4,
    MG_KU_ABSENT = 1u << 5,
};

/* One defect (or feature) each. */
enum {
    MG_F_NO_BASIC_CONSTRAINTS = 1u << 0,
    MG_F_CA_FALSE = 1u << 1,            /* a CA row whose basicConstraints say CA:FALSE */
    MG_F_BC_NONCRITICAL = 1u << 2,
    MG_F_PATHLEN0 = 1u << 3,
    MG_F_SHA1 = 1u << 4,                /* signed with SHA-1 */
    MG_F_BAD_SIGNATURE = 1u << 5,       /* signature bytes corrupted after signing */
    MG_F_CRITICAL_UNKNOWN = 1u << 6,    /* an unknown extension marked critical */
    MG_F_KEY_MISMATCH = 1u << 7,        /* key file holds another key than the certificate's */
    MG_F_CHAIN_UNORDERED = 1u << 8,     /* chain file lists the issuers root-side first */
    MG_F_AKI_MISMATCH = 1u << 9,        /* authorityKeyIdentifier names another key */
    MG_F_DUPLICATE_EXTENSION = 1u << 10,/* the SAN extension twice */
    MG_F_EMPTY_SAN = 1u << 11,          /* a SAN extension holding no names */
    MG_F_OCSP_NOCHECK = 1u << 12,
    MG_F_REQUIRE_POLICY = 1u << 13,     /* CA: policyConstraints requireExplicitPolicy:0 */
    MG_F_POLICY = 1u << 14,             /* certificatePolicies holding the test policy */
    MG_F_NO_KEY_IDS = 1u << 15,         /* neither subject nor authority key identifier */
    MG_F_LEAF_CA = 1u << 16,            /* a leaf whose basicConstraints say CA:TRUE */
    MG_F_V1 = 1u << 17,                 /* an X.509 v1 certificate: no extensions at all */
    MG_F_V2 = 1u << 18,                 /* an X.509 v2 certificate: no extensions either */
    MG_F_CRLDP_EDI = 1u << 19,          /* crlDistributionPoints naming an EDIPartyName */
    MG_F_CRLDP_X400 = 1u << 20,         /* crlDistributionPoints naming an x400Address */
    MG_F_POLICY_OTHER = 1u << 21,       /* certificatePolicies holding another policy only */
    MG_F_POLICY_TREE = 1u << 22,        /* CA: several policies, each mapped to the others */
    MG_F_SAN_URI_NUL = 1u << 23,        /* SAN: the side's DNS name and a URI with a NUL */
    MG_F_EC_EXPLICIT = 1u << 24,        /* EC key encoded with explicit curve parameters */
    MG_F_EC_COMPRESSED = 1u << 25,      /* EC points in the SPKI compressed */
    MG_F_UNKNOWN_KEY_ALG = 1u << 26,    /* SPKI algorithm an OID no stack knows */
};

typedef struct {
    const char *name;      /* artifact name, e.g. "%s-expired" */
    const char *issuer;    /* issuing artifact; NULL: self-signed */
    const char *defect;    /* the defect, by name (manifest "defects"); NULL: none */
    const char *feature;   /* or what is special but valid (manifest "features") */
    mg_cert_kind kind;
    unsigned only;         /* 0: both sides; else MG_SIDE_CLIENT or MG_SIDE_SERVER */
    const char *cn;        /* NULL: side default (leaf) or the artifact name (CA) */
    const char *san;       /* NULL: side default; "": no SAN; else "DNS:a,IP:b" */
    const char *host;      /* server leaves: the name a client verifies; NULL: default */
    const char *name_constraints; /* nameConstraints value, e.g. "critical,permitted;..." */
    const char *copy_of;   /* the certificate is that artifact's, byte for byte */
    const char *key_label; /* NULL: the artifact's own key */
    mg_key_type key;
    mg_window window;
    unsigned eku, ku, flags;
} mg_profile_row;

typedef struct {
    const mg_profile_row *rows;
    size_t count;
} mg_profile_table;

/* The families, each in its own profiles_*.c file, in the order they must be issued. */
extern const mg_profile_table mg_profiles_core, mg_profiles_purpose, mg_profiles_names,
    mg_profiles_time, mg_profiles_chain, mg_profiles_algorithms, mg_profiles_extensions,
    mg_profiles_credentials, mg_profiles_revocation, mg_profiles_advisories;

#define MG_TABLE(rows) {rows, sizeof rows / sizeof rows[0]}

#endif
