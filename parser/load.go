// Package parser turns report files into model.Reports: bytes are decoded,
// the text normalized (pinyin residue, PDF and web debris, mojibake), split
// into a section tree whose nodes carry kinds, and mined for metrics.
package parser

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"baogao/model"
)

// Load reads each argument — a file, a directory (every regular file in it,
// sorted by name, not recursing) or "-" for stdin — and parses it. Inputs
// that fail give one error each; the others still load. Input files are
// only ever read.
func Load(args []string, stdin io.Reader) ([]*model.Report, []error) {
	return load(args, stdin, Parse)
}

// LoadTrees is Load with ParseTree: section trees without metrics.
func LoadTrees(args []string, stdin io.Reader) ([]*model.Report, []error) {
	return load(args, stdin, ParseTree)
}

func load(args []string, stdin io.Reader, parse func(string, []byte) (*model.Report, error)) ([]*model.Report, []error) {
	var reports []*model.Report
	var errs []error
	add := func(name string, data []byte, err error) {
		if err != nil {
			errs = append(errs, err)
			return
		}
		r, err := parse(name, data)
		if err != nil {
			errs = append(errs, err)
			return
		}
		reports = append(reports, r)
	}
	for _, arg := range args {
		if arg == "-" {
			data, err := io.ReadAll(stdin)
			if err != nil {
				err = fmt.Errorf("-: %w", err)
			}
			add("-", data, err)
			continue
		}
		info, err := os.Stat(arg)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", arg, unwrapPathError(err)))
			continue
		}
		if !info.IsDir() {
			data, err := os.ReadFile(arg)
			add(arg, data, wrapErr(arg, err))
			continue
		}
		entries, err := os.ReadDir(arg)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", arg, unwrapPathError(err)))
			continue
		}
		sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
		for _, e := range entries {
			if !e.Type().IsRegular() || e.Name()[0] == '.' {
				continue
			}
			p := filepath.Join(arg, e.Name())
			data, err := os.ReadFile(p)
			add(p, data, wrapErr(p, err))
		}
	}
	return reports, errs
}

func wrapErr(name string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", name, unwrapPathError(err))
}

// unwrapPathError drops os.PathError's own copy of the path, so messages
// name the file once.
func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
