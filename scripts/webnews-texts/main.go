// Command webnews-texts writes NAME.txt beside every NAME.gold.json of the
// webnews development set: the main text of the web page the gold's
// "source" names (a test fixture of a Go module), as go-trafilatura
// extracts it, headline first. The texts are the publishers' and are not
// kept in the repository; scripts/webnews-texts.sh runs this.
//
// Usage: webnews-texts GOLD_DIR MODULE@VERSION=DIR...
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	trafilatura "github.com/markusmobius/go-trafilatura"
)

type gold struct {
	Fixture struct {
		Module  string `json:"module"`
		Version string `json:"version"`
		Path    string `json:"path"`
	} `json:"fixture"`
}

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "webnews-texts:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) < 2 {
		return fmt.Errorf("usage: webnews-texts GOLD_DIR MODULE@VERSION=DIR...")
	}
	dirs := map[string]string{}
	for _, a := range args[1:] {
		k, v, ok := strings.Cut(a, "=")
		if !ok {
			return fmt.Errorf("bad module directory %q", a)
		}
		dirs[k] = v
	}
	golds, err := filepath.Glob(filepath.Join(args[0], "*.gold.json"))
	if err != nil {
		return err
	}
	for _, g := range golds {
		b, err := os.ReadFile(g)
		if err != nil {
			return err
		}
		var gd gold
		if err := json.Unmarshal(b, &gd); err != nil {
			return fmt.Errorf("%s: %w", g, err)
		}
		dir, ok := dirs[gd.Fixture.Module+"@"+gd.Fixture.Version]
		if !ok {
			return fmt.Errorf("%s: no directory for %s@%s", g, gd.Fixture.Module, gd.Fixture.Version)
		}
		text, err := extract(filepath.Join(dir, gd.Fixture.Path))
		if err != nil {
			return fmt.Errorf("%s: %w", g, err)
		}
		if err := os.WriteFile(strings.TrimSuffix(g, ".gold.json")+".txt", []byte(text), 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("wrote %d texts\n", len(golds))
	return nil
}

// extract returns the page's title, a blank line and its paragraphs
// separated by blank lines.
func extract(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	res, err := trafilatura.Extract(f, trafilatura.Options{ExcludeComments: true})
	if err != nil {
		return "", err
	}
	title := strings.TrimSpace(res.Metadata.Title)
	if title == "" {
		title = "Untitled"
	}
	var paras []string
	for _, p := range strings.Split(res.ContentText, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	return title + "\n\n" + strings.Join(paras, "\n\n") + "\n", nil
}
