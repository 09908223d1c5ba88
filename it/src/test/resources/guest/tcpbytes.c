/*
 * tcpbytes: one line per TCP connection of this (guest) kernel, kernel sockets included, from sock_diag
 * (NETLINK_SOCK_DIAG, inet_diag with INET_DIAG_INFO): "tcp DST_IP DST_PORT BYTES_ACKED BYTES_RECEIVED".
 * The NFS client's connections to the pNFS data servers are kernel sockets, and /proc/self/mountstats does not
 * count per data server, so this is how a guest script tells how many bytes went to and came from each one.
 * "tcpbytes connect IP PORT": exit 0 if a TCP connection to IP:PORT is accepted, 1 if not (busybox has no nc -z).
 */
#include <arpa/inet.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/tcp.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/time.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int probe(const char *ip, const char *port) {
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((unsigned short) atoi(port));
    if (inet_pton(AF_INET, ip, &a.sin_addr) != 1) { fprintf(stderr, "bad address %s\n", ip); return 2; }
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct timeval tv = { 2, 0 };
    setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    int rc = connect(s, (struct sockaddr *) &a, sizeof a) == 0 ? 0 : 1;
    close(s);
    return rc;
}

int main(int argc, char **argv) {
    if (argc == 4 && strcmp(argv[1], "connect") == 0) { return probe(argv[2], argv[3]); }
    int fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_SOCK_DIAG);
    if (fd < 0) { perror("socket"); return 1; }
    struct { struct nlmsghdr nlh; struct inet_diag_req_v2 r; } req;
    memset(&req, 0, sizeof req);
    req.nlh.nlmsg_len = sizeof req;
    req.nlh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    req.nlh.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    req.r.sdiag_family = AF_INET;
    req.r.sdiag_protocol = IPPROTO_TCP;
    req.r.idiag_states = ~0U;
    req.r.idiag_ext = 1 << (INET_DIAG_INFO - 1);
    if (send(fd, &req, sizeof req, 0) < 0) { perror("send"); return 1; }
    static char buf[65536];
    for (;;) {
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n <= 0) { perror("recv"); return 1; }
        for (struct nlmsghdr *h = (struct nlmsghdr *) buf; NLMSG_OK(h, n); h = NLMSG_NEXT(h, n)) {
            if (h->nlmsg_type == NLMSG_DONE) { return 0; }
            if (h->nlmsg_type == NLMSG_ERROR) { fprintf(stderr, "netlink error\n"); return 1; }
            struct inet_diag_msg *m = NLMSG_DATA(h);
            unsigned long long acked = 0, received = 0;
            int len = h->nlmsg_len - NLMSG_LENGTH(sizeof *m);
            for (struct rtattr *a = (struct rtattr *) (m + 1); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
                if (a->rta_type == INET_DIAG_INFO) {
                    struct tcp_info info;
                    memset(&info, 0, sizeof info);
                    size_t got = RTA_PAYLOAD(a) < sizeof info ? RTA_PAYLOAD(a) : sizeof info;
                    memcpy(&info, RTA_DATA(a), got);
                    acked = info.tcpi_bytes_acked;
                    received = info.tcpi_bytes_received;
                }
            }
            char dst[INET_ADDRSTRLEN];
            inet_ntop(AF_INET, m->id.idiag_dst, dst, sizeof dst);
            printf("tcp %s %u %llu %llu\n", dst, ntohs(m->id.idiag_dport), acked, received);
        }
    }
}
