/* Version ranges, as divergence records' `versions` field states them. */
#include "mg_test.h"
#include "version_range.h"

int main(void)
{
    CHECK(mg_version_compare("3.0.19", "3.5.7") < 0);
    CHECK(mg_version_compare("3.10.0", "3.9.9") > 0); /* numbers, not text */
    CHECK(mg_version_compare("3.5", "3.5.0") == 0);
    CHECK(mg_version_compare("1.1.1w", "1.1.1") > 0);
    CHECK(mg_version_compare("1.1.1w", "1.1.1k") > 0);
    CHECK(mg_version_compare("1.1.1w", "3.0") < 0);

    CHECK(mg_version_range_match(">=3.0, <3.5", "3.0.19"));
    CHECK(!mg_version_range_match(">=3.0, <3.5", "3.5.7")); /* 3.5.7 is not below 3.5 */
    CHECK(!mg_version_range_match(">=3.0, <3.5", "1.1.1w"));
    CHECK(mg_version_range_match(">= 3.8", "3.8.9"));
    CHECK(mg_version_range_match("3.7.*", "3.7.9"));
    CHECK(!mg_version_range_match("3.7.*", "3.8.9"));
    CHECK(mg_version_range_match("1.1.1* | >=3.5", "1.1.1w"));
    CHECK(mg_version_range_match("1.1.1* | >=3.5", "3.5.7"));
    CHECK(!mg_version_range_match("1.1.1* | >=3.5", "3.0.19"));
    CHECK(mg_version_range_match("3.0.19|3.5.7", "3.5.7"));
    CHECK(mg_version_range_match("=3.5.7", "3.5.7"));
    CHECK(!mg_version_range_match("!=3.5.7", "3.5.7"));
    CHECK(mg_version_range_match("<=3.7.9", "3.7.9"));
    CHECK(!mg_version_range_match(">3.7.9", "3.7.9"));
    CHECK(!mg_version_range_match(">=3.0", NULL));

    CHECK(mg_version_range_check(">=3.0, <3.5") == NULL);
    CHECK(mg_version_range_check("1.1.1* | >=3.5") == NULL);
    CHECK(mg_version_range_check(">=") != NULL);       /* no version */
    CHECK(mg_version_range_check(">=3.0,") != NULL);   /* an empty constraint */
    CHECK(mg_version_range_check("=> 3.0") != NULL);   /* not an operator */
    CHECK(mg_version_range_check("3.0 |") != NULL);    /* an empty alternative */
    CHECK(!mg_version_range_match(">=", "3.0"));       /* malformed: matches nothing */
    TEST_END();
}
