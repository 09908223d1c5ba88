# mkdir -p of a 64-level tree and of a wide tree; files at the bottom; the tree reads back the same after the
# client drops its caches.
it_workdir deeptree
p=d; i=1; while [ $i -lt 64 ]; do p=$p/d$i; i=$((i + 1)); done
it_run "mkdir -p 64 levels" mkdir -p "$p"
echo bottom > "$p/leaf" || it_fail "create a file 64 levels down"
it_run "mkdir -p again on an existing tree" mkdir -p "$p"
for a in 0 1 2 3 4 5 6 7; do for b in 0 1 2 3 4 5 6 7; do
  it_run "mkdir -p w/$a/$b/c" mkdir -p "w/$a/$b/c"; echo "$a$b" > "w/$a/$b/c/f" || it_fail "create w/$a/$b/c/f"
done; done
sync; echo 3 > /proc/sys/vm/drop_caches
it_eq "leaf content" bottom "$(cat "$p/leaf")"
it_eq "directories in the deep tree" 64 "$(find d -type d | wc -l)"
it_eq "directories in the wide tree" $((1 + 8 + 64 + 64)) "$(find w -type d | wc -l)"
it_eq "files in the wide tree" 64 "$(find w -type f | wc -l)"
it_eq "content of w/5/3/c/f" 53 "$(cat w/5/3/c/f)"
it_eq "link count of a directory with 8 subdirectories" 10 "$(stat -c %h w/3)"
it_ok "deep and wide trees"
it_cleanup
