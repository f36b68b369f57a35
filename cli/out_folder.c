#include "out_folder.h"

#include "report.h"

mg_result cli_out_folder_open(mg_out_dir *d, const char *path, const char *command, int force)
{
    mg_out_dir_options o = {.flag = "--out", .command = command, .force = force != 0};
    return mg_out_dir_open(d, path, &o);
}

static mg_result claim(void *ctx, const char *file) { return mg_out_dir_claim(ctx, file); }
static mg_result remove_ours(void *ctx, const char *file) { return mg_out_dir_remove(ctx, file); }

mg_result cli_out_folder_start_reports(mg_out_dir *d, const char *formats)
{
    /* every format's file, not only those asked for now: none is left from the last run */
    MG_GUARD(mg_report_each_file(MG_REPORT_EVERY_FORMAT, true, remove_ours, d));
    return mg_report_each_file(formats, true, claim, d);
}
