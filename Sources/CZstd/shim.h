#ifndef PANELIST_CZSTD_SHIM_H
#define PANELIST_CZSTD_SHIM_H

// For ZDICT_trainFromBuffer_fastCover, which the shared library exports (Store/Zstd.swift).
#define ZDICT_STATIC_LINKING_ONLY
#include <zstd.h>
#include <zdict.h>

#endif
