package export

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "第一方面.md")
	steps := []struct {
		data    string
		force   bool
		wantErr error
		want    string
	}{
		{"一\n", false, nil, "一\n"},       // new file
		{"二\n", false, ErrExists, "一\n"}, // exists, not forced: untouched
		{"三\n", true, nil, "三\n"},        // forced: replaced
		{"", false, ErrExists, "三\n"},    // still refuses
	}
	for i, st := range steps {
		err := WriteFile(p, []byte(st.data), st.force)
		if (st.wantErr == nil) != (err == nil) || (st.wantErr != nil && !errors.Is(err, st.wantErr)) {
			t.Errorf("step %d: err %v, want %v", i, err, st.wantErr)
		}
		if got, _ := os.ReadFile(p); string(got) != st.want {
			t.Errorf("step %d: file holds %q, want %q", i, got, st.want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("directory holds %d entries, want 1 (temporary files left?)", len(entries))
	}
	if err := WriteFile(filepath.Join(dir, "no", "such", "dir.txt"), []byte("x"), false); err == nil {
		t.Error("WriteFile into a missing directory: no error")
	}
}
