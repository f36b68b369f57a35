/* nftw is an XSI interface. */
#define _XOPEN_SOURCE 700

#include "remove_tree.h"

#include <ftw.h>
#include <stdio.h>

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st, (void)type, (void)ftw;
    remove(path);
    return 0;
}

void mg_remove_tree(const char *path)
{
    if (path && *path) nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}
