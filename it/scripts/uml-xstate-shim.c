/*
 * uml-xstate-shim.c - LD_PRELOAD shim that lets Debian's User-Mode Linux 6.1 (user-mode-linux 6.1um4) run on hosts
 * whose XSAVE area is larger than UML 6.1 expects (AVX-512, AMX, CET: e.g. Sapphire Rapids Xeons).
 *
 * Why: UML saves and restores each guest task's FPU state with PTRACE_GETREGSET / PTRACE_SETREGSET (NT_X86_XSTATE)
 * into a fixed 832-byte buffer (x87 + SSE + AVX). The host kernel truncates a GET to that size, but a SET must pass
 * the whole standard-format XSAVE area (arch/x86/kernel/fpu/regset.c: xstateregs_set() returns -EFAULT when
 * count != the full size). UML then dies at the first context switch with
 *   "userspace - ptrace set fp regs failed, errno = 14" / "Kernel panic - not syncing: Attempted to kill init!"
 * (Upstream UML sizes the buffer dynamically since 6.13.)
 *
 * What: GET reads the full area into a per-buffer cache entry (UML keeps one buffer per guest task, so the buffer
 * address identifies the task) and hands UML the first bytes it asked for; SET overlays UML's bytes on the cached
 * full area of the same task, so the state UML cannot see (AVX-512, PKRU, ...) is restored unchanged instead of
 * being lost. On a cache miss (a task's first SET after fork) the unseen components are put into their init state
 * by clearing their XSTATE_BV bits. Every other ptrace request goes straight to glibc.
 *
 * Built by run-uml.sh with `gcc -shared -fPIC -O2` into its cache; no effect on hosts where UML's buffer is the
 * full size already.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#define NT_X86_XSTATE_NOTE 0x202
#define PROBE_SIZE (64 * 1024)     /* larger than any XSAVE area; the kernel reports the real size */
#define SLOTS 4096                 /* direct-mapped cache; UML guests here run a few hundred tasks at most */
#define XSTATE_BV_OFFSET 512
#define XCOMP_BV_OFFSET 520
#define AVX_END 832                /* legacy area (512) + header (64) + YMM_Hi128 (256) */

struct slot { void *key; unsigned char *area; };

static struct slot cache[SLOTS];
static size_t full_size;           /* the host's standard-format XSAVE size, learned from the first GET */

static long raw_ptrace(long req, pid_t pid, void *addr, void *data) {
    return syscall(SYS_ptrace, req, pid, addr, data);
}

static struct slot *slot_for(void *key) {
    uintptr_t h = (uintptr_t) key;
    h ^= h >> 17; h *= 0x9e3779b97f4a7c15ULL; h ^= h >> 29;
    return &cache[h % SLOTS];
}

static long get_xstate(pid_t pid, void *addr, struct iovec *uiov) {
    struct slot *s = slot_for(uiov->iov_base);
    unsigned char *area = s->area;
    if (area == NULL) {
        area = malloc(full_size ? full_size : PROBE_SIZE);
        if (area == NULL) { errno = ENOMEM; return -1; }
    }
    struct iovec kiov = { area, full_size ? full_size : PROBE_SIZE };
    long rc = raw_ptrace(PTRACE_GETREGSET, pid, addr, &kiov);
    if (rc < 0) {
        if (s->area != area) free(area);
        return rc;
    }
    if (full_size == 0) full_size = kiov.iov_len;
    size_t n = uiov->iov_len < kiov.iov_len ? uiov->iov_len : kiov.iov_len;
    memcpy(uiov->iov_base, area, n);
    uiov->iov_len = n;
    s->key = uiov->iov_base;
    s->area = area;
    return 0;
}

static long set_xstate(pid_t pid, void *addr, struct iovec *uiov) {
    if (full_size == 0 || uiov->iov_len >= full_size) return raw_ptrace(PTRACE_SETREGSET, pid, addr, uiov);
    struct slot *s = slot_for(uiov->iov_base);
    unsigned char *area;
    unsigned char *scratch = NULL;
    if (s->area != NULL && s->key == uiov->iov_base) {
        area = s->area;
        memcpy(area, uiov->iov_base, uiov->iov_len);
    } else {
        scratch = calloc(1, full_size);
        if (scratch == NULL) { errno = ENOMEM; return -1; }
        area = scratch;
        memcpy(area, uiov->iov_base, uiov->iov_len);
        uint64_t bv;
        memcpy(&bv, area + XSTATE_BV_OFFSET, sizeof bv);
        bv &= uiov->iov_len >= AVX_END ? 0x7 : 0x3;   /* only what UML's bytes actually carry */
        memcpy(area + XSTATE_BV_OFFSET, &bv, sizeof bv);
        memset(area + XCOMP_BV_OFFSET, 0, 8);          /* standard (non-compacted) format */
    }
    struct iovec kiov = { area, full_size };
    long rc = raw_ptrace(PTRACE_SETREGSET, pid, addr, &kiov);
    free(scratch);
    return rc;
}

long ptrace(enum __ptrace_request request, ...) {
    static long (*next)(enum __ptrace_request, ...);
    va_list ap;
    va_start(ap, request);
    pid_t pid = va_arg(ap, pid_t);
    void *addr = va_arg(ap, void *);
    void *data = va_arg(ap, void *);
    va_end(ap);
    if ((request == PTRACE_GETREGSET || request == PTRACE_SETREGSET)
            && (uintptr_t) addr == NT_X86_XSTATE_NOTE && data != NULL) {
        return request == PTRACE_GETREGSET ? get_xstate(pid, addr, data) : set_xstate(pid, addr, data);
    }
    if (next == NULL) next = (long (*)(enum __ptrace_request, ...)) dlsym(RTLD_NEXT, "ptrace");
    return next(request, pid, addr, data);
}
