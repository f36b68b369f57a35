/* A plan's matrix and work folder: the given matrix or a fresh one in DIR/matrix, DIR/work. */
#include "plan.h"

#include "make_dirs.h"
#include "path_join.h"

#include <string.h>

mg_result mg_plan_prepare(mg_plan *plan, const char *dir, const mg_plan_matrix_options *o,
                          mg_plan_matrix *out)
{
    memset(out, 0, sizeof *out);
    if (o->matrix) {
        MG_GUARD(mg_path_format(out->matrix, sizeof out->matrix, "%s", o->matrix));
    } else {
        MG_GUARD(mg_path_join(out->matrix, sizeof out->matrix, dir, "matrix"));
        mg_gen_options g = {.out_dir = out->matrix, .seed = o->seed, .time_mode = o->time_mode};
        MG_GUARD(mg_gen_matrix(&g, &out->stats));
        out->generated = true;
    }
    char work[4096];
    MG_GUARD(mg_path_join(work, sizeof work, dir, "work"));
    MG_GUARD(mg_make_dirs(work));
    return mg_plan_resolve(plan, out->matrix, work);
}
