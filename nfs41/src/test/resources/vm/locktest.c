#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/wait.h>
static int lk(int fd, int cmd, short type, off_t start, off_t len) {
    struct flock f; memset(&f, 0, sizeof f);
    f.l_type = type; f.l_whence = SEEK_SET; f.l_start = start; f.l_len = len;
    return fcntl(fd, cmd, &f);
}
int main(int argc, char **argv) {
    int fd = open(argv[1], O_RDWR | O_CREAT, 0644);
    if (fd < 0) { perror("open"); return 2; }
    if (lk(fd, F_SETLK, F_WRLCK, 0, 100)) { perror("parent lock"); return 3; }
    pid_t p = fork();
    if (p == 0) {
        int fd2 = open(argv[1], O_RDWR);
        if (lk(fd2, F_SETLK, F_WRLCK, 50, 10) == 0) { printf("child got conflicting lock!\n"); _exit(4); }
        if (errno != EAGAIN && errno != EACCES) { perror("child lock"); _exit(5); }
        struct flock f; memset(&f, 0, sizeof f); f.l_type = F_WRLCK; f.l_start = 0; f.l_len = 10;
        if (fcntl(fd2, F_GETLK, &f) || f.l_type == F_UNLCK) { printf("GETLK saw no conflict\n"); _exit(6); }
        if (lk(fd2, F_SETLK, F_WRLCK, 100, 10)) { perror("child disjoint lock"); _exit(7); }
        _exit(0);
    }
    int st; waitpid(p, &st, 0);
    if (!WIFEXITED(st) || WEXITSTATUS(st)) { printf("child failed %d\n", WEXITSTATUS(st)); return 8; }
    if (lk(fd, F_SETLK, F_UNLCK, 0, 100)) { perror("unlock"); return 9; }
    p = fork();
    if (p == 0) {
        int fd2 = open(argv[1], O_RDWR);
        if (lk(fd2, F_SETLKW, F_WRLCK, 50, 10)) { perror("child after unlock"); _exit(10); }
        _exit(0);
    }
    waitpid(p, &st, 0);
    if (!WIFEXITED(st) || WEXITSTATUS(st)) { printf("second child failed %d\n", WEXITSTATUS(st)); return 11; }
    printf("locks OK\n");
    return 0;
}
