# 10,000 small files in one directory; `ls -l` lists every one of them (READDIR cookies across many pages) with the
# right sizes.
N=${SMALL_FILES:-10000}
it_workdir smallfiles
mkdir many || it_fail "mkdir many"
a=$(it_now)
i=0; while [ $i -lt "$N" ]; do echo "file $i" > many/f$i || it_fail "create many/f$i"; i=$((i + 1)); done
echo "@@IT TIME create$N $(awk -v a="$a" -v b="$(it_now)" 'BEGIN{printf "%.2f", b-a}')"
sync; echo 3 > /proc/sys/vm/drop_caches
a=$(it_now)
ls -l many > /tmp/ls.out || it_fail "ls -l many"
echo "@@IT TIME ls-l$N $(awk -v a="$a" -v b="$(it_now)" 'BEGIN{printf "%.2f", b-a}')"
it_eq "regular files listed by ls -l" "$N" "$(grep -c '^-' /tmp/ls.out)"
it_eq "distinct names listed" "$N" "$(awk '/^-/ {print $NF}' /tmp/ls.out | sort -u | wc -l)"
it_eq "files listed with a size other than 'file N\\n'" 0 "$(awk '/^-/ { n = $NF; sub(/^f/, "", n); if ($5 != length("file " n) + 1) bad++ } END {print bad + 0}' /tmp/ls.out)"
it_eq "ls (no -l) count" "$N" "$(ls many | wc -l)"
it_eq "content of the last file" "file $((N - 1))" "$(cat many/f$((N - 1)))"
it_ok "$N files listed"
# A directory the client has only just met is listed with no more READDIR traffic than one it already knows, so no
# reply is read twice: the Linux client re-reads most of its first reply when a READDIR from cookie 0 brings a cookie
# verifier other than the one it holds, 0 for a directory it has just met. 600 entries take more than one reply;
# listing them takes well under the 3 s the client trusts their attributes for, so both listings ask alike.
mkdir few || it_fail "mkdir few"
(cd few && seq 1 600 | xargs touch) || it_fail "create few/1..600"
sync; echo 3 > /proc/sys/vm/drop_caches
a=$(it_opstat READDIR); ls -l few > /dev/null || it_fail "ls -l few"; b=$(it_opstat READDIR)
echo 1 > /proc/sys/vm/drop_caches
c=$(it_opstat READDIR); ls -l few > /dev/null || it_fail "ls -l few again"; d=$(it_opstat READDIR)
it_eq "READDIR calls and bytes received: a listing of a directory met just now, against one of it known" \
  "$(it_opdelta "$c" "$d")" "$(it_opdelta "$a" "$b")"
it_ok "a first listing reads no READDIR reply twice ($(it_opdelta "$a" "$b"))"
it_time rm-r$N rm -r many
it_cleanup
