#include "bench_report.h"

#include <jansson.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

double mg_bench_pairing_floor(const mg_bench_floor *floor, const char *client, const char *server)
{
    double a = mg_bench_floor_rate(floor, client), b = mg_bench_floor_rate(floor, server);
    if (a <= 0 || b <= 0) return 0;
    return 2 / (1 / a + 1 / b);
}

static void cpu_model(char *buf, size_t len)
{
    snprintf(buf, len, "unknown CPU");
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (!f) return;
    char line[256];
    while (fgets(line, sizeof line, f)) {
        const char *colon = strchr(line, ':');
        if (strncmp(line, "model name", 10) != 0 || !colon) continue;
        snprintf(buf, len, "%s", colon + 2);
        buf[strcspn(buf, "\n")] = '\0';
        break;
    }
    fclose(f);
}

void mg_bench_print_header(const mg_bench_report *r)
{
    if (r->json) return;
    char cpu[128];
    cpu_model(cpu, sizeof cpu);
    printf("bench: %s, TLS %s, %u job%s, %u handshakes per pairing\n",
           strcmp(r->certs, "floor") ? "scenario baseline, strict (root, intermediate, leaf)"
                                     : "the floor's certificates, minimal (root and leaf)",
           r->tls, r->jobs, r->jobs == 1 ? "" : "s", r->n);
    printf("machine: %s, %ld cores online\n", cpu, sysconf(_SC_NPROCESSORS_ONLN));
    if (r->gen_seconds > 0) printf("matrix generated in %.2f s\n", r->gen_seconds);
    if (r->floor_path) {
        printf("floor (%s, one core):", r->floor_path);
        for (size_t i = 0; i < r->floor.count; i++)
            printf(" %s %.0f/s", r->floor.stacks[i], r->floor.per_s[i]);
        printf("\n");
        /* So that "x floor" below is not read as all overhead. */
        if (strcmp(r->certs, "floor") != 0)
            printf("  the floor's certificates are a root and a leaf; baseline's chain adds an "
                   "intermediate (two more signature checks per handshake): --certs floor "
                   "compares like for like\n");
    }
    if (r->process_per_s > 0)
        printf("process per case (%s + %s, %u cases): %.1f/s\n", r->process_server,
               r->process_client, r->process_count, r->process_per_s);
    printf("%-8s %-8s %10s %10s %12s %12s\n", "client", "server", "per_s", "x floor",
           "x process", "cpu us/hs");
}

static void print_json(const mg_bench_report *r, const char *client, const char *server,
                       const mg_bench_rate *rate, double floor)
{
    double per_s = rate->per_s;
    json_t *o = json_pack("{s:s, s:s, s:s, s:I, s:I, s:f}", "client", client, "server", server,
                          "tls", r->tls, "jobs", (json_int_t)r->jobs, "n", (json_int_t)r->n,
                          "per_s", per_s);
    if (!o) return;
    json_object_set_new(o, "floor_per_s", floor > 0 ? json_real(floor) : json_null());
    json_object_set_new(o, "vs_floor", floor > 0 ? json_real(per_s / floor) : json_null());
    double process = r->process_per_s;
    json_object_set_new(o, "process_per_s", process > 0 ? json_real(process) : json_null());
    json_object_set_new(o, "vs_process", process > 0 ? json_real(per_s / process) : json_null());
    json_object_set_new(o, "cpu_us_per_handshake", json_real(rate->cpu_us));
    char *text = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
    if (text) printf("%s\n", text);
    free(text);
    json_decref(o);
}

void mg_bench_print_row(const mg_bench_report *r, const char *client, const char *server,
                        const mg_bench_rate *rate)
{
    double floor = r->floor_path ? mg_bench_pairing_floor(&r->floor, client, server) : 0;
    double per_s = rate->per_s;
    if (r->json) {
        print_json(r, client, server, rate, floor);
    } else {
        char vs_floor[32] = "-", vs_process[32] = "-";
        if (floor > 0) snprintf(vs_floor, sizeof vs_floor, "%.2f", per_s / floor);
        if (r->process_per_s > 0)
            snprintf(vs_process, sizeof vs_process, "%.1f", per_s / r->process_per_s);
        printf("%-8s %-8s %10.0f %10s %12s %12.0f\n", client, server, per_s, vs_floor,
               vs_process, rate->cpu_us);
    }
    fflush(stdout);
}
