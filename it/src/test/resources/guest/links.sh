# Hard links (link count follows link/unlink, the data is shared) and symlinks (readlink, follow, dangling, to a dir).
it_workdir links
mkdir d || it_fail "mkdir d"
echo data > f
it_run "ln f g" ln f g
it_eq "link count after one ln" 2 "$(stat -c %h f)"
it_run "ln f d/h (other directory)" ln f d/h
it_eq "link count after two ln" 3 "$(stat -c %h g)"
it_eq "same inode" "$(stat -c %i f)" "$(stat -c %i d/h)"
echo more >> d/h
it_eq "write through one name, read through another" "data more" "$(cat f | tr '\n' ' ' | sed 's/ $//')"
rm f
it_eq "link count after rm f" 2 "$(stat -c %h g)"
it_run "ln -s" ln -s g s
it_eq "readlink s" g "$(readlink s)"
it_eq "read through the symlink" data "$(head -1 s)"
it_run "ln -s to a directory" ln -s d sd
it_eq "list through a directory symlink" h "$(ls sd/)"
it_run "ln -s dangling" ln -s /no/such/target dangling
it_eq "readlink of a dangling symlink" /no/such/target "$(readlink dangling)"
[ ! -e dangling ] || it_fail "dangling symlink resolves"
[ -L dangling ] || it_fail "dangling is not a symlink"
sync; echo 3 > /proc/sys/vm/drop_caches
it_eq "readlink s after dropping caches" g "$(readlink s)"
it_eq "link count after dropping caches" 2 "$(stat -c %h d/h)"
it_ok "hard links and symlinks"
it_cleanup
