/* One case driven in memory, as mg_run_pair does, with every byte that crosses the pipe
 * written to a pcap file as one TCP connection on loopback (for repro bundles). */
#ifndef MG_CAPTURE_PAIR_H
#define MG_CAPTURE_PAIR_H

#include "drive.h"

/* Makes both contexts, drives the connection with a capture tap, frees the contexts. The
 * capture is written even when a side cannot start (then it holds only the TCP open and
 * close). Fails only when the capture file cannot be written. */
MG_RESULT mg_capture_pair(const mg_stack *client_stack, const mg_side_config *client_config,
                          const mg_stack *server_stack, const mg_side_config *server_config,
                          const char *pcap_path, mg_pair_result *out);

#endif
