#ifndef PANELIST_CZSTD_SHIM_H
#define PANELIST_CZSTD_SHIM_H

#include <zstd.h>
#include <zdict.h>

#endif
