# Guest script for /work/shared/vm-client/run-guest.sh against the engine (DemoServerMain).
# Needs the static lock tester: gcc -static -O2 -o /tmp/locktest locktest.c; run-guest.sh ... -f /tmp/locktest engine-smoke.sh
set -e
ok() { echo "@@T OK $*"; }
mkdir -p a/b/c; ok mkdir-p
for i in $(seq 1 300); do echo $i > a/f$i; done; ok create300
[ $(ls a | wc -l) = 301 ]; ok ls301
cat a/f150 | grep -q 150; ok read
mv a/f1 a/b/moved; [ -e a/b/moved ]; ok mv
echo new > a/f2; mv -f a/f2 a/f3; [ "$(cat a/f3)" = new ]; ok rename-over
ln a/f3 a/hard; [ "$(stat -c %h a/f3)" = 2 ]; ok hardlink
ln -s f3 a/sym; [ "$(cat a/sym)" = new ]; ok symlink
chmod 600 a/f3; [ "$(stat -c %a a/f3)" = 600 ]; ok chmod
chown 1234:5678 a/f3; [ "$(stat -c %u:%g a/f3)" = 1234:5678 ]; ok chown
touch -d '2020-01-02 03:04:05' a/f4; [ "$(stat -c %Y a/f4)" = 1577934245 ]; ok touch-d
dd if=/dev/zero of=a/big bs=1k count=100 2>/dev/null; truncate -s 10 a/big 2>/dev/null || : > a/big; ok truncate
echo hi > a/ex; exec 3<a/ex; rm a/ex; read x <&3; [ "$x" = hi ]; exec 3<&-; ok unlinked-open
/files/locktest lockfile; ok fcntl-locks
rm -rf a; [ ! -e a ]; ok rm-rf
df -h . | tail -1
echo "@@T ALL OK"
