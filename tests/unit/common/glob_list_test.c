/* Comma-separated glob alternatives, as divergence records' scenario and peer fields use. */
#include "glob_list.h"
#include "mg_test.h"

#include <string.h>

int main(void)
{
    CHECK(mg_glob_list_match("*", "anything"));
    CHECK(mg_glob_list_match("client-*", "client-expired"));
    CHECK(!mg_glob_list_match("client-*", "server-expired"));
    CHECK(mg_glob_list_match("alpha,beta", "beta"));
    CHECK(mg_glob_list_match("alpha,beta", "alpha"));
    CHECK(!mg_glob_list_match("alpha,beta", "alphabeta"));
    CHECK(!mg_glob_list_match("alpha,beta", "gamma"));
    CHECK(mg_glob_list_match("x-*,server-*-crl", "server-revoked-crl"));
    CHECK(mg_glob_list_match("[ab]*,z", "apple"));
    CHECK(mg_glob_list_match("alpha, beta ,gamma", "beta")); /* continued lines: spaces */
    CHECK(mg_glob_list_match("alpha, beta ,gamma", "gamma"));
    CHECK(!mg_glob_list_match("alpha,", "beta"));   /* an empty alternative matches "" only */
    CHECK(mg_glob_list_match("alpha,", ""));
    CHECK(mg_glob_list_match("*", NULL));            /* no text is the empty one */
    char longer[300];
    memset(longer, 'a', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    CHECK(!mg_glob_list_match(longer, longer));      /* too long to be a record's: no match */
    CHECK(mg_glob_list_match("b,*", longer));
    TEST_END();
}
