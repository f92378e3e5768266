#ifndef PANELIST_CZSTD_SHIM_H
#define PANELIST_CZSTD_SHIM_H

// For ZDICT_trainFromBuffer_fastCover, which the shared library exports (Store/Zstd.swift).
#define ZDICT_STATIC_LINKING_ONLY
// For ZSTD_createDDict_byReference, which it exports too (Zstd.Decompressor).
#define ZSTD_STATIC_LINKING_ONLY
#include <zstd.h>
#include <zdict.h>

#endif
