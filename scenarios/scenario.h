/* Scenarios are data: one INI section per scenario (scenarios/catalogue/NAME.ini), known
 * divergences per stack beside them (scenarios/divergences/NAME.ini). This library parses and
 * validates them; it knows nothing of the generator or the harness: artifact names are
 * checked through a callback, and checks are named, not typed. See scenarios/README.md. */
#ifndef MG_SCENARIO_H
#define MG_SCENARIO_H

#include "mg_result.h"
#include "mg_strings.h"
#include "outcome.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    const char *name; /* points into the scenario's own fields */
    int line;
} mg_artifact_ref;

/* What one side holds, trusts and checks. Artifact names refer to the generator's manifest. */
typedef struct {
    char *cert;            /* leaf artifact presented; NULL: no certificate */
    char *key;             /* artifact whose key signs; NULL: the leaf's own key */
    mg_strings chain;      /* certificates sent after the leaf, in order */
    bool chain_set;        /* false: send the leaf's issuers as the generator chained them */
    char *p12;             /* credential from this PKCS#12 artifact instead of cert/key */
    char *p12_password;    /* NULL: the manifest's password */
    mg_strings trust;      /* CAs trusted for the peer's chain */
    mg_strings crls;       /* CRL artifacts this side checks the peer's chain against */
    char *ocsp;            /* server: OCSP response artifact to staple */
    bool require_ocsp;     /* client: a good stapled OCSP response is required */
    char *host;            /* client: the name connected to and verified */
    char *client_cert;     /* server: "required" (default), "optional", "none",
                            * "post-handshake" or "post-handshake-optional" (TLS 1.3: asked
                            * after the handshake, RFC 8446 4.6.2) */
    bool post_handshake_auth; /* client: offers the post_handshake_auth extension */
    mg_strings resume_trust;  /* server: the trust of the server a resumed connection goes to
                               * (empty: the same server) */
    bool skip_key_check;   /* load the credential even though key and certificate disagree */
    mg_strings needs;      /* capabilities the judging stack must have under strict */
    char *alt_cert;        /* client: another leaf it holds (its chain and key too), to pick
                            * by the server's CA names; NULL: one credential only */
    char *ca_names;        /* server: "trusted" or "none", under every policy; NULL: by policy */
} mg_scenario_side;

typedef struct {
    char *id;
    char *family;
    char *summary;         /* one sentence: why a user cares */
    char *standard;        /* the standard and section the expectation follows */
    char *expect_note;     /* why several outcomes are allowed, when they are */
    char *ref;             /* the advisory or public issue it comes from; NULL: none */
    char *tls;             /* "1.2" or "1.3": the only version the scenario exists in; NULL:
                            * both (a TLS 1.3 feature has no TLS 1.2 case to grade) */
    bool resumption;       /* two connections, the second offering the first's session; the
                            * second one is graded */
    mg_verdict *expected;  /* every allowed verdict */
    size_t expected_count;
    mg_scenario_side client, server;
    char *file;            /* where it was defined, for messages */
    int line;
    mg_artifact_ref *refs; /* every artifact named, with its line, for validation */
    size_t ref_count;
} mg_scenario;

/* A recorded deviation of one stack, in one role, from a scenario's expectation: a verdict
 * other than the expected one, or (alert = unseen) the expected rejection whose alert the
 * peer never saw. */
typedef struct {
    char *id;
    char *stack;           /* a registered stack's name (harness/stacks/stacks.cmake) */
    char *side;            /* the role the stack plays: "client", "server" or "*" */
    char *scenario;        /* glob over scenario ids */
    char *tls;             /* "1.2", "1.3" or "*" */
    char *policy;          /* "strict", "minimal" or "*" */
    char *version;         /* glob over the stack's version; "*" for any (or NULL: versions) */
    char *versions;        /* a version range (common/version_range.h), or NULL: version */
    char *peer;            /* optional glob over the other side's stack (NULL: any) */
    mg_verdict verdict;    /* what the stack actually gives (when verdict_given) */
    bool verdict_given;
    char *alert;           /* "unseen", or NULL: a verdict record */
    char *reason;          /* why it deviates, for people */
    char *reference;       /* upstream issue or documentation */
    char *file;
    int line;
} mg_divergence;

typedef struct {
    mg_scenario *scenarios;
    size_t count;
    mg_divergence *divergences;
    size_t divergence_count;
} mg_scenario_set;

/* Loads DIR/catalogue/NAME.ini and DIR/divergences/NAME.ini, in name order. Unknown keys, unknown
 * reasons, missing fields and duplicate ids fail with MG_E_INPUT naming file and line. */
/* Whether the record applies to the stack at this version (its `version` glob or its
 * `versions` range), and the field's text for messages. */
bool mg_divergence_applies_to(const mg_divergence *d, const char *stack_version);
const char *mg_divergence_versions_text(const mg_divergence *d);

MG_RESULT mg_scenarios_load_dir(const char *dir, mg_scenario_set *set);
MG_RESULT mg_scenarios_load_file(const char *path, mg_scenario_set *set);
MG_RESULT mg_divergences_load_file(const char *path, mg_scenario_set *set);

/* Calls `known` for every artifact a scenario names; the first unknown one fails with the
 * scenario's file and line. */
typedef bool (*mg_artifact_known_fn)(void *ctx, const char *name);
MG_RESULT mg_scenarios_check_artifacts(const mg_scenario_set *set, mg_artifact_known_fn known,
                                       void *ctx);

const mg_scenario *mg_scenario_find(const mg_scenario_set *set, const char *id);
bool mg_scenario_expects(const mg_scenario *scenario, mg_verdict verdict);
void mg_scenario_set_free(mg_scenario_set *set);

#endif
