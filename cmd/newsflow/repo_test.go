package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestRepositoryTracksNoBuildOutput: a binary built in a module directory
// or a --data directory left by `newsflow up` run from one was committed
// twice by a `git add` of the directory; a clone then carries tens of MB
// and a stale database. Every tracked file is checked: no executable
// (ELF, Mach-O, Windows), nothing under a newsflow-data directory. (Run
// outside a clone, from a source archive, there is nothing to check.)
func TestRepositoryTracksNoBuildOutput(t *testing.T) {
	root := filepath.Join("..", "..")
	if _, err := os.Stat(filepath.Join(root, ".git")); err != nil {
		t.Skipf("not a clone of the repository (no .git): nothing tracked to check (%v)", err)
	}
	out, err := exec.Command("git", "-C", root, "ls-files", "-z").Output()
	if err != nil {
		t.Fatalf("git ls-files (the tests run in a clone of the repository): %v", err)
	}
	files := strings.Split(strings.TrimRight(string(out), "\x00"), "\x00")
	if len(files) < 100 {
		t.Fatalf("git ls-files listed %d files: not the repository?", len(files))
	}
	for _, f := range files {
		if strings.HasPrefix(f, "newsflow-data/") || strings.Contains(f, "/newsflow-data/") {
			t.Errorf("%s: a data directory of newsflow up is tracked", f)
			continue
		}
		fh, err := os.Open(filepath.Join(root, f))
		if err != nil {
			continue // deleted in the working tree, not yet committed
		}
		head := make([]byte, 4)
		n, _ := fh.Read(head)
		fh.Close()
		if executable(head[:n]) {
			t.Errorf("%s: an executable is tracked (build output belongs in .gitignore)", f)
		}
	}
}

// executable reports the first bytes of an ELF, Mach-O or Windows (MZ)
// executable.
func executable(head []byte) bool {
	for _, magic := range [][]byte{[]byte("\x7fELF"), {0xcf, 0xfa, 0xed, 0xfe}, {0xce, 0xfa, 0xed, 0xfe}, {0xca, 0xfe, 0xba, 0xbe}, []byte("MZ")} {
		if bytes.HasPrefix(head, magic) {
			return true
		}
	}
	return false
}
