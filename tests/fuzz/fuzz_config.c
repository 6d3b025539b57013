/*
 * fuzz_config.c: arbitrary bytes as a configuration file.  include() is
 * refused (config_load_text), so nothing outside the input is read.
 */
#include "autoconf.h"

#include <stddef.h>
#include <stdint.h>

#include "../../src/config_priv.h"

static void
ignore(void *arg, int is_error, const char *msg)
{
}

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config *c;

	c = config_load_text("fuzz.conf", (const char *)data, size, ignore,
	    NULL);
	config_free(c);
	return 0;
}
