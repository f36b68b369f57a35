#include "credential_load.h"

#include "fixture.h"
#include "temp_file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Where the key file starts in body, or NULL (then both files are the whole body). */
static const uint8_t *find_separator(const uint8_t *body, size_t size)
{
    const size_t n = sizeof MG_FUZZ_KEY_SEPARATOR - 1;
    for (size_t i = 0; i + n <= size; i++)
        if (memcmp(body + i, MG_FUZZ_KEY_SEPARATOR, n) == 0) return body + i;
    return NULL;
}

static bool write_files(const uint8_t *body, size_t size, bool p12, mg_credential *c)
{
    if (p12) {
        c->p12_file = mg_fuzz_temp_file("bundle.p12", body, size);
        c->p12_password = mg_fixture_p12_password;
        return c->p12_file != NULL;
    }
    const uint8_t *sep = find_separator(body, size);
    size_t cert_size = sep ? (size_t)(sep - body) : size;
    const uint8_t *key = sep ? sep + sizeof MG_FUZZ_KEY_SEPARATOR - 1 : body;
    size_t key_size = sep ? size - cert_size - (sizeof MG_FUZZ_KEY_SEPARATOR - 1) : size;
    c->cert_file = mg_fuzz_temp_file("cert", body, cert_size);
    c->key_file = mg_fuzz_temp_file("key", key, key_size);
    return c->cert_file != NULL && c->key_file != NULL;
}

static void breach(const mg_stack *stack, const char *what, const mg_side_outcome *why)
{
    fprintf(stderr, "credential_%s: the loader broke its contract: %s (reason %s: %s)\n",
            stack->name, what, mg_reason_name(why->reason), why->native_text);
    abort();
}

/* One context made and freed; false when the credential was refused as the contract allows. */
static bool load(const mg_stack *stack, const mg_side_config *config, mg_parsed_cache *cache,
                 mg_side_outcome *why)
{
    mg_context *ctx = NULL;
    memset(why, 0, sizeof *why);
    mg_result r = stack->context_new(config, cache, &ctx, why);
    if (!mg_ok(r)) breach(stack, mg_error_message(), why);
    if (ctx != NULL) {
        stack->context_free(ctx);
        return true;
    }
    if (why->state != MG_SIDE_SETUP_FAILED)
        breach(stack, "no context, but the outcome is not setup-failed", why);
    if (why->reason != MG_REASON_BAD_CREDENTIAL && why->reason != MG_REASON_KEY_MISMATCH)
        breach(stack,
               "a refused credential with a reason other than bad-credential or key-mismatch", why);
    return false;
}

void mg_fuzz_credential(const mg_stack *stack, mg_fuzz_p12_bound_fn within_bound,
                        const uint8_t *data, size_t size)
{
    if (size < 1) return;
    const bool p12 = data[0] & 1;
    const uint8_t *body = data + 1;
    size--;
    if (p12 && !within_bound(body, size, mg_fixture_p12_password)) return;
    mg_side_config config = {
        .role = data[0] & 2 ? MG_ROLE_CLIENT : MG_ROLE_SERVER,
        .tls = data[0] & 4 ? MG_TLS13 : MG_TLS12,
        .policy = MG_POLICY_STRICT,
        .peer_check = MG_PEER_NONE,
        .pin_time = true,
        .verify_time = mg_fixture_time,
    };
    if (!write_files(body, size, p12, &config.credential)) {
        fprintf(stderr, "credential_%s: cannot write the temp files\n", stack->name);
        abort(); /* not the input's fault: stop rather than fuzz nothing */
    }
    /* Twice through one parsed cache: the second load takes what the first parsed, and must
     * come to the same end. */
    mg_parsed_cache *cache = mg_parsed_cache_new();
    if (!cache) abort();
    mg_side_outcome first, second;
    bool loaded = load(stack, &config, cache, &first);
    if (load(stack, &config, cache, &second) != loaded ||
        (!loaded && second.reason != first.reason))
        breach(stack, "a second load through the parsed cache came to another end", &second);
    mg_parsed_cache_free(cache);
}