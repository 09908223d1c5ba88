# O_APPEND: appends land at the end, in order; two processes appending at once lose no line.
it_workdir append
: > log
i=0; while [ $i -lt 100 ]; do echo "line $i" >> log; i=$((i + 1)); done
it_eq "lines after 100 appends" 100 "$(wc -l < log)"
it_eq "last line" "line 99" "$(tail -1 log)"
dd if=/dev/urandom of=/tmp/chunk bs=1M count=3 2>/dev/null
cp log /tmp/expect; cat /tmp/chunk >> /tmp/expect
cat /tmp/chunk >> log || it_fail "append 3 MiB"
sync; echo 3 > /proc/sys/vm/drop_caches
it_eq "md5 after a 3 MiB append" "$(it_md5 /tmp/expect)" "$(it_md5 log)"
: > both
( i=0; while [ $i -lt 500 ]; do echo "A $i" >> both; i=$((i + 1)); done ) &
pa=$!
( i=0; while [ $i -lt 500 ]; do echo "B $i" >> both; i=$((i + 1)); done ) &
pb=$!
wait $pa || it_fail "appender A failed"
wait $pb || it_fail "appender B failed"
sync; echo 3 > /proc/sys/vm/drop_caches
it_eq "lines from two concurrent appenders" 1000 "$(wc -l < both)"
it_eq "well-formed lines" 1000 "$(grep -cE '^[AB] [0-9]+$' both)"
it_eq "A's lines in order" "$(seq 0 499 | tr '\n' ' ')" "$(awk '$1 == "A" {printf "%s ", $2}' both)"
it_ok "append"
it_cleanup
