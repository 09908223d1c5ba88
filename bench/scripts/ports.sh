# ports.sh - sourced by the bench scripts that start servers: where on loopback to put them.
#
# free_port_range N: prints the first of N consecutive ports that were free on every address a moment ago, picked in
# 21000..32000, below Linux's ephemeral range (32768-60999 by default). `gfspnfs demo --port P` binds P..P+12 (the
# MDS, a data server, the control channel, the DLM and the membership port of each of its three nodes) over the
# seconds its nodes take to start, while those nodes already connect to each other from ephemeral source ports; a
# base port in the ephemeral range lost a node to such a connection (2026-11-23: node 2's control channel, "Address
# already in use"). The ITs pick their ports by the same rule (it/.../PortProbe).
DEMO_PORTS=13
free_port_range() {
  python3 - "$1" <<'PY'
import random, socket, sys
n = int(sys.argv[1])
for _ in range(200):
    base = random.randint(21000, 32000 - n)
    socks = []
    try:
        for p in range(base, base + n):
            s = socket.socket()
            socks.append(s)
            s.bind(("0.0.0.0", p))
        print(base)
        sys.exit(0)
    except OSError:
        pass
    finally:
        for s in socks:
            s.close()
sys.exit("no %d consecutive free ports in 21000..32000" % n)
PY
}
