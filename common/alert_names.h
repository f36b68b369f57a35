/* TLS alert descriptions by number (RFC 8446 section 6), for people reading outcomes. */
#ifndef MG_ALERT_NAMES_H
#define MG_ALERT_NAMES_H

/* "bad_certificate(42)"-style name; "none" for MG_NO_ALERT; "alert(N)" for unknown N. */
const char *mg_alert_name(int description, char *buf, unsigned len);

/* "bad_certificate"-style name, for data; NULL for MG_NO_ALERT; "alert(N)" for unknown N. */
const char *mg_alert_short_name(int description, char *buf, unsigned len);

#endif
