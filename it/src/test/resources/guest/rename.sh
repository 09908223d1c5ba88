# rename(2) within a directory, across directories, onto an existing file (atomic replace) and of a directory.
it_workdir rename
mkdir a b || it_fail "mkdir a b"
echo one > a/x
it_run "rename within a directory" mv a/x a/y
[ ! -e a/x ] || it_fail "a/x still exists after mv a/x a/y"
it_eq "a/y content" one "$(cat a/y)"
it_run "rename across directories" mv a/y b/z
[ ! -e a/y ] || it_fail "a/y still exists after mv a/y b/z"
it_eq "b/z content" one "$(cat b/z)"
echo two > a/w
it_run "rename onto an existing file" mv a/w b/z
it_eq "b/z content after the replace" two "$(cat b/z)"
it_eq "files left in a" 0 "$(ls a | wc -l)"
mkdir -p a/sub/deeper && echo three > a/sub/deeper/f
it_run "rename a directory across directories" mv a/sub b/moved
it_eq "file inside the moved directory" three "$(cat b/moved/deeper/f)"
[ ! -e a/sub ] || it_fail "a/sub still exists after moving it"
sync; echo 3 > /proc/sys/vm/drop_caches
it_eq "listing of b after dropping caches" "moved z" "$(ls b | tr '\n' ' ' | sed 's/ $//')"
it_ok "renames"
it_cleanup
