#include "COpenBLAS.h"

#include <cblas.h>
#include <dlfcn.h>
#include <stdio.h>

// Pointers typed from <cblas.h>'s own declarations, so a mismatch with the header fails to compile.
static __typeof__(&cblas_sgemm) sgemm;
static int (*get_num_threads)(void);
static char *(*get_config)(void);

int panelist_openblas_load(const char *const *names, size_t count, char *error, size_t size) {
    snprintf(error, size, "no library name given");
    for (size_t index = 0; index < count; index++) {
        void *library = dlopen(names[index], RTLD_NOW | RTLD_LOCAL);
        if (library == NULL) {
            const char *reason = dlerror();
            snprintf(error, size, "%s", reason != NULL ? reason : names[index]);
            continue;
        }
        __typeof__(&cblas_sgemm) resolved;
        *(void **)(&resolved) = dlsym(library, "cblas_sgemm");
        if (resolved == NULL) {
            snprintf(error, size, "%s has no cblas_sgemm", names[index]);
            dlclose(library);
            continue;
        }
        sgemm = resolved;
        *(void **)(&get_num_threads) = dlsym(library, "openblas_get_num_threads");
        *(void **)(&get_config) = dlsym(library, "openblas_get_config");
        return 1;
    }
    return 0;
}

void panelist_sgemm(int transpose_b, int m, int n, int k, float alpha, const float *a, int lda, const float *b,
                    int ldb, float beta, float *c, int ldc) {
    sgemm(CblasRowMajor, CblasNoTrans, transpose_b ? CblasTrans : CblasNoTrans, m, n, k, alpha, a, lda, b, ldb, beta,
          c, ldc);
}

int panelist_openblas_threads(void) { return get_num_threads != NULL ? get_num_threads() : 0; }

const char *panelist_openblas_config(void) {
    const char *config = get_config != NULL ? get_config() : NULL;
    return config != NULL ? config : "";
}
