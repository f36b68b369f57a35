/* The keys a scenario section may hold: one table, so parsing, validation and the
 * documentation in scenarios/README.md cannot drift apart. */
#ifndef MG_SCENARIO_FIELDS_H
#define MG_SCENARIO_FIELDS_H

#include "scenario.h"

typedef enum {
    FIELD_TEXT,      /* free text; indented continuation lines are appended */
    FIELD_ARTIFACT,  /* one artifact name */
    FIELD_ARTIFACTS, /* comma-separated artifact names; "none" for an empty list */
    FIELD_FLAG,      /* yes / no */
    FIELD_CHOICE,    /* one of `choices` */
    FIELD_WORDS,     /* comma-separated words from `choices` */
    FIELD_EXPECT,    /* comma-separated verdicts */
} field_kind;

typedef struct {
    const char *key;
    field_kind kind;
    size_t offset;       /* into mg_scenario, or into mg_scenario_side for side keys */
    const char *choices; /* "a|b|c" for FIELD_CHOICE and FIELD_WORDS */
    unsigned sides;      /* side keys: SIDE_CLIENT and/or SIDE_SERVER; 0: scenario key */
    bool required;
    const char *help;
} scenario_field;

enum { SIDE_CLIENT = 1, SIDE_SERVER = 2 };

extern const scenario_field mg_scenario_fields[];
extern const size_t mg_scenario_field_count;

#endif
