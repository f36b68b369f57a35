/* summary.md must fit GitHub's job summary, which refuses more than 1 MiB per step. Rows go
 * through a budget: a row that would pass the cap is counted instead of written, and each
 * section ends with "… N more in results.jsonl". Headings and those closing lines are
 * outside the budget but few and short (MG_MD_RESERVE covers them), so the file stays under
 * the limit by construction whatever the run. */
#ifndef MG_MD_BUDGET_H
#define MG_MD_BUDGET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define MG_MD_LIMIT ((size_t)1 << 20)      /* GitHub's step summary limit */
#define MG_MD_RESERVE ((size_t)64 << 10)   /* headings, counts and closing lines */
#define MG_MD_CELL_MAX 320                 /* characters of free text in one table cell */

typedef struct {
    FILE *out;
    size_t used;  /* bytes written so far */
    size_t cap;   /* rows stop here (MG_MD_LIMIT - MG_MD_RESERVE unless a test lowers it) */
    size_t held;  /* rows of the current section left out */
} mg_md;

/* Text that is always written (headings, the counts, closing lines). */
void mg_md_text(mg_md *md, const char *format, ...) __attribute__((format(printf, 2, 3)));

/* One table row: written when it fits the budget, else counted in `held`. */
void mg_md_row(mg_md *md, const char *format, ...) __attribute__((format(printf, 2, 3)));

/* Ends a section: "… N more in results.jsonl" when rows were held back. */
void mg_md_end_section(mg_md *md);

/* Copies text into a table cell: pipes and newlines would break the table; long text is cut
 * at MG_MD_CELL_MAX with an ellipsis. */
void mg_md_cell(char *dst, size_t len, const char *text);

#endif
