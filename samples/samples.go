// Package samples embeds the fictional sample reports that `baogao` opens
// when started with no arguments.
package samples

import (
	"embed"
	"io/fs"
	"sort"
)

//go:embed *.txt
var files embed.FS

// File is one embedded sample report.
type File struct {
	Name string
	Data []byte
}

// All returns every sample report, sorted by name.
func All() []File {
	entries, _ := fs.ReadDir(files, ".")
	var out []File
	for _, e := range entries {
		data, err := files.ReadFile(e.Name())
		if err == nil {
			out = append(out, File{Name: e.Name(), Data: data})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
