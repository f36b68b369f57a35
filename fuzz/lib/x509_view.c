#include "x509_view.h"

#include "fuzz_require.h"

#include <stdlib.h>
#include <string.h>

void mg_strlist_add(mg_strlist *list, const char *text)
{
    if (list->count == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 8;
        char **items = realloc(list->items, cap * sizeof *items);
        mg_fuzz_check(items != NULL, "out of memory in a string list");
        list->items = items;
        list->cap = cap;
    }
    list->items[list->count] = strdup(text);
    mg_fuzz_check(list->items[list->count] != NULL, "out of memory in a string list");
    list->count++;
}

void mg_strlist_add_hex(mg_strlist *list, const char *prefix, const void *data, size_t len)
{
    static const char digits[] = "0123456789abcdef";
    size_t plen = strlen(prefix);
    char *text = malloc(plen + 2 + 2 * len);
    mg_fuzz_check(text != NULL, "out of memory in a string list");
    memcpy(text, prefix, plen);
    text[plen] = ':';
    const unsigned char *bytes = data;
    for (size_t i = 0; i < len; i++) {
        text[plen + 1 + 2 * i] = digits[bytes[i] >> 4];
        text[plen + 2 + 2 * i] = digits[bytes[i] & 15];
    }
    text[plen + 1 + 2 * len] = '\0';
    mg_strlist_add(list, text);
    free(text);
}

static int compare_texts(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void mg_strlist_sort(mg_strlist *list)
{
    if (list->count > 1) qsort(list->items, list->count, sizeof *list->items, compare_texts);
}

bool mg_strlist_equal(const mg_strlist *a, const mg_strlist *b)
{
    if (a->count != b->count) return false;
    for (size_t i = 0; i < a->count; i++)
        if (strcmp(a->items[i], b->items[i]) != 0) return false;
    return true;
}

void mg_strlist_free(mg_strlist *list)
{
    for (size_t i = 0; i < list->count; i++) free(list->items[i]);
    free(list->items);
    *list = (mg_strlist){0};
}

void mg_x509_view_free(mg_x509_view *view)
{
    mg_strlist_free(&view->eku);
    mg_strlist_free(&view->san);
}
