/* The sections of a bundle's README.md after "What should happen" and "Files". */
#ifndef MG_REPRO_README_H
#define MG_REPRO_README_H

#include "repro_bundle.h"

#include <stdio.h>

MG_RESULT mg_repro_readme_replay(FILE *f, const mg_repro_bundle *b); /* commands.sh, tool gaps */
void mg_repro_readme_capture(FILE *f, const mg_repro_bundle *b); /* tshark, Wireshark */
void mg_repro_readme_time(FILE *f, const mg_repro_bundle *b);    /* how long it stays valid */

#endif
