/*
 * lockprobe - a tiny fcntl(2) byte-range lock tool for the guest (busybox has only flock(1), which takes whole-file
 * locks). Compiled on the host with `gcc -static` at test time and passed into the guest with -f.
 *
 *   lockprobe hold FILE START LEN r|w READY RELEASE   F_SETLK the range, create READY, wait (<= 120 s) until RELEASE
 *                                                      exists, then exit (closing the file releases the lock)
 *   lockprobe test FILE START LEN r|w                 F_GETLK: prints "free" (exit 0) or "conflict r|w" (exit 1)
 *   lockprobe try  FILE START LEN r|w                 F_SETLK: exit 0 if granted, 1 if refused (EAGAIN/EACCES)
 *   lockprobe wait FILE START LEN r|w SECONDS         F_SETLKW, given up after SECONDS: exit 0 granted, 1 timed out
 * r|w picks a read or write lock; f instead takes a whole-file flock(2) LOCK_EX (START and LEN are then ignored; the
 * Linux NFS client turns it into a whole-file LOCK). busybox-static has no flock(1) applet.
 * Any other error: message on stderr, exit 2.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

static void on_alarm(int sig) { (void) sig; }

static int die(const char *what) { fprintf(stderr, "lockprobe: %s: %s\n", what, strerror(errno)); return 2; }

int main(int argc, char **argv) {
    if (argc < 6) { fprintf(stderr, "usage: see lockprobe.c\n"); return 2; }
    const char *mode = argv[1];
    int whole = argv[5][0] == 'f';
    short type = argv[5][0] == 'r' ? F_RDLCK : F_WRLCK;
    int fd = open(argv[2], type == F_WRLCK ? O_RDWR | O_CREAT : O_RDONLY | O_CREAT, 0644);
    if (fd < 0) return die("open");
    if (whole && strcmp(mode, "hold") != 0 && strcmp(mode, "try") != 0) { fprintf(stderr, "lockprobe: f: hold/try only\n"); return 2; }
    struct flock fl = { .l_type = type, .l_whence = SEEK_SET, .l_start = atoll(argv[3]), .l_len = atoll(argv[4]) };
    if (strcmp(mode, "hold") == 0 && argc == 8) {
        if (whole ? flock(fd, LOCK_EX | LOCK_NB) : fcntl(fd, F_SETLK, &fl)) return die(whole ? "flock (hold)" : "F_SETLK (hold)");
        int r = open(argv[6], O_WRONLY | O_CREAT, 0644);
        if (r < 0) return die("create READY");
        close(r);
        for (int i = 0; i < 12000; i++) {
            if (access(argv[7], F_OK) == 0) return 0;
            usleep(10000);
        }
        fprintf(stderr, "lockprobe: hold: %s never appeared\n", argv[7]);
        return 2;
    }
    if (strcmp(mode, "test") == 0) {
        if (fcntl(fd, F_GETLK, &fl) < 0) return die("F_GETLK");
        if (fl.l_type == F_UNLCK) { puts("free"); return 0; }
        printf("conflict %c start=%lld len=%lld\n", fl.l_type == F_WRLCK ? 'w' : 'r',
               (long long) fl.l_start, (long long) fl.l_len);
        return 1;
    }
    if (strcmp(mode, "try") == 0) {
        if ((whole ? flock(fd, LOCK_EX | LOCK_NB) : fcntl(fd, F_SETLK, &fl)) == 0) return 0;
        if (errno == EAGAIN || errno == EACCES || errno == EWOULDBLOCK) return 1;
        return die("F_SETLK (try)");
    }
    if (strcmp(mode, "wait") == 0 && argc == 7) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_alarm;            /* no SA_RESTART: the alarm interrupts F_SETLKW */
        sigaction(SIGALRM, &sa, NULL);
        alarm((unsigned) atoi(argv[6]));
        if (fcntl(fd, F_SETLKW, &fl) == 0) return 0;
        if (errno == EINTR) return 1;
        return die("F_SETLKW");
    }
    fprintf(stderr, "lockprobe: bad arguments\n");
    return 2;
}
