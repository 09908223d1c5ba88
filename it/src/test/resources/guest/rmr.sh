# rm -r of a populated tree (files, subdirectories, symlinks, hard links) leaves nothing behind.
it_workdir rmr
i=0; while [ $i -lt 10 ]; do
  mkdir -p "t/d$i/sub" || it_fail "mkdir t/d$i/sub"
  j=0; while [ $j -lt 20 ]; do echo "$i $j" > "t/d$i/f$j"; j=$((j + 1)); done
  echo deep > "t/d$i/sub/deep"; ln -s "../f0" "t/d$i/sub/link"; ln "t/d$i/f1" "t/d$i/sub/hard"
  i=$((i + 1))
done
it_eq "entries before rm -r" $((1 + 10 * (2 + 20 + 3))) "$(find t | wc -l)"
it_time rm-r rm -r t
[ ! -e t ] || it_fail "t still exists after rm -r"
sync; echo 3 > /proc/sys/vm/drop_caches
it_eq "entries in the work dir after rm -r" 0 "$(ls -A | wc -l)"
it_ok "rm -r"
it_cleanup
