#ifndef MG_REMOVE_TREE_H
#define MG_REMOVE_TREE_H

/* rm -rf of a folder this program made (temporary matrices); errors are ignored. */
void mg_remove_tree(const char *path);

#endif
