#ifndef PANELIST_COPENBLAS_H
#define PANELIST_COPENBLAS_H

// OpenBLAS, opened with dlopen the first time the sentence encoder runs rather than linked into the
// program: loading libopenblas, libgfortran and libquadmath and running OpenBLAS's constructor (CPU
// detection, buffers, a thread pool) costs every `panelist` process 2 to 4 ms, which `search`, `ask`
// and `--help` would pay for nothing. The prototypes are checked against <cblas.h> (libopenblas-dev)
// in OpenBLASLibrary.c; Swift sees only the narrow interface below.

#include <stddef.h>

/// Opens the first of `names` that the dynamic loader accepts and resolves cblas_sgemm. Returns 1 on
/// success. On failure returns 0, writes one line naming the cause into `error` (at most `size` bytes,
/// NUL-terminated) and leaves an earlier successful load in place. Not thread-safe: call it once,
/// before any other function here.
int panelist_openblas_load(const char *const *names, size_t count, char *error, size_t size);

/// C = alpha · A · op(B) + beta · C for row-major matrices: A is m×k (leading dimension lda), op(B) is
/// k×n — B itself when `transpose_b` is 0 (k×n, ldb), Bᵀ when it is 1 (B is n×k, ldb) — and C is m×n
/// (ldc). Calls cblas_sgemm.
void panelist_sgemm(int transpose_b, int m, int n, int k, float alpha, const float *a, int lda, const float *b,
                    int ldb, float beta, float *c, int ldc);

/// The number of threads OpenBLAS uses (OPENBLAS_NUM_THREADS, else the number of cores), or 0 when the
/// loaded library does not say.
int panelist_openblas_threads(void);

/// The configuration string OpenBLAS was built with (version, core), or "" when it does not say.
const char *panelist_openblas_config(void);

#endif
