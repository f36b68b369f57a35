/* Prints one stack's view, for the report of a disagreement (both views, one after other). */
#include "x509_view.h"

static const char *state_name(mg_ext_state state)
{
    switch (state) {
    case MG_EXT_ABSENT: return "absent";
    case MG_EXT_READ: return "read";
    case MG_EXT_UNREADABLE: return "unreadable";
    }
    return "?";
}

static void print_list(FILE *out, const char *name, mg_ext_state state, const mg_strlist *list)
{
    fprintf(out, "  %s (%s):", name, state_name(state));
    for (size_t i = 0; i < list->count; i++) fprintf(out, " %s", list->items[i]);
    fputc('\n', out);
}

void mg_x509_view_print(FILE *out, const char *stack, const mg_x509_view *view)
{
    fprintf(out, "%s view: %s", stack, view->accepted ? "accepted\n" : "rejected");
    if (!view->accepted) {
        fprintf(out, " (native error %ld)\n", view->native_error);
        return;
    }
    print_list(out, "eku", view->eku_state, &view->eku);
    print_list(out, "san", view->san_state, &view->san);
    fprintf(out, "  basic constraints (%s): ca=%d pathlen=%lld\n", state_name(view->bc_state),
            view->ca, view->pathlen);
    fprintf(out, "  key usage (%s): bits=0x%03x\n", state_name(view->ku_state), view->ku_bits);
    if (view->validity_read)
        fprintf(out, "  validity: %lld .. %lld\n", (long long)view->not_before,
                (long long)view->not_after);
    else
        fprintf(out, "  validity: unreadable\n");
}
